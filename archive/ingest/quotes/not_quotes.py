"""A span between quote marks and its paragraph in; whether it is a caption, an intertitle, a title of work, a
headline or a scare quote rather than somebody's words out."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..language import names

if TYPE_CHECKING:
    from .cues import Cue
    from .spans import Paragraph, Span

__all__ = ["is_caption", "is_headline_like", "is_intertitle", "is_speech_fragment", "is_title_of_work"]

_CAPTION = re.compile(
    r"(?:^|[\s(/|])(?:photo|image|picture|video)\s*(?:copyright|caption|credit)?\s*:|"
    r"\bimage (?:copyright|caption)\b|^credit:|\(ap photo\b|getty images",
    re.IGNORECASE,
)
# Words that, right before a short quote, make it a term or a name rather than speech ("the term "three amigos"").
_TERM_WORDS = names.wordset(
    """so-called dubbed term terms word words phrase phrases expression named nicknamed titled entitled labelled
    labeled slogan motto hashtag"""
)
_SMALL_WORDS = names.wordset("a an the of and or in on at to for with by from de la")


def is_caption(text: str) -> bool:
    return bool(_CAPTION.search(text)) and len(text.split()) < 40


def is_intertitle(body: str, para: Paragraph, span: Span) -> bool:
    """A paragraph that is nothing but a short quote without a full stop is an intertitle, not speech."""
    rest = body[para.start : span.start] + body[span.end : para.end]
    if rest.strip(" \"“”‘’'«»") or len(body[span.start : span.end].split()) > 12:
        return False
    return body[span.end - 1] not in ".!?…"


def is_title_of_work(text: str) -> bool:
    """ "Dealers of Lightning: Xerox PARC and the Dawn of the Computer Age": every word capitalised."""
    words = text.rstrip(".!?").split()
    if not 2 <= len(words) <= 14 or (text[-1:] in ".!?" and len(words) <= 3):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words)


def is_speech_fragment(body: str, span: Span, cue: Cue | None) -> bool:
    """A short fragment is somebody's words only when a cue ties it to a speaker and it is neither a name
    (capitalised words) nor a term introduced as one ("the so-called "dead zone"", "known as "the Rock"")."""
    if cue is None or span.open is None:
        return cue is not None
    words = body[span.start : span.end].rstrip(".!?").split()
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    if words and words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return False  # "said on NBC's "Meet the Press."": a show's or a book's title, small words and all
    before = body[max(0, span.open - 30) : span.open].lower().split()
    last = before[-1].strip(",") if before else ""
    return not (last in _TERM_WORDS or before[-2:] == ["known", "as"])


def is_headline_like(body: str, para: Paragraph) -> bool:
    return _headline_like(body, para.start, para.end)


@functools.lru_cache(maxsize=64)
def _headline_like(body: str, start: int, end: int) -> bool:
    # Once per paragraph, not once per quote in it: splitting a long paragraph for each of its quotes was quadratic.
    text = body[start:end].rstrip()
    return len(text.split(None, 25)) <= 25 and text[-1:] not in ".!?\"”’'…:)"
