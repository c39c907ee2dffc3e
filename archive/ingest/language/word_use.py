"""An article's text in, how it uses each word out: which words it prints in lower case, and which capitalised words
it prints inside a sentence (not only where a sentence opens).

A capitalised word before a name is part of the name only if it is a name word itself. The article settles that
for most words without any list: "Actor Clint Howard" is an actor if the article says "actor" elsewhere, and "See
Sexton's timeline" opens with a common verb if the article prints "see" in lower case and never prints "See" inside
a sentence. Given names that are also common words ("Bill", "Mark") are kept by the given-name table.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

__all__ = ["AFFILIATIONS", "WordUse", "opens_sentence", "word_use"]

# Party and camp words: capitalised before a name they describe the person ("Republican Donald Trump").
_AFFILIATIONS = """republican republicans democrat democrats democratic independent libertarian conservative liberal
    progressive socialist gop"""
AFFILIATIONS = frozenset(_AFFILIATIONS.split())

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_OPENERS = ".!?:;([{\"“”'‘’—–-•*"


class WordUse(NamedTuple):
    lower: frozenset[str]  # words printed in lower case
    inner_capitals: frozenset[str]  # lower-cased capitalised words printed after a word or a comma


@functools.lru_cache(maxsize=4)  # one article's text is read by every name split; its hash is computed once
def word_use(text: str) -> WordUse:
    lower: set[str] = set()
    inner: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if word.islower():
            lower.add(word)
        elif word[0].isupper() and not opens_sentence(text, match.start()):
            inner.add(word.lower())
    return WordUse(frozenset(lower), frozenset(inner))


def opens_sentence(text: str, at: int) -> bool:
    """Nothing but spaces and opening punctuation between ``at`` and the previous stop, bracket, mark or line."""
    pos = at - 1
    while pos >= 0 and text[pos] in " \t\u00a0":
        pos -= 1
    if pos >= 0 and text[pos] == "." and _ABBREVIATION.search(text, max(0, pos - 6), pos + 1):
        return False  # "Gov. Jerry Brown", "the U.S. Senate": the dot of an abbreviation ends no sentence
    return pos < 0 or text[pos] == "\n" or text[pos] in _OPENERS


_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]\.[A-Z])\.$")
