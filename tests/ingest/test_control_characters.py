"""No control character survives parsing, from a page copy's body or from any metadata an HTML page gives (its
entities and JSON-LD escapes included), and the quotes' offsets still point at their text."""

import json

from archive.ingest import parse_document

CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f"


def assert_clean(article) -> None:
    for name, value in vars(article).items():
        if isinstance(value, str) and name != "raw_text":
            assert not set(value) & set(CONTROLS), name
    assert not set(article.raw_text) & set(CONTROLS)
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text
        assert not set(quote.text) & set(CONTROLS)
    for speaker in article.speakers:
        assert not set(speaker.name + speaker.description) & set(CONTROLS)


def test_a_page_copy_with_control_characters_in_its_quotes_parses_clean():
    text = (
        "Harbour strike\x1b[2J ends\n\n"
        f"“We are going\x0b back to work{CONTROLS} on Monday,” said Åsa\x1b Berg, the union’s chair.\n\n"
        "“It was a hard winter for everyone,” Berg added.\n\n"
        + "The strike began in November, when talks on pay and hours broke down after three weeks.\n\n"
        * 5
    )
    article = parse_document(text.encode(), "strike.txt")
    assert_clean(article)
    assert any("back to work on Monday" in q.text for q in article.quotes)


def test_an_html_page_with_escaped_control_characters_in_json_ld_and_entities_parses_clean():
    ld = {
        "@type": "NewsArticle",
        "headline": "Harbour\u0000 strike\u001b ends",
        "author": {"@type": "Person", "name": "Jo\u0000 Reporter\u000b"},
        "publisher": {"@type": "Organization", "name": "Daily\u0000 News"},
        "articleSection": "Busi\u0007ness",
        "datePublished": "2024-03-01",
        "url": "https://example.org/strike\u0000",
    }
    page = (
        "<html><head><title>Harbour&#0; strike&#27; ends</title>"
        f'<meta property="og:site_name" content="Daily&#27; News">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
        "<h1>Harbour&#27; strike ends</h1>"
        "<p>“We are going&#11; back to work on Monday,” said Åsa&#27; Berg, the union’s chair.</p>"
        "<p>“It was a hard winter for everyone,” Berg added, speaking&#x1b; outside the gates.</p>"
        "</article></body></html>"
    )
    article = parse_document(page.encode(), "strike.html")
    assert_clean(article)
    assert article.title == "Harbour strike ends"
    assert article.author == "Jo Reporter"
    assert "back to work on Monday" in article.body
