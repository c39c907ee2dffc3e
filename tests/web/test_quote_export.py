import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from archive import downloads
from archive.models import Quote

pytestmark = pytest.mark.usefixtures("archive")

CSV, JSON, LIST = reverse("quote_export_csv"), reverse("quote_export_json"), reverse("quote_list")


@pytest.fixture
def archive(make_article, make_quote, make_speaker, make_topic):
    ann, bob = make_speaker("Ann Lee"), make_speaker("Bob Stone")
    first = make_article(
        title="Energy outlook",
        body="“Gas prices will fall,” said Ann Lee. “=HYPERLINK(1) ships are late,” Bob Stone said.",
        outlet="Daily Planet",
        url="https://example.com/energy",
        published_at=datetime(2023, 3, 10, tzinfo=UTC),
    )
    second = make_article(body="Bob Stone told us the harvest was good.", published_at=datetime(2023, 5, 2, tzinfo=UTC))
    make_quote("Gas prices will fall", article=first, speaker=ann).topics.add(make_topic("Wind farms"))
    make_quote("=HYPERLINK(1) ships are late", article=first, speaker=bob)
    make_quote("the harvest was good", article=second, speaker=bob, kind=Quote.Kind.REPORTED)
    make_quote("Bob Stone told us", article=second, speaker=bob, status=Quote.Status.REJECTED)


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="quotes.csv"'
    content = b"".join(response.streaming_content)
    # The UTF-8 byte-order mark, so that Excel reads the accents and curly quotes right.
    assert content.startswith(b"\xef\xbb\xbfid,")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def json_rows(response) -> list[dict]:
    assert response.status_code == 200 and response.streaming
    data = json.loads(b"".join(response.streaming_content))
    assert data["limit"] == downloads.EXPORT_LIMIT
    return data["quotes"]


@pytest.mark.parametrize(
    "query",
    [{}, {"speaker": "bob-stone"}, {"text": "ships"}, {"kind": "reported"}, {"topic": "wind-farms"}, {"text": "zebra"}],
)
def test_the_rows_are_the_filtered_lists_quotes_in_its_order(client, query):
    listed = [quote.pk for quote in client.get(LIST, query).context["quotes"]]
    assert [int(row["id"]) for row in csv_rows(client.get(CSV, query))] == listed
    assert [row["id"] for row in json_rows(client.get(JSON, query))] == listed


def test_a_row_says_who_said_what_where_and_when(client):
    [row] = json_rows(client.get(JSON, {"text": "gas"}))
    assert row["text"] == "Gas prices will fall"
    assert (row["speaker"], row["speaker_slug"], row["kind"], row["status"]) == (
        "Ann Lee",
        "ann-lee",
        "direct",
        "unreviewed",
    )
    assert row["published_at"] == "2023-03-10T00:00:00"  # no zone given: none printed
    assert (row["article_title"], row["outlet"], row["source_url"]) == (
        "Energy outlook",
        "Daily Planet",
        "https://example.com/energy",
    )
    assert row["topics"] == ["wind-farms"]
    quote = Quote.objects.get(pk=row["id"])
    assert row["public_id"] == quote.public_id and len(quote.public_id) == 10
    assert row["permalink"] == f"http://testserver/quotes/{quote.public_id}/"
    [line] = csv_rows(client.get(CSV, {"text": "gas"}))
    assert line["topics"] == "wind-farms" and line["speaker"] == "Ann Lee"
    assert (line["status"], line["public_id"]) == ("unreviewed", quote.public_id)


def test_the_downloads_carry_each_quotes_review_status_and_keep_to_the_verified_filter(client):
    Quote.objects.filter(text="Gas prices will fall").update(status=Quote.Status.VERIFIED)
    by_text = {row["text"]: row["status"] for row in json_rows(client.get(JSON))}
    assert by_text["Gas prices will fall"] == "verified" and by_text["the harvest was good"] == "unreviewed"
    assert [row["text"] for row in csv_rows(client.get(CSV, {"status": "verified"}))] == ["Gas prices will fall"]


def test_rejected_quotes_are_never_exported(client):
    assert "Bob Stone told us" not in {row["text"] for row in json_rows(client.get(JSON))}


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(client):
    [row] = csv_rows(client.get(CSV, {"text": "ships"}))
    assert row["text"] == "'=HYPERLINK(1) ships are late"
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx"):
        assert downloads.csv_cell(value) == "'" + value
    assert downloads.csv_cell("plain") == "plain" and downloads.csv_cell(None) == "" and downloads.csv_cell(-1) == -1
    # JSON is data, not a spreadsheet: the text is exact there.
    assert json_rows(client.get(JSON, {"text": "ships"}))[0]["text"] == "=HYPERLINK(1) ships are late"


def test_the_download_stops_at_the_limit(client, monkeypatch):
    monkeypatch.setattr(downloads, "EXPORT_LIMIT", 2)
    assert len(csv_rows(client.get(CSV))) == 2
    assert len(json_rows(client.get(JSON))) == 2


def test_bad_filters_are_refused_with_a_reason(client):
    response = client.get(CSV, {"speaker": "nobody-at-all"})
    assert response.status_code == 400
    assert "speaker" in response.content.decode()


def test_the_quote_list_links_to_the_downloads_with_its_filters(client):
    html = client.get(LIST, {"speaker": "bob-stone", "page": 1}).content.decode()
    assert f'href="{CSV}?speaker=bob-stone"' in html and f'href="{JSON}?speaker=bob-stone"' in html
