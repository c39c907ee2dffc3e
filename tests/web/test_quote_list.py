from datetime import UTC, datetime

import pytest
from django.urls import reverse

from archive.models import Quote

URL = reverse("quote_list")
XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def archive(make_article, make_quote, make_speaker, make_topic):
    """Three public quotes that differ in every filtered field, and a rejected one."""
    ann = make_speaker("Ann Lee")
    bob = make_speaker("Bob Stone")
    energy = make_topic("Wind farms")
    first = make_article(
        body="“Gas prices will fall,” said Ann Lee. “Ships are late,” Bob Stone said.",
        outlet="Daily Planet",
        published_at=datetime(2023, 3, 10, 23, 30, tzinfo=UTC),
    )
    second = make_article(
        body="Bob Stone told us the harvest was good.",
        outlet="Morning Star",
        published_at=datetime(2023, 5, 2, 8, tzinfo=UTC),
    )
    quotes = {
        "gas": make_quote("Gas prices will fall", article=first, speaker=ann),
        "ships": make_quote("Ships are late", article=first, speaker=bob, kind=Quote.Kind.DIRECT),
        "harvest": make_quote("the harvest was good", article=second, speaker=bob, kind=Quote.Kind.REPORTED),
    }
    quotes["gas"].topics.add(energy)
    make_quote("Bob Stone told us", article=second, speaker=bob, status=Quote.Status.REJECTED)
    return quotes


def listed(response) -> list[str]:
    return [quote.text for quote in response.context["quotes"]]


@pytest.mark.usefixtures("archive")
def test_it_lists_public_quotes_newest_first(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert listed(response) == ["the harvest was good", "Ships are late", "Gas prices will fall"]
    html = response.content.decode()
    assert "3 quotes, newest first." in html
    assert '<a class="speaker" href="/speakers/ann-lee/">Ann Lee</a>' in html
    assert "Daily Planet" in html and "10 March 2023" in html
    assert "Reported speech" in html


@pytest.mark.usefixtures("archive")
def test_it_never_shows_rejected_quotes(client):
    for query in ("", "?text=told", "?speaker=bob-stone", "?kind=direct&kind=reported"):
        assert "Bob Stone told us" not in listed(client.get(URL + query))


@pytest.mark.usefixtures("archive")
def test_it_filters_on_words_in_any_case(client):
    assert listed(client.get(URL, {"text": "SHIPS"})) == ["Ships are late"]


@pytest.mark.usefixtures("archive")
def test_it_filters_on_the_speaker_slug(client):
    assert listed(client.get(URL, {"speaker": "ann-lee"})) == ["Gas prices will fall"]
    assert len(listed(client.get(URL, {"speaker": "bob-stone"}))) == 2


@pytest.mark.usefixtures("archive")
def test_it_filters_on_the_topic_slug(client):
    assert listed(client.get(URL, {"topic": "wind-farms"})) == ["Gas prices will fall"]


@pytest.mark.usefixtures("archive")
def test_it_filters_on_the_outlet(client):
    response = client.get(URL, {"outlet": "Morning Star"})
    assert listed(response) == ["the harvest was good"]
    assert '<option value="Daily Planet">Daily Planet</option>' in response.content.decode()


@pytest.mark.usefixtures("archive")
def test_it_filters_on_the_kind(client):
    assert listed(client.get(URL, {"kind": "reported"})) == ["the harvest was good"]


@pytest.mark.usefixtures("archive")
def test_it_filters_on_a_date_range_including_both_days(client):
    # The first article was published late on 10 March: "to 10 March" still includes it.
    assert len(listed(client.get(URL, {"date_from": "2023-03-10", "date_to": "2023-03-10"}))) == 2
    assert listed(client.get(URL, {"date_from": "2023-03-11"})) == ["the harvest was good"]
    assert len(listed(client.get(URL, {"date_to": "2023-05-01"}))) == 2


@pytest.mark.usefixtures("archive")
def test_it_combines_filters(client):
    assert listed(client.get(URL, {"speaker": "bob-stone", "outlet": "Daily Planet"})) == ["Ships are late"]
    assert listed(client.get(URL, {"speaker": "ann-lee", "kind": "reported"})) == []


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "query",
    [
        {"speaker": "nobody-at-all"},
        {"topic": "no-such-topic"},
        {"outlet": "Unknown Gazette"},
        {"kind": "shouted"},
        {"date_from": "2023-13-45"},
        {"date_to": "yesterday"},
    ],
)
def test_it_shows_no_quotes_and_an_error_for_a_bad_filter_value(client, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert listed(response) == []
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert "please correct the filters above" in html


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "0001-01-01", "date_to": "9999-12-31"},
        {"text": "nul\x00byte"},
        {"speaker": "\x00"},
        {"text": "%_'\"()*"},
        {"page": "1", "speaker": ["ann-lee", "bob-stone"]},
    ],
)
def test_it_never_fails_on_odd_input(client, query):
    assert client.get(URL, query).status_code == 200


def test_it_writes_the_empty_states_for_people(client, db):
    assert "No quotes yet." in client.get(URL).content.decode()


@pytest.mark.usefixtures("archive")
def test_it_says_when_no_quote_matches(client):
    assert "No quotes match these filters." in client.get(URL, {"text": "zebra"}).content.decode()


@pytest.mark.usefixtures("archive")
def test_it_labels_every_filter_field(client):
    html = client.get(URL).content.decode()
    for name in ("text", "speaker", "topic", "outlet", "kind", "date_from", "date_to"):
        assert f'<label for="id_{name}">' in html
    assert '<form class="site-search" role="search"' in html


def test_it_escapes_imported_text(client, make_article, make_quote, make_speaker):
    article = make_article(title=XSS, body=f"“{XSS}” said Evil.", outlet=XSS)
    make_quote(XSS, article=article, speaker=make_speaker(f"Evil {XSS}"))
    html = client.get(URL).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) >= 4  # quote, speaker, title, outlet (and the outlet choice)


def test_it_pages_the_quotes_and_keeps_the_filters_in_page_links(client, make_quote, make_speaker):
    ann = make_speaker("Ann Lee")
    for n in range(23):
        make_quote(f"Numbered remark {n:02}", speaker=ann)
    first = client.get(URL, {"speaker": "ann-lee"})
    assert len(listed(first)) == 20
    html = first.content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?speaker=ann-lee&amp;page=2"' in html
    second = client.get(URL, {"speaker": "ann-lee", "page": 2})
    assert len(listed(second)) == 3
    assert not set(listed(first)) & set(listed(second))


@pytest.mark.usefixtures("archive")
def test_a_page_past_the_end_shows_the_last_page(client):
    response = client.get(URL, {"page": 9})
    assert response.status_code == 200 and response.context["page_obj"].number == 1
    assert listed(response) == ["the harvest was good", "Ships are late", "Gas prices will fall"]
    assert client.get(URL, {"page": "abc"}).context["page_obj"].number == 1
    assert client.get(URL, {"page": "last"}).context["page_obj"].number == 1


def add_quotes(make_quote, make_speaker, make_topic, how_many, speaker=None, topic=None):
    for _ in range(how_many):
        quote = make_quote(speaker=speaker or make_speaker())
        quote.topics.add(topic or make_topic())


def test_it_runs_the_same_queries_whatever_the_page_holds(
    client, make_quote, make_speaker, make_topic, django_assert_num_queries
):
    add_quotes(make_quote, make_speaker, make_topic, 3)
    # Expect 8 queries: the outlets for the outlet choice, the count, the page of quotes joined
    # with their speakers and articles, the topics for the topic choice, the facets (the ids of the newest quotes,
    # then one GROUP BY of speakers, outlets, statuses and years and one of topics over them), the footer's count
    # of verified quotes
    with django_assert_num_queries(8):
        client.get(URL)
    add_quotes(make_quote, make_speaker, make_topic, 12)
    with django_assert_num_queries(8):
        client.get(URL)


def test_it_runs_three_more_queries_when_filtering_on_a_speaker_and_a_topic(
    client, make_quote, make_speaker, make_topic, django_assert_num_queries
):
    speaker, topic = make_speaker(), make_topic()
    add_quotes(make_quote, make_speaker, make_topic, 3, speaker, topic)
    query = {"speaker": speaker.slug, "topic": topic.slug, "kind": "direct", "date_from": "2000-01-01", "text": "words"}
    # Expect 11 queries: the outlets, the speaker and the topic named by the filters, the topic's size (which picks
    # the plan, models.on_topic), the page of quotes, the count, the topics for the topic choice, the facets' window
    # of ids and their two queries, the footer's count
    with django_assert_num_queries(11):
        client.get(URL, query)
    add_quotes(make_quote, make_speaker, make_topic, 12, speaker, topic)
    assert len(client.get(URL, query).context["quotes"]) == 15
    with django_assert_num_queries(11):
        client.get(URL, query)


@pytest.mark.usefixtures("archive")
def test_it_explains_an_unknown_speaker_in_words(client):
    assert "No speaker has this name." in client.get(URL, {"speaker": "nobody"}).content.decode()


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("name", ["Bob Stone", "stone", "STONE", "bob st", "Stöne"])
def test_it_filters_on_a_speakers_name_or_part_of_it_in_any_case_and_accent(client, name):
    assert listed(client.get(URL, {"speaker": name})) == ["the harvest was good", "Ships are late"]


@pytest.mark.usefixtures("archive")
def test_a_name_that_fits_several_speakers_lists_them(client, make_speaker):
    make_speaker("Bob Marley")
    html = client.get(URL, {"speaker": "bob"}).content.decode()
    assert "Several speakers match: Bob Marley, Bob Stone. Type more of the name." in html


@pytest.mark.usefixtures("archive")
def test_it_filters_to_verified_quotes(client):
    Quote.objects.filter(text="Ships are late").update(status=Quote.Status.VERIFIED)
    assert listed(client.get(URL, {"status": "verified"})) == ["Ships are late"]
    assert listed(client.get(URL, {"status": "unreviewed"})) == ["the harvest was good", "Gas prices will fall"]


@pytest.mark.usefixtures("archive")
def test_every_quote_in_the_list_shows_its_review_status(client):
    Quote.objects.filter(text="Ships are late").update(status=Quote.Status.VERIFIED)
    html = client.get(URL).content.decode()
    assert html.count('<span class="status status-verified">Verified</span>') == 1
    assert html.count('<span class="status status-unreviewed">Not yet checked</span>') == 2


@pytest.mark.usefixtures("archive")
def test_a_to_date_before_the_from_date_is_explained(client):
    html = client.get(URL, {"date_from": "2023-05-01", "date_to": "2023-01-01"}).content.decode()
    assert "“To” is before “From”: no quote can be in between." in html


@pytest.mark.usefixtures("archive")
def test_it_reads_the_page_size_per_request(client, settings):
    settings.ARCHIVE_PAGE_SIZE = 2
    response = client.get(URL)
    assert len(listed(response)) == 2
    assert response.context["page_obj"].paginator.num_pages == 2
