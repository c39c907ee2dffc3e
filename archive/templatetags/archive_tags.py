"""Template helpers of the public pages: quotes highlighted in their article's text, dates, page links.

Imported text is never marked safe: every slice of it goes through `conditional_escape`/`format_html`,
and only the markup built around those slices here is trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    quotes: tuple  # the quotes covering this stretch of text, outermost first


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each non-blank line of the body, its surrounding spaces left out."""
    spans = []
    for match in _LINE.finditer(body):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _usable(quote, body: str) -> bool:
    # A quote whose offsets no longer match the body (a changed source) is listed, never mis-highlighted.
    return 0 <= quote.start < quote.end <= len(body) and body[quote.start : quote.end] == quote.text


def segments(paragraph: tuple[int, int], quotes: list) -> list[Segment]:
    """The paragraph cut at every quote boundary inside it, each piece with the quotes that cover it."""
    lo, hi = paragraph
    cuts = {lo, hi}
    for quote in quotes:
        cuts.update(point for point in (quote.start, quote.end) if lo < point < hi)
    points = sorted(cuts)
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        covering = tuple(q for q in quotes if q.start <= start and end <= q.end)
        pieces.append(Segment(start, end, covering))
    return pieces


def _said_by(quote) -> SafeString:
    # The name is drawn by CSS from data-said-by (.said-by::before): shown beside the quote, read out by screen
    # readers through aria-label, but not part of the article's text, so a copied passage is the source's words.
    if quote.speaker is None:
        return mark_safe('<span class="said-by" data-said-by="unknown speaker"></span>')
    return format_html(
        '<a class="said-by" href="{}" data-said-by="{}" aria-label="said by {}"></a>',
        quote.speaker.get_absolute_url(),
        quote.speaker.name,
        quote.speaker.name,
    )


def anchor_id(quote) -> str:
    """The id of a quote's place in its article's text: /articles/<slug>/#q-<public id> lands on it."""
    return f"q-{getattr(quote, 'public_id', None) or quote.pk}"


def _speaker_name(quote) -> str:
    return quote.speaker.name if quote.speaker else "an unknown speaker"


def _render_segment(body: str, piece: Segment, links: bool, current=None) -> SafeString:
    text = body[piece.start : piece.end]
    if not piece.quotes:
        return conditional_escape(text)
    css = "quote overlap" if len(piece.quotes) > 1 else "quote"
    if current is not None and any(q is current for q in piece.quotes):
        css += " current"
    title = "; ".join(f"Quote by {_speaker_name(q)}" for q in piece.quotes)
    if not links:
        return format_html('<mark class="{}" title="{}">{}</mark>', css, title, text)
    # Links cannot nest: where quotes overlap, the innermost (latest to start) is the one linked.
    inner = max(piece.quotes, key=lambda q: (q.start, -q.end))
    return format_html(
        '<mark class="{}"><a href="{}" title="{}">{}</a></mark>', css, inner.get_absolute_url(), title, text
    )


def highlight(
    body: str,
    quotes,
    *,
    window: tuple[int, int] | None = None,
    links: bool = True,
    clip: tuple[int, int] | None = None,
    current=None,
) -> SafeString:
    """The body as <p> paragraphs with each quote in a <mark>, followed by its speaker's name.

    Quotes may cross paragraphs, overlap or touch: the text is cut into flat pieces at every boundary, so
    the markup nests correctly whatever the spans. `window` keeps only the paragraphs touching that range, and
    `clip` cuts those paragraphs to a range (with "…" where text is left out). With links, each quote's start
    carries its anchor (`anchor_id`); the `current` quote's pieces are marked apart (class "current").
    """
    quotes = sorted((q for q in quotes if _usable(q, body)), key=lambda q: (q.start, -q.end))
    paragraphs = paragraph_spans(body)
    if window is not None:
        paragraphs = [(lo, hi) for lo, hi in paragraphs if lo < window[1] and window[0] < hi]
    if clip is not None:
        paragraphs = [(max(lo, clip[0]), min(hi, clip[1])) for lo, hi in paragraphs if lo < clip[1] and clip[0] < hi]
    cut = [segments(paragraph, quotes) for paragraph in paragraphs]
    # Each quote's speaker is named once, after the last piece of the quote that is shown.
    last_piece = {}
    for p, pieces in enumerate(cut):
        for i, piece in enumerate(pieces):
            for quote in piece.quotes:
                last_piece[id(quote)] = (p, i)
    html = []
    for p, pieces in enumerate(cut):
        parts = []
        if clip is not None and pieces and pieces[0].start == clip[0] and clip[0] > 0:
            parts.append(mark_safe("… "))
        for i, piece in enumerate(pieces):
            if links:
                for quote in piece.quotes:
                    if quote.start == piece.start:
                        parts.append(format_html('<span class="anchor" id="{}"></span>', anchor_id(quote)))
            parts.append(_render_segment(body, piece, links, current))
            # Inner quotes end first: name their speakers before the outer ones'.
            for quote in sorted(piece.quotes, key=lambda q: (q.end, -q.start)):
                if last_piece[id(quote)] == (p, i):
                    parts.append(_said_by(quote))
        if clip is not None and pieces and pieces[-1].end == clip[1] and clip[1] < len(body):
            parts.append(mark_safe(" …"))
        html.append(format_html("<p>{}</p>", mark_safe("".join(parts))))  # every part was escaped above
    return mark_safe("\n".join(html))


@register.simple_tag
def highlighted_body(article, quotes, current=None) -> SafeString:
    """{% highlighted_body article quotes current %}: the article's text with its quotes marked and linked, the
    current one (the quote a reader came from) marked apart."""
    return highlight(article.body, quotes, current=current)


# Context around a quote: the paragraph, or when paragraphs ran together in the source, the sentences within
# this many characters either side.
CONTEXT_REACH = 400
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s+")


def context_clip(body: str, start: int, end: int, reach: int = CONTEXT_REACH) -> tuple[int, int]:
    """The whole sentences around body[start:end] that lie within `reach` characters of it (the quote's own
    sentence always)."""
    lo, hi = max(0, start - reach), min(len(body), end + reach)
    if lo > 0:
        first = _SENTENCE_END.search(body, lo, start)
        lo = first.end() if first else start
    if hi < len(body):
        ends = list(_SENTENCE_END.finditer(body, end, hi))
        hi = ends[-1].start() + 1 if ends else end
    return lo, hi


@register.simple_tag
def quote_in_context(quote) -> SafeString:
    """{% quote_in_context quote %}: the paragraph holding the quote (or the sentences around it, in a long run
    of text), with the quote marked."""
    body = quote.article.body
    paragraphs = [(lo, hi) for lo, hi in paragraph_spans(body) if lo < quote.end and quote.start < hi]
    long_run = paragraphs and paragraphs[-1][1] - paragraphs[0][0] > 3 * CONTEXT_REACH
    clip = context_clip(body, quote.start, quote.end) if long_run else None
    return highlight(body, [quote], window=(quote.start, quote.end), links=False, clip=clip)


@register.filter
def quote_anchor(quote) -> str:
    return anchor_id(quote)


@register.filter
def status_label(quote) -> str:
    return "Verified" if quote.status == "verified" else "Not yet checked"


@register.filter
def human_date(row) -> SafeString:
    """A <time> element reading "8 June 2023" for an article or quote, in the zone the page printed its time in
    (a time without a zone carries no offset in its datetime attribute), or "Date unknown" when the source gave none."""
    printed = row.published_as_printed
    if printed is None:
        return mark_safe('<span class="unknown-date">Date unknown</span>')
    return format_html('<time datetime="{}">{}</time>', printed.isoformat(), format_date(printed, "j F Y"))


@register.simple_tag(takes_context=True)
def page_url(context, number, param: str = "page") -> str:
    """The current address with one page number changed, keeping the filters: {% page_url 3 "page" %}."""
    query = context["request"].GET.copy()
    if str(number) == "1":
        query.pop(param, None)
    else:
        query[param] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else context["request"].path


@register.filter
def web_url(value: str) -> str:
    """The address if it is an http(s) one, else "": an imported "javascript:" URL must not become a link."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""
