"""Lines of a plain-text page copy in, where its article lies out: the densest run of prose, and the furniture
(captions, credits, ad slots, link bullets, end markers) that is never article text.

Split from text.py, which reads the header around the block found here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates

__all__ = [
    "BULLET",
    "DROP",
    "END",
    "Line",
    "SENTENCE_END",
    "densest_block",
    "is_answer_line",
    "is_body_line",
    "is_end_marker",
    "is_prose",
]

END = re.compile(
    r"(?:subscribe\b|sign up\b|read also\b|read more\b|see also\b|also read\b|latest news\b|similar news\b|"
    r"related\b|more from\b|more on this\b|more in\b|more stories\b|share this\b|share on\b|tags?:|topics:|"
    r"follow us\b|follow \w+ on\b|©|\(c\) \d|copyright\b|all rights reserved|most popular\b|most read\b|"
    r"top stories\b|recommended\b|you may also like|you might also like|comments?\b|leave a comment|"
    r"first published\b|wordcount:|trending\b|popular\b|editor's picks|advertisement$|all news$|"
    r"(?:view|show|load|read) (?:all )?comments|join the conversation|\d+ comments)",
    re.IGNORECASE,
)
# End markers that may run on for a sentence or two: tag lists, copyright notices.
_LONG_END = re.compile(r"(?i:tags|©|copyright\s*(?:©|\(c\)|\d{4})|\(c\)\s*\d{4})")
# Furniture inside an article (a newsletter box, an ad slot, a "more in" widget): heavy cost, not the end.
_SOFT_END = re.compile(
    r"^(?:advertisement|ad|read more|continue reading|sign up|subscribe|subscribe now|follow us|"
    r"skip advertisement|story continues below(?: advertisement)?|more in .{1,60}|related: .+|read more: .+|"
    r"read also: .+|see also: .+)$",
    re.IGNORECASE,
)
# Lines dropped wherever they are: captions, credits, furniture.
_DROP_START = re.compile(
    r"(?i:\(?photo\s*:|image (?:copyright|caption)|credit\s*:|advertisement$|story continues below|"
    r"(?:share|print|email|facebook|twitter|listen)$)|©\s*(?!\d)\S+\s+\S+\s+\S+|[━─_=*~·•-]{3,}$"
)
# A credit after a slash ends the line: " / AP Photo", " / Reuters file". Up to three capitalised words, each
# separated from the next by one space: written so that a word cannot be cut in two (the old "(?:[A-Z][\w.]*\s?)
# {1,3}" could cut a long run of capitals in cubically many ways before giving up).
_DROP_INSIDE = re.compile(
    r"(?i:\s/\s*photo\s*:|\((?:ap )?photo\b)|\s/\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}\s?(?:file|photo)?$"
)
# A caption that ends with its credit after a full stop: "... at the launch. Credit: Port Authority".
_CREDIT_END = re.compile(r"[.!?]\s+(?i:credits?|photo|photograph|image|picture)\s*:\s*[^.!?:]{1,60}$")


class _Drop:
    """Captions, credits and furniture: cheap tests first, the costly pattern only on lines with a slash or
    a parenthesis (page copies have hundreds of link lines)."""

    @staticmethod
    def search(text: str) -> bool:
        if _DROP_START.match(text):
            return True
        if ":" in text[-70:] and _CREDIT_END.search(text[-80:]):
            return True
        return ("/" in text or "(" in text) and bool(_DROP_INSIDE.search(text))


DROP = _Drop()
BULLET = re.compile(r"^(?:[•□☆○◦▪■●*·]|\d{1,2}\.\s)")

SENTENCE_END = ".!?\"”’)…'"


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # stripped of indentation and trailing spaces
    indent: int


def is_body_line(text: str) -> bool:
    """Drop furniture inside the article: captions, ad slots, link bullets, one-word buttons."""
    if DROP.search(text) or _SOFT_END.match(text):
        return False
    if BULLET.match(text) and (len(text.split()) <= 8 or text[-1:] not in SENTENCE_END):
        return False
    return len(text.split()) > 1 or text[-1:] in SENTENCE_END


def is_end_marker(text: str) -> bool:
    """A line that closes the article: what follows it is the site's, not the author's."""
    if _SOFT_END.match(text) or DROP.search(text):
        return False
    return bool(END.match(text)) and (len(text.split()) <= 8 or bool(_LONG_END.match(text)))


def is_prose(text: str) -> bool:
    words = len(text.split())
    if BULLET.match(text) or DROP.search(text):
        return False
    return words >= 20 or (words >= 8 and text[-1:] in SENTENCE_END)


def _weight(text: str) -> float:
    if _SOFT_END.match(text):
        return -150.0
    if is_prose(text):
        return float(len(text))
    if dates.find_date(text) is not None and len(text.split()) <= 12:
        return -200.0  # a date on its own line below the header belongs to a list of other articles
    return -25.0


def densest_block(lines: list[Line]) -> tuple[int, int]:
    """The run of lines with the most prose, never crossing an end marker (maximum-sum segment)."""
    best, best_range = float("-inf"), (0, len(lines) - 1)
    total, start = 0.0, 0
    seen = {}
    for line in lines:
        seen[line.text] = seen.get(line.text, 0) + 1
    for index, line in enumerate(lines):
        if is_end_marker(line.text):
            total, start = 0.0, index + 1
            continue
        if total <= 0:
            total, start = 0.0, index
        # A line printed twice is a link (a teaser headline and its caption), never article text.
        total += -150.0 if seen[line.text] > 1 and len(line.text.split()) >= 3 else _weight(line.text)
        if total > best:
            best, best_range = total, (start, index)
    first, last = best_range
    while first < last and not is_prose(lines[first].text) and not is_answer_line(lines[first].text):
        first += 1
    while last > first and not is_prose(lines[last].text) and lines[last].text[-1:] not in SENTENCE_END:
        last -= 1
    return first, last


def is_answer_line(text: str) -> bool:
    return text.startswith(("- ", "– ", "— ")) and len(text.split()) >= 4
