"""Speakers an editor should look at: likely duplicates of one person, and names that are not a person at all.

Both are suggestions computed from names (and every printed spelling, the aliases), never applied on their own:
an editor merges a pair through ``curation.merge_speakers`` or renames or deletes a junk speaker.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from .models import Speaker, SpeakerAlias, name_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _words("i me you he him she her it we us they them his hers its our their this that who someone one")
COMMON_WORDS = _words(
    "the a an and or but if then there here now today yesterday also however meanwhile according said says "
    "told asked added noted other others some many most all both each everyone nobody people sources source "
    "reports report statement officials official experts residents"
)
ROLE_WORDS = _words(
    "minister president prime spokesman spokeswoman spokesperson secretary chairman chairwoman chair director "
    "ambassador analyst expert professor dr mr mrs ms sir general colonel commander chief head leader governor "
    "mayor senator deputy official police army ministry government cabinet parliament court judge lawyer "
    "spokesperson's editor reporter correspondent author researcher economist member chief executive ceo"
)
MODALS = _words("would will could should can may might must did does do shall")
# Words that end the name of an organisation or a place rather than a person.
ORGANISATION_WORDS = _words(
    "ministry agency office council committee commission party union association institute university "
    "company corporation inc ltd llc group bank fund foundation army police court parliament government "
    "news times post press tv radio agency service services department embassy center centre"
)
PLACES = _words(
    "azerbaijan israel iran russia ukraine turkey armenia georgia baku jerusalem tel aviv tehran moscow kyiv "
    "ankara washington london paris berlin brussels europe america china india gaza karabakh"
)


def junk_reason(name: str) -> str:
    """Why a speaker's name looks like no person (empty when it looks like a name)."""
    words = name_key(name).replace("'s", "").split()
    if not words:
        return "empty name"
    if any(ch.isdigit() for ch in name):
        return "contains digits"
    if len(words) == 1 and words[0] in PRONOUNS:
        return "a pronoun"
    if words[0] in MODALS:
        return f"starts with “{words[0].capitalize()}”: part of a question or sentence"
    if all(w in ROLE_WORDS for w in words):
        return "a role, not a name"
    if all(w in COMMON_WORDS or w in PRONOUNS or w in ROLE_WORDS for w in words):
        return "common words"
    if words[-1] in ORGANISATION_WORDS:
        return "an organisation"
    if " ".join(words) in PLACES or all(w in PLACES for w in words):
        return "a place"
    if name[:1].islower():
        return "starts in lower case"
    return ""


def junk_speakers(speakers=None) -> dict[int, str]:
    """Speaker id -> why its name looks like junk, over all speakers or the given (id, name) pairs."""
    rows = Speaker.objects.values_list("pk", "name") if speakers is None else speakers
    return {pk: reason for pk, name in rows if (reason := junk_reason(name))}


@dataclass(frozen=True)
class DuplicatePair:
    first: int
    second: int
    reason: str


def _compatible_given_names(a: list[str], b: list[str]) -> bool:
    """First names that may be one person's: equal, one missing, or an initial of the other (word by word)."""
    if not a or not b:
        return True
    for x, y in zip(a, b, strict=False):
        if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        return False
    return True


def duplicate_pairs() -> list[DuplicatePair]:
    """Pairs of speakers that may be one person: a spelling in common, the same surname with compatible first names
    (or initials), or one name the beginning of the other. Two queries; then plain Python over the names."""
    names = dict(Speaker.objects.values_list("pk", "name"))
    keys: dict[int, set[str]] = defaultdict(set)
    for pk, name in names.items():
        keys[pk].add(name_key(name))
    for speaker_id, key in SpeakerAlias.objects.values_list("speaker_id", "key"):
        keys[speaker_id].add(key)
    found: dict[tuple[int, int], str] = {}

    owners: dict[str, set[int]] = defaultdict(set)
    for pk, spellings in keys.items():
        for key in spellings:
            owners[key].add(pk)
    for key, pks in owners.items():
        for a, b in itertools.combinations(sorted(pks), 2):
            found.setdefault((a, b), f"both printed as “{key}”")

    # Every spelling counts: "M. Jabarov" meets "Mikael Jabbarov" through its alias "Mikael Jabarov".
    by_surname: dict[str, set[tuple[int, tuple[str, ...]]]] = defaultdict(set)
    for pk, spellings in keys.items():
        for key in spellings:
            words = key.split()
            if words:
                by_surname[words[-1]].add((pk, tuple(words[:-1])))
    for surname, spellings in by_surname.items():
        if len(spellings) > 50:  # a common surname: comparing every pair would list strangers
            continue
        for (a, given_a), (b, given_b) in itertools.combinations(sorted(spellings), 2):
            if a != b and _compatible_given_names(list(given_a), list(given_b)):
                found.setdefault((min(a, b), max(a, b)), f"same surname “{surname}”, compatible first names")

    ordered = sorted(names, key=lambda pk: name_key(names[pk]))
    for a, b in zip(ordered, ordered[1:], strict=False):
        key_a, key_b = name_key(names[a]), name_key(names[b])
        if key_a and key_b.startswith(key_a + " "):
            found.setdefault(tuple(sorted((a, b))), f"“{names[a]}” begins “{names[b]}”")
    return [DuplicatePair(a, b, reason) for (a, b), reason in sorted(found.items())]


def duplicate_ids() -> set[int]:
    return {pk for pair in duplicate_pairs() for pk in (pair.first, pair.second)}
