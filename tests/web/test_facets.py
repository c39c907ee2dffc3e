"""Facets of the quote list and the search: counts by status, speaker, topic, outlet and year, each a link."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive import facets
from archive.models import Quote

pytestmark = pytest.mark.usefixtures("archive")

URL = reverse("quote_list")


@pytest.fixture
def archive(make_article, make_quote, make_speaker, make_topic):
    ann, bob = make_speaker("Ann Lee"), make_speaker("Bob Stone")
    ports = make_topic("Ports")
    # One outlet printed three ways: one entry.
    a = make_article(
        body="“Ferry one,” “Ferry two,” “Ferry three.”",
        outlet="Caliber.Az",
        published_at=datetime(2023, 3, 1, tzinfo=UTC),
    )
    b = make_article(body="“Ferry four.”", outlet="CALIBER.AZ", published_at=datetime(2024, 5, 1, tzinfo=UTC))
    c = make_article(body="“Ferry five.”", outlet="caliber.az", published_at=datetime(2024, 6, 1, tzinfo=UTC))
    d = make_article(body="“Ferry six.”", outlet="The Daily Planet", published_at=datetime(2024, 7, 1, tzinfo=UTC))
    make_quote("Ferry one", article=a, speaker=ann, status=Quote.Status.VERIFIED).topics.add(ports)
    make_quote("Ferry two", article=a, speaker=ann).topics.add(ports)
    make_quote("Ferry three", article=a, speaker=bob)
    make_quote("Ferry four", article=b, speaker=ann, status=Quote.Status.VERIFIED)
    make_quote("Ferry five", article=c)
    make_quote("Ferry six", article=d, speaker=bob, status=Quote.Status.REJECTED)


def counts(response) -> dict[str, dict[str, int]]:
    return {
        facet.name: {entry.label: entry.count for entry in facet.entries}
        for facet in response.context["facets"]["facets"]
    }


def test_the_quote_list_counts_its_quotes_by_status_speaker_topic_outlet_and_year(client):
    found = counts(client.get(URL))
    assert found == {
        "status": {"Verified": 2, "Not yet checked": 3},
        "speaker": {"Ann Lee": 3, "Bob Stone": 1},
        "topic": {"Ports": 2},
        "outlet": {"Caliber.Az": 5},
        "year": {"2024": 2, "2023": 3},
    }


def test_the_facets_count_the_filtered_list_and_link_to_narrower_lists(client):
    response = client.get(URL, {"speaker": "ann-lee"})
    assert counts(response)["status"] == {"Verified": 2, "Not yet checked": 1}
    verified = response.context["facets"]["facets"][0].entries[0]
    assert verified.url == f"{URL}?speaker=ann-lee&status=verified"
    narrowed = client.get(verified.url)
    assert [q.text for q in narrowed.context["quotes"]] == ["Ferry four", "Ferry one"]
    html = narrowed.content.decode()
    assert f'<a href="{URL}?speaker=ann-lee&amp;status=verified" aria-current="true">Verified</a>' in html


def test_one_outlet_printed_several_ways_is_one_filter(client):
    response = client.get(URL, {"outlet": "Caliber.Az"})
    assert len(response.context["quotes"]) == 5
    choices = [label for value, label in response.context["filter"].form.fields["outlet"].choices if value]
    assert choices == ["Caliber.Az", "The Daily Planet"]


def test_the_search_page_shows_facets_that_open_the_quote_list(client):
    response = client.get(reverse("search"), {"q": "ferry"})
    found = counts(response)
    assert found["speaker"] == {"Ann Lee": 3, "Bob Stone": 1}
    entry = next(f for f in response.context["facets"]["facets"] if f.name == "status").entries[0]
    assert entry.url == f"{URL}?text=ferry&status=verified"
    assert [q.text for q in client.get(entry.url).context["quotes"]] == ["Ferry four", "Ferry one"]


def test_the_facets_are_counted_over_a_bounded_window_and_say_so(client, monkeypatch):
    monkeypatch.setattr(facets, "WINDOW", 2)
    response = client.get(URL)
    assert sum(counts(response)["status"].values()) == 2
    assert "Counted among the newest 2 of 5 quotes." in response.content.decode()


def test_best_first_search_still_counts_its_facets_over_the_newest_matches(client, monkeypatch, make_article,
                                                                          make_quote, make_speaker):  # fmt: skip
    # The best match of all is the oldest: ranking the window best first would count its speaker.
    old = make_article(body="“Ferry, ferry, ferry.”", published_at=datetime(2015, 1, 1, tzinfo=UTC))
    make_quote("Ferry, ferry, ferry", article=old, speaker=make_speaker("Cem Best"))
    monkeypatch.setattr(facets, "WINDOW", 2)
    best_first = client.get(reverse("search"), {"q": "ferry", "order": "relevance"})
    assert best_first.context["page"][0].text == "Ferry, ferry, ferry"
    # The newest two: "Ferry five" (nobody named) and "Ferry four" (Ann Lee).
    assert counts(best_first) == counts(client.get(reverse("search"), {"q": "ferry"}))
    assert counts(best_first)["speaker"] == {"Ann Lee": 1}
    assert "Counted among the newest 2 of 6 quotes." in best_first.content.decode()


def facet_queries(client) -> list[dict]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return [q for q in queries.captured_queries if "GROUP BY" in q["sql"]]


def test_the_facets_group_the_quotes_own_columns_and_name_each_speaker_after_grouping(client):
    # Joined before the GROUP BY, PostgreSQL hashed every article and every speaker of the archive for 1,000 rows.
    grouped = next(q["sql"] for q in facet_queries(client) if '"archive_quote"."status"' in q["sql"])
    assert "archive_article" not in grouped and "JOIN" not in grouped, grouped
    assert 'SELECT U0."name"' in grouped  # the speaker's name: a subquery per group


def test_the_window_of_ids_is_one_parameter(client):
    # An array on PostgreSQL, a JSON array on SQLite: 1,000 parameters cost more Python than the query itself.
    marker = "= ANY(" if connection.vendor == "postgresql" else "IN (SELECT value FROM json_each("
    for query in facet_queries(client):
        assert marker in query["sql"], query["sql"]
    window = list(Quote.objects.values_list("pk", flat=True))
    assert sorted(Quote.objects.filter(facets.among("pk", window)).values_list("pk", flat=True)) == sorted(window)
    assert not Quote.objects.filter(facets.among("pk", [])).exists()


def test_a_list_counted_only_past_the_limit_says_its_facets_are_partial(rf):
    from archive.pagination import MoreThan

    found = facets.quote_facets(list(Quote.objects.values_list("pk", flat=True)), rf.get(URL), MoreThan(1000))
    assert found["partial"] and found["counted"] == 1000
