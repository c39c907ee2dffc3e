"""Text in, its word shingles out: the overlap measure that compares two extractions of one page's text.

The main-text extraction reconciles two engines with it, and the body benchmark scores with it, so both count words
and 4-word shingles the same way.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["SHINGLE", "shingles", "tokens"]

SHINGLE = 4
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text or "")


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of the text's runs of `size` words; a text shorter than that is one shorter shingle."""
    found = tokens(text)
    if not found:
        return Counter()
    if len(found) < size:
        return Counter([tuple(found)])
    return Counter(tuple(found[i : i + size]) for i in range(len(found) - size + 1))
