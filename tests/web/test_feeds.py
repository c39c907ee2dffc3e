from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from archive.models import Quote

ATOM = "{http://www.w3.org/2005/Atom}"
XSS = "<script>alert(1)</script>"


def entries(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # well-formed XML, or this raises
    assert feed.tag == f"{ATOM}feed"
    return feed.findall(f"{ATOM}entry")


@pytest.fixture
def ann(make_speaker):
    return make_speaker("Ann Lee")


def test_a_speakers_feed_lists_their_public_quotes_newest_first(client, ann, make_article, make_quote):
    old = make_article(body="“Old words here,” said Ann Lee.", published_at=datetime(2020, 1, 1, tzinfo=UTC))
    new = make_article(body="“New words here,” said Ann Lee.", published_at=datetime(2024, 1, 1, tzinfo=UTC))
    make_quote("Old words here", article=old, speaker=ann)
    make_quote("New words here", article=new, speaker=ann)
    make_quote("said Ann Lee", article=new, speaker=ann, status=Quote.Status.REJECTED)
    found = entries(client.get(reverse("speaker_feed", args=[ann.slug])))
    assert [e.find(f"{ATOM}title").text for e in found] == [
        "Ann Lee: “New words here” (not yet checked)",
        "Ann Lee: “Old words here” (not yet checked)",
    ]
    assert found[0].find(f"{ATOM}link").get("href").startswith("http://testserver/quotes/")
    assert found[0].find(f"{ATOM}published").text.startswith("2024-01-01")


def test_a_feed_holds_the_latest_fifty(client, ann, make_quote):
    for n in range(52):
        make_quote(f"Remark {n}", speaker=ann)
    assert len(entries(client.get(reverse("speaker_feed", args=[ann.slug])))) == 50


def test_a_topics_feed_lists_its_quotes(client, make_quote, make_topic):
    topic = make_topic("Ports")
    make_quote("Tagged words").topics.add(topic)
    make_quote("Untagged words")
    found = entries(client.get(reverse("topic_feed", args=[topic.slug])))
    assert [e.find(f"{ATOM}title").text for e in found] == ["Unknown speaker: “Tagged words” (not yet checked)"]


def test_imported_text_is_escaped_in_titles_and_html_summaries(client, make_speaker, make_article, make_quote):
    evil = make_speaker(f"Evil {XSS}")
    make_quote(f"Do {XSS} & more", article=make_article(title=XSS, body=f"“Do {XSS} & more,” said Evil."), speaker=evil)
    response = client.get(reverse("speaker_feed", args=[evil.slug]))
    [entry] = entries(response)
    assert (
        entry.find(f"{ATOM}title").text == f"Evil {XSS}: “Do {XSS} & more” (not yet checked)"
    )  # plain text, escaped as XML
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # The HTML a feed reader renders holds the text escaped, never the tag itself.
    assert "&lt;script&gt;" in summary.text and "<script>" not in summary.text


def test_speaker_and_topic_pages_link_to_their_feeds(client, ann, make_topic):
    topic = make_topic("Ports")
    for page, feed in (
        (reverse("speaker_detail", args=[ann.slug]), reverse("speaker_feed", args=[ann.slug])),
        (reverse("topic_detail", args=[topic.slug]), reverse("topic_feed", args=[topic.slug])),
    ):
        html = client.get(page).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{feed}"' in html


def test_an_unknown_speaker_or_topic_has_no_feed(client, db):
    assert client.get(reverse("speaker_feed", args=["nobody"])).status_code == 404
    assert client.get(reverse("topic_feed", args=["nothing"])).status_code == 404


def test_a_feed_runs_two_queries_whatever_it_holds(client, ann, make_quote, django_assert_num_queries):
    make_quote("One remark", speaker=ann)
    # Expect 2 queries: the speaker, the quotes joined with their articles and speakers
    with django_assert_num_queries(2):
        client.get(reverse("speaker_feed", args=[ann.slug]))
    for n in range(10):
        make_quote(f"Remark {n}", speaker=ann)
    with django_assert_num_queries(2):
        client.get(reverse("speaker_feed", args=[ann.slug]))


def test_every_entry_carries_its_review_status(client, ann, make_quote):
    make_quote("Checked words", speaker=ann, status=Quote.Status.VERIFIED)
    make_quote("Unchecked words", speaker=ann)
    found = {e.find(f"{ATOM}title").text: e for e in entries(client.get(reverse("speaker_feed", args=[ann.slug])))}
    checked, unchecked = found["Ann Lee: “Checked words”"], found["Ann Lee: “Unchecked words” (not yet checked)"]
    assert checked.find(f"{ATOM}category").get("term") == "verified"
    assert unchecked.find(f"{ATOM}category").get("term") == "unreviewed"
    assert "Verified by an editor." in checked.find(f"{ATOM}summary").text


def test_any_filtered_quote_list_is_a_feed(client, ann, make_quote, make_speaker):
    make_quote("Ferry checked", speaker=ann, status=Quote.Status.VERIFIED)
    make_quote("Ferry unchecked", speaker=ann)
    make_quote("Ferry by another", speaker=make_speaker("Bob Stone"), status=Quote.Status.VERIFIED)
    make_quote("Ferry withdrawn", speaker=ann, status=Quote.Status.REJECTED)
    url = reverse("quote_feed")
    titles = [
        e.find(f"{ATOM}title").text for e in entries(client.get(url, {"speaker": "ann-lee", "status": "verified"}))
    ]
    assert titles == ["Ann Lee: “Ferry checked”"]
    # A search's words (as the quote list's text filter): the alert the search page links to.
    titles = {e.find(f"{ATOM}title").text for e in entries(client.get(url, {"text": "ferry"}))}
    assert titles == {
        "Ann Lee: “Ferry checked”",
        "Ann Lee: “Ferry unchecked” (not yet checked)",
        "Bob Stone: “Ferry by another”",
    }
    assert client.get(url, {"speaker": "nobody at all"}).status_code == 400


def test_the_quote_list_and_the_search_page_link_their_feeds(client, ann, make_quote):
    make_quote("Ferry words", speaker=ann)
    assert (
        'href="/quotes/feed/?speaker=ann-lee"'
        in client.get(reverse("quote_list"), {"speaker": "ann-lee"}).content.decode()
    )
    assert 'href="/quotes/feed/?text=ferry"' in client.get(reverse("search"), {"q": "ferry"}).content.decode()


CONTROLS = "\x1b[31m\x0b\x0c\x1f\x08"  # no NUL: PostgreSQL refuses to store one


def test_control_characters_stored_before_the_import_dropped_them_do_not_break_a_feed(
    client, make_speaker, make_article, make_quote, make_topic
):
    # Rows written before read.py dropped control characters (or by hand) may still hold them.
    speaker = make_speaker(f"Ann\x1b Lee{CONTROLS}")
    topic = make_topic("Ports")
    article = make_article(title=f"Port{CONTROLS} news", body=f"“Ships{CONTROLS} are late,” said Ann Lee.")
    make_quote(f"Ships{CONTROLS} are late", article=article, speaker=speaker).topics.add(topic)
    for feed in (reverse("speaker_feed", args=[speaker.slug]), reverse("topic_feed", args=[topic.slug])):
        [entry] = entries(client.get(feed))
        assert entry.find(f"{ATOM}title").text == "Ann Lee[31m: “Ships[31m are late” (not yet checked)"
