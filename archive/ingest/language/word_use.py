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
from collections.abc import Iterator

__all__ = ["AFFILIATIONS", "MaskedText", "WordUse", "opens_sentence", "word_use"]

# Party and camp words: capitalised before a name they describe the person ("Republican Donald Trump").
_AFFILIATIONS = """republican republicans democrat democrats democratic independent libertarian conservative liberal
    progressive socialist gop"""
AFFILIATIONS = frozenset(_AFFILIATIONS.split())

_OPENERS = ".!?:;([{\"“”'‘’—–-•*"


class MaskedText(str):
    """A text with the words of its quotes masked (names inside quotes must not become speakers), carrying the text
    as printed: a word the article prints in lower case only inside a quote is still a common word ("But I see a lot
    of them," he said ... "(See Sexton's timeline)" opens with a verb)."""

    printed: str

    def __new__(cls, masked: str, printed: str) -> MaskedText:
        text = super().__new__(cls, masked)
        text.printed = printed
        return text


class WordUse:
    """One text's answers, each word looked up once, on demand: most runs of capitals never ask (their first word
    is no common word), so the article is never read whole (a full word scan per article cost 4% of parsing)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._printed = getattr(text, "printed", text)  # a MaskedText's quotes are read for lower-case words
        self._lower: dict[str, bool] = {}
        self._inner: dict[str, bool] = {}
        self._given: dict[tuple[str, str], bool] = {}

    def in_lower_case(self, word: str) -> bool:
        """``word`` (lower case) is printed as it is somewhere, as a whole word."""
        if word not in self._lower:
            self._lower[word] = any(True for _ in self._whole(word, self._printed))
        return self._lower[word]

    def capitalised_inside(self, word: str) -> bool:
        """``word`` is printed capitalised somewhere other than where a sentence opens."""
        if word not in self._inner:
            capital = word[:1].upper() + word[1:]
            self._inner[word] = any(not opens_sentence(self.text, at) for at in self._whole(capital, self.text))
        return self._inner[word]

    def given_name_before(self, surname: str, other_than: str) -> bool:
        """``surname`` is printed somewhere right after a capitalised word other than ``other_than``: the article
        names that person in full elsewhere ("Christoph Blocher" for "Interestingly Blocher")."""
        if (surname, other_than) not in self._given:
            printed = self._whole(surname, self.text)
            self._given[surname, other_than] = any(self._named_before(at, other_than) for at in printed)
        return self._given[surname, other_than]

    def _named_before(self, at: int, other_than: str) -> bool:
        """A capitalised word that opens no sentence stands right before ``at``."""
        gap = self.text[max(0, at - 40) : at]
        word = gap.split()[-1] if gap.split() and gap[-1:].isspace() else ""
        start = at - len(gap) + len(gap.rstrip()) - len(word)
        return word.isalpha() and word[:1].isupper() and word != other_than and not opens_sentence(self.text, start)

    @staticmethod
    def _whole(word: str, text: str) -> Iterator[int]:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                yield at
            at = text.find(word, end)


@functools.lru_cache(maxsize=4)  # one article's text is read by every name split; its hash is computed once
def word_use(text: str) -> WordUse:
    return WordUse(text)


def opens_sentence(text: str, at: int) -> bool:
    """Nothing but spaces and opening punctuation between ``at`` and the previous stop, bracket, mark or line."""
    pos = at - 1
    while pos >= 0 and text[pos] in " \t\u00a0":
        pos -= 1
    if pos >= 0 and text[pos] == "." and _ABBREVIATION.search(text, max(0, pos - 6), pos + 1):
        return False  # "Gov. Jerry Brown", "the U.S. Senate": the dot of an abbreviation ends no sentence
    return pos < 0 or text[pos] == "\n" or text[pos] in _OPENERS


_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]\.[A-Z])\.$")
