"""Two printed names in; whether they name one person, two relatives or one word spelt two ways out (surnames
compared through ``names.key`` and a consonant skeleton, given names through initials)."""

from __future__ import annotations

import functools

from .names import SUFFIXES, is_given_name, key

__all__ = ["parts", "relative", "same_person", "skeleton"]

# Letters that transliterations swap (Nowakowska/Nowakovska, Mikhail/Michail), folded after the first letter.
_SOUNDS = (
    ("ph", "f"),
    ("kh", "h"),
    ("ch", "h"),
    ("ck", "k"),
    ("w", "v"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("j", "y"),
)


@functools.lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word: similar sounds folded, vowels (and y) dropped after the first letter, doubled
    letters collapsed."""
    folded = "".join(ch for ch in key(word) if ch.isalpha())
    for written, sound in _SOUNDS:
        folded = folded.replace(written, sound)
    if not folded:
        return ""
    out = [folded[0]]
    for ch in folded[1:]:
        if ch in "aeiouy":
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@functools.lru_cache(maxsize=8192)
def similar_words(a: str, b: str) -> bool:
    """Two spellings of one name: equal keys, or (for words of 5+ letters) one consonant skeleton and a
    normalised edit distance of at most a third ("Nowakowska"/"Nowakovska", "Hadad"/"Haddad")."""
    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 5:
        return False
    return skeleton(ka) == skeleton(kb) and edit_distance(ka, kb) / max(len(ka), len(kb)) <= 0.34


def parts(name: str) -> tuple[list[str], str]:
    """Given names and surname of a name proper; suffixes (Jr.) are ignored."""
    given, surname = _parts(name)
    return list(given), surname


@functools.lru_cache(maxsize=8192)
def _parts(name: str) -> tuple[tuple[str, ...], str]:
    words = [w for w in name.split() if w.lower() not in SUFFIXES]
    if not words:
        return (), ""
    return tuple(words[:-1]), words[-1]


@functools.lru_cache(maxsize=16384)
def same_person(a: str, b: str) -> bool:
    """True when two printed names can be one person: similar surnames and no conflicting given name.

    "Maria Lopez" and "Daniel Lopez" never match; "Lahti" matches "Eero Lahti"; "J. Smith" matches
    "John Smith".
    """
    given_a, surname_a = _parts(a)
    given_b, surname_b = _parts(b)
    if not surname_a or not surname_b or not similar_words(surname_a, surname_b):
        return False
    suffix_a, suffix_b = _suffix(a), _suffix(b)
    if suffix_a and suffix_b and suffix_a != suffix_b:
        return False  # "Peter Lund Jr." and "Peter Lund Sr." are father and son
    return given_compatible(given_a, given_b)


def _suffix(name: str) -> str:
    words = name.split()
    return words[-1].lower().rstrip(".") if len(words) > 1 and words[-1].lower() in SUFFIXES else ""


@functools.lru_cache(maxsize=16384)
def relative(a: str, b: str) -> bool:
    """Same surname but another given name: two members of one family ("Anna Petrov" and "Ivan Petrov")."""
    given_a, surname_a = _parts(a)
    given_b, surname_b = _parts(b)
    return similar_words(surname_a, surname_b) and not given_compatible(given_a, given_b)


def given_compatible(given_a: list[str] | tuple[str, ...], given_b: list[str] | tuple[str, ...]) -> bool:
    if not given_a or not given_b or key(" ".join(given_a)) == key(" ".join(given_b)):
        return True  # "Jean-Pierre" and "Jean Pierre" are one given name
    shorter, longer = sorted((given_a, given_b), key=len)
    if len(shorter) == 1 and len(longer) == 2 and key(shorter[0]) == key(longer[1]) and not is_given_name(shorter[0]):
        # "Wasserman Schultz" is "Debbie Wasserman Schultz": a two-word surname printed alone. Not "Donald Trump"
        # and "Staff Donald Trump": a given name opens a full name, and a word glued before it is junk.
        return True
    first_a, first_b = key(given_a[0]).rstrip(), key(given_b[0])
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return similar_words(first_a, first_b)
