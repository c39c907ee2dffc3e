"""A reader's text in; the terms of the query (words, "quoted phrases", word* prefixes) out, and the database's
marked matches in, escaped HTML snippets with <mark> out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# Longer input is cut: a query is a few words, and each term costs a pass over an index.
MAX_QUERY_CHARS = 500
MAX_TERMS = 12
# A shorter prefix expands to thousands of words ("w1*": 13 s over a million quotes); migration 0004 indexes
# three-letter prefixes, so that "rec*" reads one list.
MIN_PREFIX = 3
# Unicode noncharacters, reserved for a program's own use: the database wraps each match in them, and
# `marked_html` turns them into <mark> after escaping everything else.
MARK_START, MARK_END = "\ufdd0", "\ufdd1"


# Reading the reader's query


@dataclass(frozen=True)
class Term:
    """A word, or a phrase of words that must follow each other; a single word may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'"([^"]*)"?|([^\W_]+)(\*?)')


def parse(text: str | None) -> tuple[Term, ...]:
    """The terms of a query: "quoted phrases", word* prefixes and plain words; anything else is dropped."""
    terms: dict[tuple, Term] = {}
    for match in _TOKEN.finditer((text or "")[:MAX_QUERY_CHARS]):
        phrase, word, star = match.groups()
        if word:
            term = Term((word,), prefix=bool(star) and len(word) >= MIN_PREFIX)
        else:
            words = tuple(_WORD.findall(phrase or ""))
            if not words:
                continue
            term = Term(words)
        terms.setdefault((tuple(w.casefold() for w in term.words), term.prefix), term)
    return tuple(terms.values())[:MAX_TERMS]


# Both indexes hold stems ("negotiations" is "negoti"), and a stem can be shorter than a prefix a reader types:
# "negotiat*" starts no stem. So a prefix also matches a stem that is the prefix less up to this many letters.
STEM_CUT = 4


def stem_candidates(prefix: str) -> list[str]:
    """The shorter forms of a prefix that a word starting with it may be stemmed to: "negotiat" -> "negoti", …"""
    shortest = max(MIN_PREFIX, len(prefix) - STEM_CUT)
    return [prefix[:n] for n in range(len(prefix) - 1, shortest - 1, -1)]


# Snippets


def marked_html(marked: str, *, escaped: bool = False) -> SafeString:
    """Text the database marked with MARK_START/MARK_END, as HTML: the text escaped, each match in a <mark>.

    ``escaped`` says the database was given the text with & < > already escaped (PostgreSQL's headline would
    otherwise drop anything that looks like a tag); it is unescaped here, then escaped like any other text.
    """
    html, inside = [], False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", marked or ""):
        if piece == MARK_START:
            if not inside:
                html.append("<mark>")
            inside = True
        elif piece == MARK_END:
            if inside:
                html.append("</mark>")
            inside = False
        elif piece:
            if escaped:
                piece = piece.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            html.append(conditional_escape(piece))
    if inside:
        html.append("</mark>")
    return mark_safe("".join(html))  # every piece of text was escaped above


def snippet(marked: str, full_text: str | None = None, *, escaped: bool = False) -> SafeString:
    """`marked_html` of a stretch of a text, with "…" where it starts after or ends before the text does."""
    html = marked_html(marked, escaped=escaped).strip()
    if full_text is None:
        return mark_safe(html)
    plain = re.sub(f"[{MARK_START}{MARK_END}]", "", marked or "")
    if escaped:
        plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    plain, full_text = plain.strip(), full_text.strip()
    before = "" if full_text.startswith(plain) else "…"
    after = "" if full_text.endswith(plain) else "…"
    return mark_safe(f"{before}{html}{after}")
