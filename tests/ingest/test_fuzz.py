"""Any bytes with any name through the ingest: a ParsedArticle whose quotes are exact spans, or UnreadableDocument.

Nothing else may come out: no other exception, no quote whose offsets miss its text. The strategies mix plain
text with the pieces parsers trip on (quote marks, attributions, line endings, NULs, markup, entities, BOMs).
"""

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.ingest import pipeline, read
from archive.ingest.parsed import QUOTE_KINDS

PIECES = [
    '"', "“", "”", "‘", "’", "«", "»", "„", "'", ",", ".", "?", "!", ":", ";", "(", ")", "— ", "- ", "–",
    " said ", " says ", " told ", " added ", "according to ", "Jane Roe", "Mr. Smith", "Prof. Gut", "the minister",
    " he ", "She ", "\n", "\n\n", "\r", "\r\n", "\x00", "\t", "\x0c", "\u2028", "\u2029", "\ufeff", "\u00a0",
    "Q:", "A:", "Question:", "June 8, 2023", "08.06.2023", "By John Doe", "Tags:", "©", "Read also",
    "<p>", "</p>", "<div>", "</div>", "<br>", "<article>", "<script>", "</script>", "<title>", "</title>",
    "<h1>", "<!--", "-->", "<![CDATA[", "&amp;", "&quot;", "&#0;", "&#x110000;", "&nbsp;",
    '<time datetime="2023-13-45">',
    '<meta property="og:title" content="x">',
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"0001-01-01",}</script>',
    "İ", "ß", "ﬁ", "e\u0301", "😀", "\ud7ff", "word ", "We will win ", "Trade doubled this year. ",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]
NAMES = ["article.txt", "page.html", "page.htm", "ARTICLE.TXT"]

documents = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join),
)


def check(data: bytes, name: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bs4 warns when a page looks like a file name; not our contract
            article = pipeline.parse_document(data, name)
    except read.UnreadableDocument as refused:
        reason = str(refused)
        assert reason and "\n" not in reason
        return
    assert article.body.strip()
    assert "\x00" not in article.body and "\r" not in article.body
    for quote in article.quotes:
        assert 0 <= quote.start < quote.end <= len(article.body)
        assert article.body[quote.start : quote.end] == quote.text
        assert quote.kind in QUOTE_KINDS
    named = {speaker.name for speaker in article.speakers}
    assert all(quote.speaker is None or quote.speaker in named for quote in article.quotes)


FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(documents, st.sampled_from(ENCODINGS), st.sampled_from(NAMES))
def test_any_text_in_any_encoding_gives_exact_quotes_or_a_reason(text, encoding, name):
    check(text.encode(encoding, errors="replace"), name)


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(NAMES))
def test_any_bytes_give_exact_quotes_or_a_reason(data, name):
    check(data, name)


@FUZZ
@given(st.binary(max_size=400))
def test_decode_gives_unix_text_without_nul_bytes_or_a_reason(data):
    try:
        text = read.decode(data)
    except read.UnreadableDocument as refused:
        assert str(refused)
        return
    assert text.strip() and "\x00" not in text and "\r" not in text and not text.startswith("\ufeff")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join), st.integers(1, 400))
def test_a_page_nested_deeply_or_cut_anywhere_is_still_read(fragment, depth):
    page = f"<html><body>{'<div>' * depth}<p>{fragment}</p><p>“We will win,” Jane Roe said on Monday.</p>"
    check(page.encode(), "page.html")
    check(page[: len(page) // 2].encode(), "page.html")
