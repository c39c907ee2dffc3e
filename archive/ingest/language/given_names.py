"""A given name in, the pronoun the news uses for people of that name out ("he", "she" or "" when unknown).

The table (given_names.tsv beside this module) is learnt from attributed quotes, not written by hand: wherever a
gold quote of a named speaker is attributed with "he said" or "she said" (or the speaker is printed as "Mr." or
"Ms."), the speaker's given name gets one vote for that pronoun, and so does the first personal pronoun after
their full name. Names with few votes, or votes that disagree, are left out. Rebuild
it with ``manage.py build_given_names --gold DIR`` (the PolNeAR train split). people.py uses it so that "she said"
skips a John and "he said" skips a Claire, which the text alone seldom settles.

Under it lies a second table, census_given_names.tsv, for the given names the articles it was learnt from seldom
quote ("Walter", "Gabriela", "Abigail"): the given names of the 1990 United States Census (public domain; the files
dist.male.first, dist.female.first and dist.all.last, as the MIT-licensed `names` package on PyPI ships them), each
held by at least 0.01% of one sex, nine in ten of its holders of that sex, and far less common as a surname (under a
tenth as often: "Clinton", "Carter" and "Jackson" are left out), nor a particle ("Al", as in "Ahmed al Ashry").
The learnt table wins where the two differ. Rebuild it with ``manage.py build_given_names --census DIR``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from . import name_match, names

__all__ = ["CENSUS_TABLE", "TABLE", "from_census", "learn", "pronoun_of", "write"]

TABLE = Path(__file__).with_name("given_names.tsv")
CENSUS_TABLE = Path(__file__).with_name("census_given_names.tsv")
CENSUS_MIN_SHARE = 0.01  # percent of one sex holding the name
CENSUS_ONE_SEX = 0.9  # of its holders, the share of that sex
CENSUS_AS_SURNAME = 0.1  # a name at least this common as a surname (relative to the given name) is left out
_AFTER = re.compile(r"[\s,'\"”’]*(?:[-—–]+\s*)?(he|she)\s+(?:\w+ly\s+)?[a-z]+(?:ed|s|id|ld|ote)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(he|she)\s+(?:\w+ly\s+)?(?:said|says|added|told \w+|wrote|asked)[,:]?\s*[\"“']*$", re.I)
_TITLED = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_NEXT_PRONOUN = re.compile(r"\b(he|she|his|her|him|hers|himself|herself)\b", re.IGNORECASE)
_FOLLOWING = {"he": "he", "his": "he", "him": "he", "himself": "he", "she": "she", "her": "she", "hers": "she"}
_FOLLOWING["herself"] = "she"
STRONG = 3  # weight of a "he said"/"she said" attribution or a courtesy title against a pronoun nearby
MIN_VOTES = 4  # more than one attribution alone
AGREEMENT = 0.75  # share of a name's votes that must go to one pronoun


@functools.cache
def _table() -> dict[str, str]:
    """The learnt table over the census one: the news's own usage wins where they differ."""
    table: dict[str, str] = {}
    for path in (CENSUS_TABLE, TABLE):
        if path.exists():
            rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
            table.update({name: pronoun for name, pronoun, *_ in rows})
    return table


def pronoun_of(name: str) -> str:
    """ "he", "she" or "": the pronoun learnt for the first given name of ``name``."""
    given = name_match.parts(name)[0]
    return _table().get(names.key(given[0]), "") if given else ""


def votes(text: str, gold: dict) -> Iterable[tuple[str, str, int]]:
    """(given name key, pronoun, weight) for each pronoun-attributed gold quote or courtesy title of a named speaker."""
    for speaker in gold.get("speakers", []):
        given = name_match.parts(speaker["name"])[0]
        if not given or len(given[0].rstrip(".")) < 2 or given[0].lower() in names.NOT_NAMES:
            continue
        first = names.key(given[0])
        for form in speaker.get("variants", []):
            title = names.key(form.split()[0]) if form.split() else ""
            if title in _TITLED:
                yield first, _TITLED[title], STRONG
        for quote in gold.get("quotes", []):
            if quote["speaker"] != speaker["name"]:
                continue
            at = text.find(quote["text"])
            if at < 0:
                continue
            after = _AFTER.match(text, at + len(quote["text"]), at + len(quote["text"]) + 40)
            before = _BEFORE.search(text, max(0, at - 40), at)
            hit = after or before
            if hit:
                yield first, hit.group(1).lower(), STRONG
        # The first personal pronoun after the full name, within its sentence and the next, before anyone else
        # is named: "Elizabeth Warren ... she" (a weaker vote, so it counts only where there are many).
        full = speaker["name"]
        for match in re.finditer(re.escape(full), text):
            window = text[match.end() : match.end() + 160]
            stop = re.search(r"[.!?][\s\"”']+[A-Z][^.!?]*[.!?]", window)
            window = window[: stop.end()] if stop else window
            other = re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", window)
            pronoun = _NEXT_PRONOUN.search(window)
            if pronoun and not (other and other.start() < pronoun.start()):
                yield first, _FOLLOWING[pronoun.group(1).lower()], 1


def learn(documents: Iterable[tuple[str, dict]]) -> dict[str, tuple[str, int]]:
    """Given name key -> (pronoun, votes), for names with MIN_VOTES votes or more, all for one pronoun."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for text, gold in documents:
        for first, pronoun, weight in votes(text, gold):
            counts[first][pronoun] += weight
    return {
        first: (tally.most_common(1)[0][0], sum(tally.values()))
        for first, tally in sorted(counts.items())
        if sum(tally.values()) >= MIN_VOTES and tally.most_common(1)[0][1] >= AGREEMENT * sum(tally.values())
    }


def from_census(male: str, female: str, last: str) -> dict[str, tuple[str, int]]:
    """Given name key -> (pronoun, share in thousandths of a percent) from the Census files' texts (one name a line:
    the name, its percent, the cumulative percent and the rank)."""

    def shares(text: str) -> dict[str, float]:
        rows = (line.split() for line in text.splitlines())
        return {names.key(row[0]): float(row[1]) for row in rows if len(row) >= 2}

    men, women, surnames = shares(male), shares(female), shares(last)
    table = {}
    for name in sorted(set(men) | set(women)):
        he, she = men.get(name, 0.0), women.get(name, 0.0)
        top = max(he, she)
        if top < CENSUS_MIN_SHARE or top < CENSUS_ONE_SEX * (he + she):
            continue
        if surnames.get(name, 0.0) >= CENSUS_AS_SURNAME * top:
            continue  # "Jackson", "Clinton": as much a surname as a given name
        if name in names.PARTICLES:
            continue  # "Al", "Della": a particle inside a name ("Ahmed al Ashry") as often as a given name
        table[name] = ("he" if he > she else "she", round(top * 1000))
    return table


def write(table: dict[str, tuple[str, int]], path: Path = TABLE) -> None:
    lines = [f"{first}\t{pronoun}\t{count}" for first, (pronoun, count) in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
