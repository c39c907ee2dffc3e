"""Candidate values of one metadata field in, the one to keep out: bylines cleaned, titles chosen by agreement,
markup taken out of meta values, and the zone a printed time gives (html_page.py reads the candidates).

Third-party pages disagree with themselves: a JSON-LD "headline" that is really the description, an ``og:title``
with the site's name in brackets or a ``<script>`` inside it, a byline with its date glued on, a commenter's
initials in a container called "author". Each rule here is about the shape of such values, never about a site.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from bs4 import Tag

__all__ = [
    "byline_from_page",
    "choose_title",
    "clean_byline",
    "strip_bracketed_site",
    "strip_markup",
    "with_printed_zone",
]

SPACES = re.compile(r"\s+")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MONTH_WORDS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Anna Berg | 16.04.2015", "Anna Berg, Updated 3 hours ago"
_GLUED_DATE = re.compile(
    r"\s*(?:[-–—|•·,]|\bon\b|\bupdated\b|\bposted\b|\bpublished\b)\s*"
    r"(?:(?:updated|posted|published)\s*:?\s*)?(?:\w+day,?\s+)?"
    rf"(?:(?:{_MONTH_WORDS})[a-z]*\.?\s+\d|\d{{1,4}}[./-]\d|\d+\s+(?:minutes?|hours?|days?)\s+ago).*$",
    re.IGNORECASE,
)
_BY = re.compile(r"^\s*(by|from|von|par|por|di)\s+", re.I)
# Zone names printed after a time, as offsets from UTC in hours.
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9,
    "AKDT": -8, "HST": -10, "AEST": 10, "AEDT": 11, "JST": 9, "KST": 9,
}  # fmt: skip
_ZONE = re.compile(r"(?<![\w+-])(" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b|([+-])(\d{2}):?(\d{2})\s*$")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def strip_markup(value: str) -> str:
    """A meta value as text: ``<script>`` and ``<style>`` dropped with their content, other tags removed."""
    if "<" not in value:
        return value
    return SPACES.sub(" ", _TAG.sub(" ", _SCRIPT.sub(" ", value))).strip()


def clean_byline(text: str) -> str:
    """ "By Dan Goodin - Apr 16, 2015 8:02 pm UTC" -> "Dan Goodin"."""
    text = SPACES.sub(" ", html_lib.unescape(text)).strip()
    text = _GLUED_DATE.sub("", text)
    return _BY.sub("", text).strip(" ,;|-–—")


def looks_like_a_name(text: str) -> bool:
    """Two to six words, mostly capitalised, no digits: "Anna Berg", "Jean-Marc de la Tour"; not "JD" or a blurb."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= len(words) - 1


def _in_comments(tag: Tag) -> bool:
    for parent in tag.parents:
        marks = " ".join([parent.get("id") or "", *(parent.get("class") or [])]).lower()
        if "comment" in marks or "reply" in marks:
            return True
    return False


def _marks_a_byline(tag: Tag) -> bool:
    """``[rel~=author], [itemprop=author], [class*=byline], [class*=author], [class*=Byline]``, tested on the
    attributes directly: soupsieve's CSS matching cost more than the rest of the metadata on big pages."""
    attrs = tag.attrs
    if not attrs:
        return False
    if "author" in (attrs.get("rel") or ()) or attrs.get("itemprop") == "author":
        return True
    classes = attrs.get("class")
    if not classes:
        return False
    joined = " ".join(classes) if isinstance(classes, list) else classes
    return "byline" in joined or "author" in joined or "Byline" in joined


def byline_from_page(tags: Iterable[Tag]) -> str:
    """The first byline printed among the page's elements (in document order): ``rel=author``, ``itemprop=author``,
    or an element whose class contains "byline" or "author" (``article-byline__name``); never inside the comments,
    and only text shaped like a name."""
    for tag in tags:
        if not _marks_a_byline(tag) or _in_comments(tag):
            continue
        text = clean_byline(tag.get_text(" "))
        if looks_like_a_name(text):
            return text
    return ""


def choose_title(headline: str, og_title: str, page_title: str, visible: str) -> str:
    """The title the page agrees on. A value printed twice (the visible ``<h1>`` and ``og:title``, say) wins over one
    printed once; a JSON-LD headline nobody else prints and that reads like a sentence of description loses."""
    candidates = [v for v in (headline, og_title, page_title, visible) if v]
    if not candidates:
        return ""

    def key(value: str) -> str:
        return SPACES.sub(" ", value).strip().casefold()

    for value in candidates:
        agreeing = sum(1 for other in candidates if key(other) == key(value) or key(other).startswith(key(value)))
        if agreeing >= 2:
            return value
    if headline and visible and (len(headline.split()) > 25 or headline.rstrip().endswith(".")):
        return visible  # a headline that is a description: the page's own <h1> is the title
    return candidates[0]


def strip_bracketed_site(title: str, outlet: str) -> str:
    """ "Pier to open [The Harbour Gazette]" -> "Pier to open" (also round brackets) when the brackets hold the
    site's name."""
    match = re.search(r"\s*[\[(]([^\[\]()]{2,60})[\])]\s*$", title)
    if match and outlet and match.group(1).strip().casefold() == outlet.casefold():
        return title[: match.start()].strip()
    return title


def with_printed_zone(value: datetime, printed: str) -> datetime:
    """The time with the zone the page printed after it ("07:47 PM EST", "+02:00"); unchanged when none."""
    if value.tzinfo is not None:
        return value
    match = _ZONE.search(printed[_CLOCK.search(printed).end() :] if _CLOCK.search(printed) else "")
    if match is None:
        return value
    if match.group(1):
        hours = ZONES[match.group(1).upper()]
        return value.replace(tzinfo=timezone(timedelta(hours=hours)))
    sign = -1 if match.group(2) == "-" else 1
    return value.replace(tzinfo=timezone(sign * timedelta(hours=int(match.group(3)), minutes=int(match.group(4)))))


def has_clock(printed: str) -> bool:
    return bool(_CLOCK.search(printed))
