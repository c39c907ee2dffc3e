from datetime import UTC, datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.models import Quote
from archive.pagination import MoreThan, ResultsPaginator

URL = reverse("search")
XSS = "<script>alert(1)</script>"
NASTY = ['"', "'", "AND", "NOT", "(", ")", "*", "NEAR(", "a:b", "\x00", "gas\x00", '"gas', "x" * 10_000, "%_"]


@pytest.fixture
def archive(make_article, make_quote, make_speaker):
    ann = make_speaker("Ann Lee")
    older = make_article(
        title="Energy outlook",
        body="“Gas prices will fall,” said Ann Lee. “Gas, gas and more gas,” she said.",
        published_at=datetime(2021, 1, 1, tzinfo=UTC),
    )
    newer = make_article(
        title="Gas pipeline works",
        body="“The gas pipeline opens in spring,” Ann Lee said. “Rejected gas words,” she said.",
        published_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    make_quote("Gas prices will fall", article=older, speaker=ann)
    make_quote("Gas, gas and more gas", article=older, speaker=ann)
    make_quote("The gas pipeline opens in spring", article=newer, speaker=ann)
    make_quote("Rejected gas words", article=newer, speaker=ann, status=Quote.Status.REJECTED)


def listed(response) -> list[str]:
    return [getattr(row, "text", None) or row.title for row in response.context["page"]]


@pytest.mark.usefixtures("archive")
def test_it_lists_matching_quotes_newest_first_with_the_matches_marked(client):
    response = client.get(URL, {"q": "gas"})
    assert response.status_code == 200
    assert listed(response) == ["The gas pipeline opens in spring", "Gas, gas and more gas", "Gas prices will fall"]
    html = response.content.decode()
    assert "3 quotes, newest first." in html
    assert "The <mark>gas</mark> pipeline opens in spring" in html
    assert '<a class="speaker" href="/speakers/ann-lee/">Ann Lee</a>' in html


@pytest.mark.usefixtures("archive")
def test_it_orders_by_relevance_on_request(client):
    response = client.get(URL, {"q": "gas", "order": "relevance"})
    assert listed(response)[0] == "Gas, gas and more gas"
    assert "best match first." in response.content.decode()


@pytest.mark.usefixtures("archive")
def test_it_never_shows_rejected_quotes(client):
    for query in ({"q": "rejected"}, {"q": "gas words"}, {"q": "gas", "order": "relevance"}):
        response = client.get(URL, query)
        assert "Rejected gas words" not in response.content.decode()


@pytest.mark.usefixtures("archive")
def test_it_lists_articles_with_marked_titles_and_counts_both_kinds(client):
    response = client.get(URL, {"q": "pipeline", "type": "articles"})
    assert listed(response) == ["Gas pipeline works"]
    html = response.content.decode()
    assert "Gas <mark>pipeline</mark> works</a>" in html
    assert 'aria-current="page">Articles <span class="count">1</span>' in html
    assert 'Quotes <span class="count">1</span>' in html
    assert 'href="?q=pipeline&amp;type=quotes"' in html


def test_it_escapes_imported_text_and_marks_only_the_matches(client, make_article, make_quote):
    article = make_article(title=f"Plans {XSS}", body=f"“Evil {XSS} plans,” said Evil.")
    make_quote(f"Evil {XSS} plans", article=article)
    for kind in ("quotes", "articles"):
        html = client.get(URL, {"q": "plans", "type": kind}).content.decode()
        assert XSS not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert (
            html.count("<mark>")
            == html.count("</mark>")
            == html.count("<mark>plans</mark>") + html.count("<mark>Plans</mark>")
        )


def test_it_pages_the_results_and_keeps_the_query_in_page_links(client, make_quote):
    for n in range(23):
        make_quote(f"Harbour remark {n:02}")
    first = client.get(URL, {"q": "harbour", "order": "relevance"})
    assert len(listed(first)) == 20
    assert 'href="?q=harbour&amp;order=relevance&amp;page=2"' in first.content.decode()
    second = client.get(URL, {"q": "harbour", "order": "relevance", "page": 2})
    assert len(listed(second)) == 3
    assert not set(listed(first)) & set(listed(second))


@pytest.mark.usefixtures("archive")
def test_a_bad_page_or_option_falls_back_rather_than_failing(client):
    assert len(listed(client.get(URL, {"q": "gas", "page": "abc"}))) == 3
    assert len(listed(client.get(URL, {"q": "gas", "page": "99"}))) == 3
    assert len(listed(client.get(URL, {"q": "gas", "order": "sideways", "type": "people"}))) == 3


@pytest.mark.usefixtures("archive")
def test_it_says_when_nothing_matches_or_there_is_nothing_to_search(client):
    assert "No quotes contain all of these words." in client.get(URL, {"q": "zebra"}).content.decode()
    assert "Nothing to search for" in client.get(URL, {"q": "()*"}).content.decode()
    html = client.get(URL).content.decode()
    assert "<h1>Search</h1>" in html and "Nothing to search for" not in html


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("text", NASTY)
def test_odd_input_is_answered_with_a_page(client, text):
    for kind in ("quotes", "articles"):
        for order in ("date", "relevance"):
            assert client.get(URL, {"q": text, "type": kind, "order": order}).status_code == 200


@pytest.mark.usefixtures("archive")
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
    order=st.sampled_from(["date", "relevance", "x"]),
)
def test_arbitrary_input_never_fails(client, text, order):
    assert client.get(URL, {"q": text, "order": order}).status_code == 200
    assert client.get(reverse("quote_list"), {"text": text}).status_code == 200
    assert client.get(reverse("quote_export_json"), {"text": text}).status_code in (200, 400)


def test_the_site_search_box_leads_here(client, db):
    html = client.get(reverse("home")).content.decode()
    assert '<form class="site-search" role="search" action="/search/" method="get">' in html


def add_quotes(make_quote, make_speaker, how_many):
    for n in range(how_many):
        make_quote(f"Ferry timetable number {n}", speaker=make_speaker())


@pytest.mark.parametrize(
    "query", [{"q": "ferry"}, {"q": "ferry", "order": "relevance"}, {"q": "ferry", "type": "articles"}]
)
def test_it_runs_the_same_queries_whatever_the_page_holds(
    client, make_quote, make_speaker, django_assert_num_queries, query
):
    add_quotes(make_quote, make_speaker, 2)
    # Expect 6 queries for articles: the count of quotes, the count of articles, the ids of the page, its rows
    # with their snippets (quotes joined with their speakers and articles), the speakers whose names match, the
    # footer's count; for quotes 3 more: the ids of the newest matches and the two facet queries over them
    expected = 6 if query.get("type") == "articles" else 9
    with django_assert_num_queries(expected):
        client.get(URL, query)
    add_quotes(make_quote, make_speaker, 15)
    assert len(listed(client.get(URL, query))) == 17
    with django_assert_num_queries(expected):
        client.get(URL, query)


def test_it_runs_no_search_query_without_words(client, db, django_assert_num_queries):
    # Expect 1 query: the footer's count of verified quotes
    with django_assert_num_queries(1):
        client.get(URL, {"q": "()"})


def test_the_quote_lists_word_filter_alone_is_counted_and_paged_in_the_index(
    client, make_quote, make_speaker, django_assert_num_queries
):
    url = reverse("quote_list")
    add_quotes(make_quote, make_speaker, 2)
    # Expect 9 queries: the outlets for the outlet choice, the count in the index, the ids of the page, its
    # quotes joined with their speakers and articles, the topics for the topic choice, the ids of the newest
    # matches and the two facet queries over them, the footer's count
    with django_assert_num_queries(9):
        client.get(url, {"text": "ferry"})
    add_quotes(make_quote, make_speaker, 25)
    response = client.get(url, {"text": "ferry", "page": 2})
    assert response.context["paginator"].count == 27
    assert [q.text for q in response.context["quotes"]] == [
        q.text for q in Quote.objects.filter(text__startswith="Ferry").order_by("-published_at", "-id")[20:]
    ]
    with django_assert_num_queries(9):
        client.get(url, {"text": "ferry"})


@pytest.mark.usefixtures("archive")
def test_an_exact_count_offers_its_last_page(client, settings):
    settings.ARCHIVE_PAGE_SIZE = 1
    html = client.get(URL, {"q": "gas"}).content.decode()
    assert "Page 1 of 3" in html and ">Last<" in html
    assert listed(client.get(URL, {"q": "gas", "page": 3})) == ["Gas prices will fall"]


@pytest.mark.usefixtures("archive")
def test_facets_over_a_bounded_count_say_they_are_partial(client, monkeypatch):
    from archive import search

    monkeypatch.setattr(search, "COUNT_LIMIT", 2)
    html = client.get(URL, {"q": "gas"}).content.decode()
    assert "Counted among the newest 2 of more than 2 quotes." in html


def test_past_the_count_limit_pages_go_on_and_the_last_page_counts_to_the_end(client, make_quote, monkeypatch):
    # Matches are counted up to COUNT_LIMIT; the pages must still reach every match. Here the limit is 3 for 7
    # matches, in pages of 2.
    from archive import search

    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    for n in range(7):
        make_quote(f"Lighthouse remark {n}")
    with override_settings(ARCHIVE_PAGE_SIZE=2):
        pages = [client.get(URL, {"q": "lighthouse", "page": n}) for n in (1, 2, 3, 4, 9, "last")]
    texts = [listed(page) for page in pages]
    assert sorted(sum(texts[:4], [])) == sorted(f"Lighthouse remark {n}" for n in range(7))
    assert texts[4] == texts[5] == texts[3] and len(texts[3]) == 1  # past the end, and "last": the last page
    last = pages[5].context["page"]
    assert last.number == 4 and not last.has_next() and last.paginator.count == 7
    first = pages[0].context["page"]
    assert str(first.paginator.count) == "More than 3" and first.paginator.num_pages is None
    assert first.has_next() and pages[2].context["page"].has_next()
    html = pages[0].content.decode()
    assert "More than 3 quotes" in html and ">Last<" in html and "Page 1 of" not in html


class CappedResults:
    """What a Paginator reads of search.Results: a count capped at 3, slices, an exact count."""

    def __init__(self, size: int):
        self.rows = list(range(size))
        self.exact_counts = 0

    def count(self):
        return MoreThan(3) if len(self.rows) > 3 else len(self.rows)

    def exact_count(self):
        self.exact_counts += 1
        return len(self.rows)

    def __getitem__(self, item):
        return self.rows[item]


def test_the_results_paginator_numbers_pages_past_a_capped_count_and_counts_only_for_the_last():
    results = CappedResults(7)
    paginator = ResultsPaginator(results, 2)
    assert paginator.num_pages is None
    pages = [paginator.get_page(n) for n in ("1", 3, "4")]
    assert [list(page) for page in pages] == [[0, 1], [4, 5], [6]]
    assert [page.has_next() for page in pages] == [True, True, False]
    assert results.exact_counts == 0
    assert list(paginator.get_page(9)) == [6] and list(paginator.get_page("last")) == [6]
    assert paginator.get_page("x").number == 1 and paginator.get_page(None).number == 1
    assert paginator.num_pages == 4 and results.exact_counts == 1
    assert list(ResultsPaginator(results, 2).get_page("0")) == [6]  # out of range: the last page
    small = ResultsPaginator(CappedResults(3), 2)
    assert small.num_pages == 2 and list(small.get_page("last")) == [2]
