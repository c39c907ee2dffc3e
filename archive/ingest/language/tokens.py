"""Text in, its words out: the tokeniser, sentence bounds, speech verbs and the small word classes attribution reads.

Offsets are absolute, so callers can slice the body with them. Tokenising is cached: attribution reads the same
sentence several times.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from . import names

__all__ = [
    "BETWEEN",
    "DETERMINERS",
    "INDEFINITE",
    "Item",
    "PREPOSITIONS",
    "is_bare_noun",
    "is_noun_use",
    "is_speech_phrase",
    "is_speech_verb",
    "items",
    "sentence_at",
    "sentences",
]


def _inflect(base: str) -> set[str]:
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "o", "u"):
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return {base, base + "es", base + "ed", base + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


_SPEECH_BASES = names.wordset(
    """say tell add note state stress emphasise emphasize highlight explain recall continue conclude accuse argue
    claim insist warn comment remark observe reply respond answer ask write tweet post announce declare believe
    think suggest confirm acknowledge admit agree assert maintain mention reiterate underline underscore urge
    predict express voice share describe recount joke quip laugh shout whisper testify concede contend caution
    vow promise pledge propose counter retort recommend estimate report inform assure complain lament speculate
    hope feel elaborate specify clarify summarise summarize exclaim proclaim speak talk opine point sum chime muse
    wonder allege charge deny reveal disclose cite recite interject instruct order demand plead beg boast brag
    criticise criticize praise welcome mock scoff sigh grumble concur disagree blast slam denounce dismiss hail
    tout condemn decry lambast fume bark surmise repeat press retaliate react riff yell scream holler grouse snipe
    exhort"""
)
# Base forms that are more often nouns ("a blog post", "in a statement"): only their inflections count.
_NOUNLIKE = names.wordset(
    """post report comment answer reply claim charge share point order hope feel sum counter estimate promise
    pledge demand cite note state tweet voice talk joke laugh sigh muse plead boast praise welcome mock concur
    quip shout whisper vow caution warn remark blast slam hail bark repeat press"""
)
SPEECH_VERBS = frozenset(
    {form for base in _SPEECH_BASES for form in _inflect(base) if form != base or base not in _NOUNLIKE}
    | names.wordset(
        """said told wrote written thought felt spoke spoken admitted quipped committed regretted
        referred thanked thanking slammed beamed"""
    )
)
_NAME_PLURALS = frozenset(base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s") for base in _NOUNLIKE)
# Words that sit between a subject and its verb ("Berg also noted", "he has repeatedly said").
BETWEEN = names.wordset(
    """also further later then again once recently previously earlier reportedly allegedly separately
    has have had is was were are will would can could may might should must did does do not never always
    already still just even first finally further similarly likewise too then however meanwhile instead"""
)
PREPOSITIONS = names.wordset(
    "of for at in on with from by about to into against between among under over than like via within"
)
DETERMINERS = names.wordset("the this that his her its their our another one")
INDEFINITE = names.wordset("a an some several many two three four five other others")

_ITEM = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?|\d+(?:[.,:]\d+)*|[,;:()\[\]—–]|(?<=\s)--?(?=\s)|[.!?]")


class Item(NamedTuple):  # a named tuple: built for every word, and faster to build than a dataclass
    text: str
    start: int
    end: int
    lower: str = ""
    is_word: bool = False


_new = tuple.__new__


@functools.lru_cache(maxsize=2048)
def items(text: str, start: int, end: int) -> tuple[Item, ...]:
    """Words and punctuation of text[start:end], positions absolute (cached, like names.tokens)."""
    # This loop builds every word of every sentence read: the items are built inline with tuple.__new__ (which skips
    # the named tuple's keyword-handling constructor), with no call per word.
    out = []
    append = out.append
    for match in _ITEM.finditer(text, start, end):
        word = match.group()
        wstart, wend = match.span()
        if word == "--":
            word = "—"  # two hyphens between spaces: a dash as typewritten copy prints it
        if len(word) > 1 and word[-1] == "." and not names.keeps_dot(word[:-1]) and "." not in word[:-1]:
            word, wend = word[:-1], wend - 1
        if word[-2:] in ("'s", "’s") and len(word) > 2:
            word, wend = word[:-2], wend - 2
        append(_new(Item, (word, wstart, wend, word.lower().rstrip("."), word[:1].isalpha())))
    return tuple(out)


def is_speech_verb(item: Item) -> bool:
    """A speech or judgement verb; a capitalised plural of a noun-like one ("United States", "Consumer Reports")
    is a name's last word, not a verb."""
    return item.is_word and item.lower in SPEECH_VERBS and not (item.text[:1].isupper() and item.lower in _NAME_PLURALS)


# Verbs that report words only with their particle: "As Ana Silva put it, "..."", "Silva shot back, "..."".
_PHRASE_PARTICLES = {
    **dict.fromkeys(("put", "puts", "putting"), "it"),
    **dict.fromkeys(("shot", "shoots", "shooting", "fired", "fires", "firing", "snapped", "snaps"), "back"),
    **dict.fromkeys(("hit", "hits", "hitting", "pushed", "pushes", "pushing"), "back"),
    **dict.fromkeys(("went", "goes"), "on"),
}


# Verbs that report words only right before a comma or a colon ("Silva cracked, "..."", not "cracked down").
_BEFORE_PUNCTUATION = names.wordset("cracked cracks sang sings lectured lecturing")


def is_speech_phrase(words: tuple[Item, ...] | list[Item], index: int) -> bool:
    """A speech verb, or the first word of a phrase that reports words: "put it" before a comma or colon (not "put
    it on the table"), "shot back", "fired back", "hit back", "went on"."""
    word = words[index]
    if is_speech_verb(word):
        return True
    if word.lower in _BEFORE_PUNCTUATION:
        return index + 1 < len(words) and words[index + 1].text in (",", ":")  # "Silva cracked, "...""
    particle = _PHRASE_PARTICLES.get(word.lower) if word.is_word else None
    if particle is None or index + 1 >= len(words) or words[index + 1].lower != particle:
        return False
    return particle != "it" or (index + 2 < len(words) and words[index + 2].text in (",", ":"))


def is_bare_noun(words: tuple[Item, ...] | list[Item], index: int) -> bool:
    """ "delivered a snappy retort:": a bare speech word after "a" and one more lower-case word is a noun ("a few
    say" is not)."""
    return (
        index >= 2
        and words[index].lower in _SPEECH_BASES
        and words[index - 2].lower in ("a", "an")
        and words[index - 1].is_word
        and words[index - 1].text.islower()
        and words[index - 1].lower not in _COUNTS
    )


_COUNTS = names.wordset("few lot number couple handful majority minority")


# Words after which a speech word is a noun; not "that" or "who" ("the report that says" has a verb).
_NOUN_MARKERS = names.wordset("the a an this these those his her its their our my your another some several many")


def is_noun_use(text: str, words: tuple[Item, ...] | list[Item], index: int) -> bool:
    """ "the union's demands", "his remarks", "the talks": a speech word after a determiner or a possessive is a
    noun, not a verb."""
    previous = words[index - 1] if index else None
    # "that states can pass such laws": a plural noun opening its clause before its verb ("which the Foundation
    # estimates would cost" and "which he says can" keep their verbs).
    opens_clause = previous is None or previous.text == "," or previous.lower in _CLAUSE_OPENERS
    if words[index].lower.endswith("s") and index + 1 < len(words) and opens_clause:
        return words[index + 1].lower in _AFTER_A_PLURAL_SUBJECT
    if previous is None:
        return False
    return previous.lower in _NOUN_MARKERS or (previous.is_word and names.is_possessive(text, previous.end))


# Verbs that follow a plural subject and never a speech verb ("states can", "claims were").
_AFTER_A_PLURAL_SUBJECT = names.wordset("can could will would should must may might are were have do")
_CLAUSE_OPENERS = names.wordset("that if whether because and but while although though since")


# --- sentences -------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]?(?=\s+[\"“‘(\[A-Z0-9_])")


def sentence_at(text: str, start: int, end: int, position: int) -> tuple[int, int] | None:
    """The bounds of the sentence of text[start:end] that holds position, or None. A bisection in the paragraph's
    cached sentences: a walk through them for each quote was quadratic in a long paragraph of short quotes."""
    bounds = sentences(text, start, end)
    index = bisect.bisect_right(bounds, (position, float("inf"))) - 1
    if index >= 0 and bounds[index][0] <= position < bounds[index][1]:
        return bounds[index]
    return None


@functools.lru_cache(maxsize=256)
def sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Sentence bounds inside one paragraph; a dot after an abbreviation or initial ends nothing (cached: each
    quote of a paragraph asks for them again)."""
    bounds = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        before = text[max(start, match.start() - 12) : match.start()].split()
        last = before[-1] if before else ""
        word = last.lstrip('"“‘(').lower()
        if text[match.start()] == "." and (word in names.ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        if text[match.start()] == "." and re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue  # "U.S." inside a sentence
        bounds.append((cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        bounds.append((cursor, end))
    return tuple((s, e) for s, e in bounds if text[s:e].strip())
