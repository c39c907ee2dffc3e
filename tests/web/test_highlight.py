"""The article body with its quotes highlighted: spans from the offsets, markup that always nests."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from archive.templatetags.archive_tags import context_clip, highlight, human_date, paragraph_spans, web_url

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


@dataclass
class FakeSpeaker:
    name: str
    slug: str = "someone"

    def get_absolute_url(self) -> str:
        return f"/speakers/{self.slug}/"


@dataclass
class FakeQuote:
    """Just what the highlighter reads from a Quote: no database needed."""

    pk: int
    text: str
    start: int
    end: int
    speaker: FakeSpeaker | None = None

    def get_absolute_url(self) -> str:
        return f"/quotes/{self.pk}/"


def quote_at(body: str, pk: int, start: int, end: int, speaker=None) -> FakeQuote:
    return FakeQuote(pk, body[start:end], start, end, speaker or FakeSpeaker(f"Speaker {pk}", f"speaker-{pk}"))


class TagChecker(HTMLParser):
    """Fails on an end tag that does not close the innermost open element."""

    VOID = {"br", "img", "hr", "input", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.marked_text: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if "mark" in self.stack:
            self.marked_text.append(data)


def check_nesting(html: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.stack == [], f"left open: {checker.stack}"
    return checker


def test_it_highlights_exactly_the_span_of_the_offsets():
    body = "He said “yes”. Later he said “yes” again."
    second = body.rindex("yes")
    html = highlight(body, [quote_at(body, 7, second, second + 3)])
    # The first "yes" is the same text, but only the one at the offsets is marked.
    assert html.count("<mark") == 1
    assert (
        'Later he said “<span class="anchor" id="q-7"></span>'
        '<mark class="quote"><a href="/quotes/7/" title="Quote by Speaker 7">yes</a></mark>'
    ) in html
    assert html.startswith("<p>He said “yes”.")


def test_it_names_and_links_the_speaker_after_the_quote_without_adding_to_the_text():
    body = "“We agree,” said Ann Lee."
    html = highlight(body, [quote_at(body, 1, 1, 9, FakeSpeaker("Ann Lee", "ann-lee"))])
    # The name is drawn by CSS from data-said-by: a copied passage holds only the article's words.
    said_by = '<a class="said-by" href="/speakers/ann-lee/" data-said-by="Ann Lee" aria-label="said by Ann Lee"></a>'
    assert f"</mark>{said_by},”" in html
    checker = check_nesting(html)
    assert "".join(checker.text) == body


def test_it_says_when_nobody_can_be_named():
    body = "“We agree,” a source said."
    quote = FakeQuote(1, "We agree", 1, 9, speaker=None)
    assert 'data-said-by="unknown speaker"' in highlight(body, [quote])


def test_it_makes_one_paragraph_of_each_non_blank_line():
    body = "  First line.  \n\n\nSecond line.\n   \nThird."
    assert [body[start:end] for start, end in paragraph_spans(body)] == ["First line.", "Second line.", "Third."]
    assert highlight(body, []) == "<p>First line.</p>\n<p>Second line.</p>\n<p>Third.</p>"


def test_it_keeps_adjacent_quotes_apart():
    body = "Intro: AAAABBBB end."
    first, second = quote_at(body, 1, 7, 11), quote_at(body, 2, 11, 15)
    html = highlight(body, [second, first])
    checker = check_nesting(html)
    assert '<a href="/quotes/1/" title="Quote by Speaker 1">AAAA</a></mark><a class="said-by"' in html
    assert '<a href="/quotes/2/" title="Quote by Speaker 2">BBBB</a></mark><a class="said-by"' in html
    assert "".join(checker.marked_text) == "AAAABBBB"


def test_it_cuts_overlapping_quotes_into_pieces_that_nest():
    body = "One two three four five."
    first = quote_at(body, 1, 0, 13)  # "One two three"
    second = quote_at(body, 2, 8, 18)  # "three four"
    html = highlight(body, [first, second])
    checker = check_nesting(html)
    # The shared words are marked once, as an overlap, and link to the quote that starts there.
    assert (
        '<mark class="quote overlap"><a href="/quotes/2/" title="Quote by Speaker 1; Quote by Speaker 2">three</a>'
        in html
    )
    assert "".join(checker.marked_text) == "One two three four"
    assert html.count('class="said-by"') == 2


def test_it_handles_a_quote_inside_another():
    body = "Outer starts, inner part, outer ends."
    outer = quote_at(body, 1, 0, 36)
    inner = quote_at(body, 2, 14, 24)
    html = highlight(body, [outer, inner])
    check_nesting(html)
    # The inner speaker is named where the inner quote ends, the outer one at the very end.
    assert html.index("/speakers/speaker-2/") < html.index("outer ends")
    assert html.index("/speakers/speaker-1/") > html.index("outer ends")


def test_it_handles_two_quotes_on_the_same_span():
    body = "Same words twice."
    html = highlight(body, [quote_at(body, 1, 0, 10), quote_at(body, 2, 0, 10)])
    check_nesting(html)
    assert html.count("<mark") == 1 and html.count('class="said-by"') == 2


def test_it_splits_a_quote_that_crosses_paragraphs_and_names_the_speaker_once():
    body = "Q: Why?\nA: Because it was time.\nAnd we went. Then we left."
    start, end = body.index("Because"), body.index(" Then")
    html = highlight(body, [quote_at(body, 1, start, end)])
    check_nesting(html)
    paragraphs = html.split("\n")
    assert "<mark" not in paragraphs[0]
    assert ">Because it was time.</a></mark></p>" in paragraphs[1]
    assert paragraphs[2].startswith(
        '<p><mark class="quote"><a href="/quotes/1/" title="Quote by Speaker 1">And we went.'
    )
    assert html.count('class="said-by"') == 1 and 'class="said-by"' in paragraphs[2]


def test_it_leaves_out_a_quote_whose_offsets_no_longer_match_the_body():
    body = "The text changed after the quote was taken."
    stale = FakeQuote(1, "was taken", 3, 12, FakeSpeaker("Ann"))
    outside = FakeQuote(2, "beyond", 40, 46, FakeSpeaker("Bob"))
    assert highlight(body, [stale, outside]) == f"<p>{body}</p>"


def test_it_escapes_the_body_the_quote_and_the_speaker_name():
    body = f"Before {XSS} and “{XSS} said” after & more."
    start = body.index("“") + 1
    quote = quote_at(body, 1, start, start + len(XSS) + 5, FakeSpeaker(f"Evil {XSS}", "evil"))
    html = highlight(body, [quote])
    assert XSS not in html and "<script" not in html
    # In the body, in the quote, in the quote's title and in the speaker's name (data-said-by and aria-label).
    assert html.count(ESCAPED_XSS) == 5
    assert "after &amp; more." in html
    check_nesting(html)


def test_it_shows_only_the_paragraphs_around_the_quote_when_given_a_window():
    body = "First paragraph.\nThe quoted one here.\nLast paragraph."
    start = body.index("quoted")
    html = highlight(body, [quote_at(body, 1, start, start + 6)], window=(start, start + 6), links=False)
    assert html.startswith("<p>The ") and "First" not in html and "Last" not in html
    assert '<mark class="quote" title="Quote by Speaker 1">quoted</mark>' in html


def test_it_writes_dates_for_people_and_says_when_there_is_none():
    from datetime import UTC, datetime

    from archive.models import Article

    zoned = Article(published_at=datetime(2023, 6, 9, 3, 30, tzinfo=UTC), published_utc_offset=-300)
    assert human_date(zoned) == '<time datetime="2023-06-08T22:30:00-05:00">8 June 2023</time>'
    unzoned = Article(published_at=datetime(2023, 6, 8, 12, 48, tzinfo=UTC), published_utc_offset=None)
    assert human_date(unzoned) == '<time datetime="2023-06-08T12:48:00">8 June 2023</time>'
    assert "Date unknown" in human_date(Article(published_at=None))


def test_it_links_only_web_addresses():
    assert web_url("https://example.com/a") == "https://example.com/a"
    assert web_url(" HTTP://example.com ") == "HTTP://example.com"
    assert web_url("javascript:alert(1)") == ""
    assert web_url("") == ""


def test_each_quote_starts_with_its_anchor_and_the_current_one_is_marked_apart():
    body = "“First,” said A. “Second,” said B."
    first, second = quote_at(body, 1, 1, 6), quote_at(body, 2, 18, 24)
    html = highlight(body, [first, second], current=second)
    assert '<span class="anchor" id="q-1"></span><mark class="quote">' in html
    assert '<span class="anchor" id="q-2"></span><mark class="quote current">' in html
    assert html.count("current") == 1


def test_context_of_a_quote_in_a_run_of_text_is_its_sentences_not_the_whole_article():
    filler = "Another sentence that is not the quote at all. " * 40
    body = filler + "He said “the quote itself” today. " + filler
    start = body.index("the quote itself")
    quote = quote_at(body, 1, start, start + len("the quote itself"))
    lo, hi = context_clip(body, quote.start, quote.end)
    html = highlight(body, [quote], window=(quote.start, quote.end), links=False, clip=(lo, hi))
    assert "the quote itself" in html and len(html) < 1200
    # Whole sentences, and "…" where the text goes on.
    assert html.startswith("<p>… Another sentence") and html.endswith("at all. …</p>")
