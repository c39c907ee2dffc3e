"""Text and editor-maintained keyword rules in, the slugs of the topics the text matches out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["TopicMatcher", "keyword_problem", "parse_keywords"]


class TopicMatcher:
    """Whole-word, case-insensitive keyword rules, compiled once for a whole import run.

    A rule ending in ``*`` matches any word starting with it ("negotiat*" finds "negotiations").
    """

    def __init__(self, rules: Mapping[str, Iterable[str]]) -> None:
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for slug, keywords in rules.items():
            # A rule too broad to mean anything ("*" tags every text) is never applied, even one stored before
            # the admin refused it.
            usable = [k.strip() for k in keywords if k.strip() and not keyword_problem(k)]
            if usable:
                # The first letters up front: a position whose character starts no keyword is passed over at once,
                # before the look-behind and the alternatives are tried there (1.3x faster over the seed-like
                # corpus); under IGNORECASE the class takes every case of each letter, as the keywords do.
                starts = re.escape("".join(sorted({k[0] for k in usable})))
                alternatives = "|".join(_keyword_pattern(k) for k in usable)
                pattern = re.compile(rf"(?=[{starts}])(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
                self._patterns.append((slug, pattern))

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def match(self, text: str) -> list[str]:
        """The slugs of every topic with a keyword in text, in rule order."""
        return [slug for slug, pattern in self._patterns if pattern.search(text)]


def _keyword_pattern(keyword: str) -> str:
    keyword = " ".join(keyword.split())
    prefix = keyword.endswith("*")
    words = [re.escape(w) for w in keyword.rstrip("*").split(" ")]
    # Any run of spaces (including NBSP) or a hyphen between words of a phrase.
    body = r"[\s\-]+".join(words)
    return body + r"\w*" if prefix else body


PREFIX_MINIMUM = 3  # letters before a "*": "a*" would match nearly every text


def keyword_problem(keyword: str) -> str | None:
    """Why a keyword rule would match (nearly) everything, or None when it is specific enough."""
    stem = keyword.strip().rstrip("*")
    if not re.search(r"\w", stem):
        return f"“{keyword.strip()}” has no letters or digits: it would match every text"
    if keyword.strip().endswith("*") and len(re.sub(r"\W", "", stem)) < PREFIX_MINIMUM:
        return f"“{keyword.strip()}” is too short for a prefix: give at least {PREFIX_MINIMUM} letters before the *"
    return None


def parse_keywords(text: str) -> list[str]:
    """Keywords as an editor types them in the admin: one per line, blank lines ignored."""
    return [line.strip() for line in text.splitlines() if line.strip()]
