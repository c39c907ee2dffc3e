"""Sharing a quote: Open Graph, Twitter card and JSON-LD tags, the quote card image, the citation and embed code."""

import html as html_lib
import json
import re
from datetime import UTC, datetime
from io import BytesIO

import pytest
from PIL import Image

from archive.models import Quote

XSS = "<script>alert(1)</script>"


@pytest.fixture
def quote(make_article, make_quote, make_speaker):
    article = make_article(
        title="Pipeline opens",
        outlet="Daily Planet",
        author="Jo Writer",
        url="https://example.com/pipeline",
        body="First paragraph.\n“Gas will flow by May,” said Ann Lee.\nLast paragraph.",
        published_at=datetime(2023, 6, 8, 12, tzinfo=UTC),
    )
    return make_quote("Gas will flow by May", article=article, speaker=make_speaker("Ann Lee"))


def meta(html: str, name: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    assert match, name
    return html_lib.unescape(match.group(1))


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_a_quote_page_has_open_graph_and_twitter_tags_with_the_card_image(client, quote):
    html = client.get(quote.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == "Ann Lee: “Gas will flow by May”"
    assert meta(html, "og:url") == f"http://testserver/quotes/{quote.public_id}/"
    assert meta(html, "og:image") == f"http://testserver/quotes/{quote.public_id}/card.png"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert "Pipeline opens, Daily Planet" in meta(html, "og:description")


def test_a_quote_page_describes_the_quotation_in_json_ld_with_its_status(client, quote):
    data = json_ld(client.get(quote.get_absolute_url()).content.decode())
    assert data["@type"] == "Quotation" and data["text"] == "Gas will flow by May"
    assert data["spokenByCharacter"] == {"@type": "Person", "name": "Ann Lee"}
    assert data["identifier"] == quote.public_id and data["creativeWorkStatus"] == "Unreviewed"
    assert data["isPartOf"]["@type"] == "NewsArticle" and data["isPartOf"]["url"] == "https://example.com/pipeline"


def test_an_article_page_describes_the_news_article(client, quote):
    html = client.get(quote.article.get_absolute_url()).content.decode()
    data = json_ld(html)
    assert (data["@type"], data["headline"], data["publisher"]["name"]) == (
        "NewsArticle",
        "Pipeline opens",
        "Daily Planet",
    )
    assert meta(html, "og:title") == "Pipeline opens"


def test_imported_text_cannot_leave_the_json_ld_block(client, make_article, make_quote, make_speaker):
    article = make_article(title=f"</script>{XSS}", body=f"“{XSS} & </script>,” said Evil.")
    quote = make_quote(f"{XSS} & </script>", article=article, speaker=make_speaker(f"Evil {XSS}"))
    html = client.get(quote.get_absolute_url()).content.decode()
    assert XSS not in html and html.count("</script>") == 2  # archive.js and the data block's own end
    assert json_ld(html)["text"] == f"{XSS} & </script>"


def test_the_quote_card_is_a_1200_by_630_png(client, quote):
    response = client.get(f"/quotes/{quote.public_id}/card.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    # Not a blank image: the quote and the names are drawn in dark ink on the light paper.
    dark = sum(image.convert("L").histogram()[:100])
    assert dark > 5000


def test_a_card_is_drawn_for_a_very_long_quote_and_none_for_a_rejected_one(client, make_quote):
    long = make_quote("word " * 400 + "end")
    assert client.get(f"/quotes/{long.public_id}/card.png").status_code == 200
    rejected = make_quote("Withdrawn", status=Quote.Status.REJECTED)
    assert client.get(f"/quotes/{rejected.public_id}/card.png").status_code == 404


def test_the_citation_carries_the_original_article_address_and_a_copy_button(client, quote):
    html = client.get(quote.get_absolute_url()).content.decode()
    assert "8 June 2023, https://example.com/pipeline. Quote archive: http://testserver/quotes/" in html
    assert '<button type="button" class="copy" data-copy="citation">Copy the citation</button>' in html


def test_the_embed_code_is_shown_as_text_with_the_quote_escaped_inside(client, make_article, make_quote):
    quote = make_quote(f"{XSS} now", article=make_article(body=f"“{XSS} now,” said Evil."))
    html = client.get(quote.get_absolute_url()).content.decode()
    code = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    # What a reader copies is the textarea's text: HTML in which the quote is still escaped.
    copied = html_lib.unescape(code)
    assert copied.startswith('<blockquote class="quote-archive-embed" cite="http://testserver/quotes/')
    assert "&lt;script&gt;alert(1)&lt;/script&gt; now" in copied and XSS not in copied
