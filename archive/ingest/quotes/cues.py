"""Article text with its quotes masked in, attribution cues out: the printed words that name who speaks.

A cue is a name ("Prof. Berg"), a pronoun ("he"), a role ("the Finnish foreign minister") or an unnamed source
("an official", "they", "Critics", "Lind and Berg": a group is nobody to cite). Cues are found from the patterns
of news writing: ``"...," NAME said``, ``"...," said NAME``, ``"...," said the ROLE, NAME``, ``NAME, ROLE, said:
"..."``, ``NAME said that ... "..."``, ``according to NAME, "..."``, ``"...," according to NAME``, ``NAME:
"..."``, ``"...," the 45-year-old said``. The text passed in has every quote's inner words replaced by ``_`` (same
length), so names inside quotes are never taken for speakers. Resolving a pronoun or role to a person is
people.py's job; which verb governs a quote inside a sentence is clauses.py's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..language import names, word_use
from ..language.roles import (
    is_organisation_noun,
    is_plural_person_noun,
    is_role_item,
    is_role_segment,
    is_role_word,
)
from ..language.tokens import (
    BETWEEN,
    DETERMINERS,
    INDEFINITE,
    PREPOSITIONS,
    Item,
    is_speech_phrase,
    is_speech_verb,
    items,
)

__all__ = [
    "ACCORDING",
    "Cue",
    "according_to",
    "cue_after",
    "participle_subject",
    "signature",
    "subject_after_verb",
    "subject_before_verb",
    "without_asides",
]


@dataclass(frozen=True)
class Cue:
    """The printed words that name (or fail to name) a speaker, with absolute offsets."""

    kind: str  # "name" | "pronoun" | "role" | "unnamed"
    text: str
    start: int
    end: int
    name: str = ""  # for names: the name proper, titles removed
    title: str = ""
    description: str = ""
    strong: bool = True  # False for a named subject of an ordinary verb (a weaker antecedent)
    appositives: tuple[tuple[int, int], ...] = ()  # spans of ", a senior analyst at Stratfor," after the name


# --- cues after a quote -------------------------------------------------------------------------------------------


def cue_after(text: str, start: int, end: int) -> Cue | None:
    """``"...," he said`` / ``"...," said Prof. Berg`` / ``"...," Morrison, his superior, said`` in text[start:end]."""
    signed = signature(text, start, end)
    if signed is not None:
        return signed
    words = without_asides(text, items(text, start, end))
    while words and words[0].text in (",", "—", "–", "-", ":"):
        words = words[1:]
    words = _until_sentence_end(words)
    if not words:
        return None
    if is_speech_verb(words[0]):
        if words[0].lower in ("told", "tells"):
            return None  # "..., told reporters": the object, not who speaks
        return subject_after_verb(text, words[1:])
    if len(words) > 2 and words[0].lower == "according" and words[1].lower == "to":
        return according_to(text, words[0].start, end)  # '"...," according to Ana Silva.'
    for index, word in enumerate(words[:30]):
        if word.text in (".", "!", "?", ";", ":"):
            break
        if index > 0 and is_speech_phrase(words, index):
            if index > 10 and not any(w.text == "," for w in words[:index]):
                return None  # a long stretch with no appositive commas is a new clause, not an attribution
            cue = subject_before_verb(text, words[:index], words[0].start)
            if cue is None and words[index - 1].text == "," and words[index].lower not in ("told", "tells"):
                # '"...," in sharp contrast to last year, says Ana Silva', '"...resilience," like the swings of
                # markets, said Ivo Berg': an aside, or the quoted words running on into the sentence, then the
                # inverted attribution.
                inverted = subject_after_verb(text, words[index + 1 :])
                if inverted is not None and inverted.kind in ("name", "role"):
                    return inverted
            return cue
    return None


def without_asides(text: str, words: tuple[Item, ...]) -> tuple[Item, ...]:
    """The words without short brackets and dashed asides: "Rep. Jim Jordan (R-Ohio), a member, said" reads as "Rep.
    Jim Jordan, a member, said" (a party and state label, an age or an acronym sits between a name and its verb), and
    "Ana Silva — a pollster who wrote the party's report — is skeptical" as "Ana Silva is skeptical"."""
    if not words:
        return words
    stretch = text[words[0].start : words[-1].end]
    if "(" not in stretch and "—" not in stretch and "–" not in stretch and " - " not in stretch:
        return words  # the same tuple: most sentences have no brackets and no dashes
    out: list[Item] = []
    index = 0
    while index < len(words):
        if words[index].text == "(":
            close = next((i for i in range(index + 1, min(index + 9, len(words))) if words[i].text == ")"), None)
            if close is not None:
                index = close + 1
                continue
        if words[index].text in _DASHES and out:
            close = next(
                (i for i in range(index + 2, min(index + _DASH_REACH, len(words))) if words[i].text in _DASHES), None
            )
            if close is not None and close + 1 < len(words) and words[close + 1].is_word:
                index = close + 1
                continue
        out.append(words[index])
        index += 1
    return tuple(out)


_DASHES = frozenset(("—", "–", "-"))
_DASH_REACH = 30  # words a dashed aside may hold


_DASH = re.compile(r"[^\S\n]*[―—–-]{1,2}\s*")


def signature(text: str, start: int, end: int) -> Cue | None:
    """``"..." ― Ana Silva``: a dash and nothing but a full name after the quote sign it, as under a letter."""
    dash = _DASH.match(text, start, end)
    if dash is None:
        return None
    stop = end
    while stop > dash.end() and (text[stop - 1].isspace() or text[stop - 1] == "."):
        stop -= 1
    runs = names.capital_runs(text, dash.end(), stop)
    if len(runs) != 1 or runs[0][0].start != dash.end() or runs[0][-1].end != stop:
        return None
    name = names.split_run(runs[0], text)
    if name is None or len(name.tokens) < 2 or name.end != stop:
        return None
    return Cue("name", name.printed, name.start, name.end, name.name, name.title)


def _until_sentence_end(words: list[Item]) -> list[Item]:
    for index, word in enumerate(words):
        if word.text in (".", "!", "?"):
            return words[:index]
    return words


_CLAUSE_AFTER_SUBJECT = names.wordset("when while as after before during because if who whose which that since until")


# "added his campaign manager Jeff Weaver", "said her spokesman": a possessive opens the speaker's noun phrase.
_POSSESSIVE_PRONOUNS = names.wordset("his her its their")


def _words_before_punctuation(words: list[Item]) -> list[Item]:
    stretch = []
    for word in words:
        if not word.is_word:
            break
        stretch.append(word)
    return stretch


def _name_ending_the_role(text: str, rest: list[Item]) -> Cue | None:
    """ "said master of ceremonies Asab Al-Tabchi,", "said director of communications Jen Psaki.": the role runs on
    past its preposition into a full name, which ends before punctuation."""
    stretch = _words_before_punctuation(rest[1:8])
    runs = names.capital_runs(text, stretch[0].start, stretch[-1].end) if stretch else []
    if not runs or runs[-1][-1].end != stretch[-1].end or runs[-1][0].start == stretch[0].start:
        return None  # no name, or nothing but a capitalised employer ("at Lehigh")
    name = names.split_run(runs[-1], text)
    if name is None or len(name.tokens) < 2:
        return None
    return Cue("name", name.printed, name.start, name.end, name.name, name.title)


def subject_after_verb(text: str, words: list[Item]) -> Cue | None:
    """Inversion: ``said Prof. Berg``, ``says the Finnish Foreign Minister``, ``said he``."""
    if not words:
        return None
    first = words[0]
    if first.lower in names.PRONOUNS and first.lower not in _POSSESSIVE_PRONOUNS:
        return Cue("pronoun", first.text, first.start, first.end)
    if first.lower in names.PLURAL_PRONOUNS:
        return Cue("unnamed", first.text, first.start, first.end)
    span = []
    for word in words:
        if word.text in (",", ";", ":", "(", ")", "—", "–", "-") or (word.is_word and word.lower in PREPOSITIONS):
            break
        if span and word.is_word and word.lower in _CLAUSE_AFTER_SUBJECT:
            break  # "said Ana Silva when asked about it", "said Ana Silva after the vote"
        span.append(word)
    if not span:
        return None
    cue = _noun_phrase(text, span, preposition_before=False)
    rest = words[len(span) :]
    role = cue.kind == "role" if cue is not None else is_role_word(span[-1].lower) and span[-1].text.islower()
    if role and rest and rest[0].lower in ("at", "of", "for", "from"):
        named = _name_ending_the_role(text, rest)
        if named is not None:
            return replace(named, appositives=((span[0].start, named.start),))
        # "said his best friend at Lehigh, Bruce Turry": the role's employer or place, then the name.
        place = 1
        while place < len(rest) and place <= 4 and rest[place].is_word and rest[place].text[:1].isupper():
            place += 1
        if place > 1:
            rest = rest[place:]
    if role and rest and rest[0].text == ",":
        # "said the union leader, Ana Silva", "said Lind's campaign manager, Ana Silva": the name after the role is
        # the speaker, the role describes her.
        tail = _words_before_punctuation(rest[1:6])
        runs = names.capital_runs(text, tail[0].start, tail[-1].end) if tail else []
        if len(runs) == 1 and runs[0][0].start == tail[0].start and runs[0][-1].end == tail[-1].end:
            name = names.split_run(runs[0], text)
            if name is not None and len(name.tokens) >= 2:
                role = ((span[0].start, span[-1].end),)
                return Cue("name", name.printed, name.start, name.end, name.name, name.title, appositives=role)
    if cue is not None and cue.kind == "name" and rest and rest[0].text == ",":
        # "said Tomas Berg, the chairman of the dockers' union"
        appositive = []
        for word in rest[1:]:
            if word.text in (",", ";", ".", "!", "?", ":", "(", ")"):
                break
            appositive.append(word)
        participle = bool(appositive) and appositive[0].lower.endswith(("ing", "ed"))
        if (
            appositive
            and not participle
            and any(is_role_item(w) for w in appositive)
            and not any(is_speech_verb(w) for w in appositive)
        ):
            cue = replace(cue, appositives=((appositive[0].start, appositive[-1].end),))
    return cue


# A day between a subject and its verb: "Priebus later Thursday told Fox News", "Trump on Monday said".
_WHEN = names.wordset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight on")


def _surname_like_an_auxiliary(text: str, word: Item) -> bool:
    """ "Will described Trump as ...", "which Will claims": a capitalised "Will" or "May" inside a sentence is the
    surname of someone the article prints after a given name ("George Will"), not the auxiliary verb."""
    if not word.text[:1].isupper() or word_use.opens_sentence(text, word.start):
        return False
    return _after_a_given_name(text, word.text)


@functools.lru_cache(maxsize=256)
def _after_a_given_name(text: str, word: str) -> bool:
    return any(names.is_given_name(m.group(1)) for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(word)}\b", text))


def subject_before_verb(text: str, words: list[Item], floor: int) -> Cue | None:
    """Walk left from a verb over adverbs, then read the subject: pronoun, name, role, or name + appositive."""
    index = len(words) - 1
    while (
        index >= 0
        and words[index].is_word
        and (
            (words[index].lower in BETWEEN and not _surname_like_an_auxiliary(text, words[index]))
            or words[index].lower in _WHEN
            or (words[index].lower.endswith("ly") and words[index].text.islower())
        )
    ):
        index -= 1
    if index < 0:
        return None
    last = words[index]
    if last.text == ",":
        return _appositive_subject(text, words[: index + 1])
    if last.text in ("—", "–"):
        # "A former candidate — Ana Silva, who lost in 2008 — said": a name opening the aside is the subject;
        # otherwise the subject stands before it.
        opening = max((i for i in range(index) if words[i].text == last.text), default=-1)
        if opening <= 0:
            return None
        named = _appositive_subject(text, [*words[opening + 1 : index], words[index]])
        return named if named is not None else subject_before_verb(text, words[:opening], floor)
    if last.text in (")", "]"):
        depth_index = index
        while depth_index >= 0 and words[depth_index].text not in ("(", "["):
            depth_index -= 1
        return subject_before_verb(text, words[:depth_index], floor) if depth_index > 0 else None
    if not last.is_word:
        return None
    if last.lower in names.PRONOUNS:
        return Cue("pronoun", last.text, last.start, last.end)
    if last.lower in names.PLURAL_PRONOUNS:
        return Cue("unnamed", last.text, last.start, last.end)
    if last.lower in ("who", "which", "that"):
        return _relative_antecedent(text, words[:index])
    span = _phrase_back(words[: index + 1])
    if not span:
        return None
    cut = _verb_after_role(span)
    if cut:
        # "the Vermont senator emailed supporters, saying", "the secretary of state talked about continuing": the
        # role before a verb in the past is the subject; the words after it are the verb and its object.
        cue = _noun_phrase(text, span[:cut], preposition_before=False)
        if cue is not None and cue.kind == "role":
            return cue
    before = words[len(words[: index + 1]) - len(span) - 1] if len(span) <= index else None
    at = index - len(span)  # the word before the phrase
    if before is not None and before.lower in ("and", "or") and at > 0 and _ends_a_name(words[at - 1]):
        # "Vera Lind and Tomas Berg said": two people speak as one; the archive cites one person per quote.
        return Cue("unnamed", text[words[at - 1].start : span[-1].end], words[at - 1].start, span[-1].end)
    home = _without_home(span)
    # "Chancellor Ana Silva of Germany condemned": the name before "of" and a place speaks, not the place.
    phrase = home if len(home) < len(span) and not is_role_word(home[-1].lower) else span
    cue = _noun_phrase(text, phrase, preposition_before=bool(before and before.lower in PREPOSITIONS))
    if cue is None and len(span) >= 4 and span[0].lower != "the":
        # "former Gov. Ivo Lind of Maine said": a titled full name, then "of" and a home state.
        of = next((i for i, w in enumerate(span) if w.lower == "of"), len(span))
        if 2 <= of < len(span) - 1 and all(w.is_word and w.text[:1].isupper() for w in span[of + 1 :]):
            named = _noun_phrase(text, span[:of], preposition_before=False)
            if named is not None and named.kind == "name" and len(named.name.split()) >= 2 and named.title:
                return named
    if (cue is None or cue.kind != "name") and before is not None and _of_an_institution(before, span):
        # "James Pethokoukis of the American Enterprise Institute wrote": the person before "of the ..." speaks.
        named = _noun_phrase(text, _phrase_back(words[:at]), preposition_before=False)
        if named is not None and named.kind == "name" and len(named.name.split()) >= 2:
            return named
    if before is not None and before.lower in _INSTITUTION_JOINS:
        # "Ivo Lind of the Center for Strategic and International Studies wrote": back over the institution's name.
        named = _before_an_institution(text, words, at)
        if named is not None:
            return named
    adjunct = before is not None and before.lower in _ADJUNCT_PREPOSITIONS
    if adjunct and cue is not None and cue.kind in ("role", "unnamed"):
        # "Ana Silva, who has in the past described": a phrase after a preposition is no subject; a person before
        # it is.
        subject = subject_before_verb(text, words[:at], floor) if at > 0 else None
        if subject is not None and subject.kind in ("name", "pronoun"):
            return subject
    if cue is None or cue.kind != "name":
        # "Paolo Ricci, former minister and head of the Center spoke": an appositive left unclosed.
        comma = max((i for i in range(index) if words[i].text == ","), default=-1)
        tail = words[comma + 1 : index + 1]
        if comma > 0 and any(is_role_item(w) for w in tail) and not any(is_speech_verb(w) for w in tail):
            named = _appositive_subject(text, words[: comma + 1])
            if named is not None:
                return replace(named, appositives=(*named.appositives, (tail[0].start, tail[-1].end)))
    return cue


_ADJUNCT_PREPOSITIONS = names.wordset("in on at during after before since over")
_INSTITUTION_JOINS = names.wordset("for on and of")


def _before_an_institution(text: str, words: list[Item], at: int) -> Cue | None:
    """The full name before "of the", "at the" or "from the" and an institution whose name runs on past "for", "on"
    or "and" (``words[at]``): "the Council on Foreign Relations", "the Center for American Progress"."""
    index = at - 1
    while index > 0 and at - index < 10 and words[index].is_word and words[index].lower != "the":
        if not (words[index].text[:1].isupper() or words[index].lower in _INSTITUTION_JOINS):
            return None
        index -= 1
    if index < 1 or words[index].lower != "the" or words[index - 1].lower not in ("of", "at", "from"):
        return None
    named = _noun_phrase(text, _phrase_back(words[: index - 1]), preposition_before=False)
    if named is not None and named.kind == "name" and len(named.name.split()) >= 2:
        return named
    return None


def _of_an_institution(before: Item, span: list[Item]) -> bool:
    """ "of the American Enterprise Institute", "at the Brookings Institution": a preposition, "the", and nothing
    but capitalised words."""
    return (
        before.lower in ("of", "at", "from")
        and len(span) >= 2
        and span[0].lower == "the"
        and all(w.is_word and w.text[:1].isupper() for w in span[1:])
    )


_NUMBERS = names.wordset("one two three four five six seven eight nine ten")


def participle_subject(text: str, words: list[Item]) -> Cue | None:
    """``Lind went after Berg, calling him "a stiff"``: the words before ``, calling`` are a clause, and its subject
    (a name followed by its verb) is who speaks, not the object that ends it."""
    if len(words) < 3 or words[-1].text != ",":
        return None
    comma = max((i for i in range(len(words) - 1) if not words[i].is_word), default=-1)
    segment = words[comma + 1 : -1]
    if not segment or not segment[0].is_word or not names.is_name_word(segment[0].text):
        return None
    runs = names.capital_runs(text, segment[0].start, segment[-1].end)
    if not runs or runs[0][0].start != segment[0].start or names.is_possessive(text, runs[0][-1].end):
        return None  # "at Holm Hall, Mr. Berg's private club, calling him": something of someone's is no subject
    after = next((i for i, w in enumerate(segment) if w.start >= runs[0][-1].end), None)
    if after is None or not segment[after].text.islower() or segment[after].lower in PREPOSITIONS | BETWEEN:
        return None
    if segment[after].lower in ("and", "or", "who", "which", "that", "s") or is_role_word(segment[after].lower):
        return None  # "Democratic nominee Ana Silva": an adjective before its noun, not a subject before its verb
    name = names.split_run(runs[0], text)
    if name is None or names.key(name.name) in word_use.AFFILIATIONS or name.name.lower() in _NUMBERS:
        return None
    return Cue("name", text[name.start : name.end], name.start, name.end, name.name, name.title)


def _ends_a_name(word: Item) -> bool:
    return word.is_word and names.is_name_word(word.text) and word.lower not in names.NOT_NAMES


def _phrase_back(words: list[Item]) -> list[Item]:
    """The noun phrase that ends the word list: back to a determiner, a comma or a clause word (8 words at most)."""
    span: list[Item] = []
    for word in reversed(words):
        if not word.is_word and not word.text[:1].isdigit():
            break
        if word.lower in PREPOSITIONS and span and span[0].text[:1].isupper() and word.lower != "of":
            break
        if word.lower in ("that", "and", "but", "while", "when", "as", "because", "if", "said", "says"):
            break
        if span and _is_clause_adverb(word):
            break  # "President Obama passionately rebuked critics who say": the adverb ends a clause, not a phrase
        span.insert(0, word)
        if word.lower in DETERMINERS or word.lower in INDEFINITE or len(span) >= 8:
            break
    return span


def _verb_after_role(span: list[Item]) -> int:
    """Where a verb in the past follows the phrase's role noun ("senator emailed", "secretary of state talked"), or
    0. Only after a role noun: "the retired neurosurgeon", "the printed card" put the participle before it."""
    for k in range(len(span) - 1, 0, -1):
        word = span[k]
        if not (word.text.islower() and word.lower.endswith("ed") and len(word.lower) > 4):
            continue
        noun = span[k - 1].lower
        if k >= 3 and span[k - 2].lower == "of" and span[k - 1].text.islower():
            noun = span[k - 3].lower  # "secretary of state talked"
        if is_role_word(noun):
            return k
    return 0


# Words ending in -ly that are nouns or adjectives inside a noun phrase ("the family friend", "an early ally").
_NOT_ADVERBS = names.wordset(
    """family rally ally early elderly likely daily weekly monthly yearly friendly only lonely costly deadly
    holy silly bully supply reply assembly anomaly italy july homely lovely ugly kindly orderly"""
)


def _is_clause_adverb(word: Item) -> bool:
    return word.text.islower() and word.lower.endswith("ly") and len(word.lower) > 5 and word.lower not in _NOT_ADVERBS


def _appositive_subject(text: str, words: list[Item]) -> Cue | None:
    """``Omar Lamrani, a senior analyst at Stratfor, told``: the name is the first comma segment that is one.

    ``Its chief executive, Helen Price, told``: a role segment just before the name describes it too.
    """
    segments: list[list[Item]] = [[]]
    for word in without_asides(text, tuple(words)):  # "Sen. Ana Silva (D-Md.), noting the cost, said"
        if word.text == ",":
            segments.append([])
        else:
            segments[-1].append(word)
    segments = [segment for segment in segments if segment]
    first = segments[0] if segments else []
    if len(first) > 1 and first[0].lower in _SENTENCE_CONJUNCTIONS and first[1].text[:1].isupper():
        segments[0] = segments[0][1:]  # "But Ana Silva, the mayor, said": the conjunction opens the sentence
    # "Ana Silva, 58, who lives outside Dover, says", "Ana Silva, who served in Iran, Turkey and France, said": a
    # relative clause, and the segments its list runs on into, name no speaker.
    relative = next((i for i, segment in enumerate(segments) if segment[0].lower in ("who", "which", "whose")), 0)
    if relative:
        segments = segments[:relative]
    appositives: list[tuple[int, int]] = []
    for number in range(len(segments) - 1, max(-1, len(segments) - 6), -1):
        segment = segments[number]
        segment = _without_home(segment)
        cue = _noun_phrase(text, _phrase_back(segment), preposition_before=False)
        before = segments[number - 1] if number > 0 else []
        opening_about = number == 1 and before[0].lower == "of"  # "Of Carson, Levine, who ..., said"
        if _state_like(segment) and before and not opening_about and _ends_in_place(before):
            # "Ana Silva, 59, of Ashton, Md., said", "Ana Silva, now 81 and retired in Ashton, Md., said": one
            # word after a home town is its state, not the speaker ("Of Carson, Levine, who ..., said": "of"
            # opening the sentence says what about, not where from).
            continue
        if cue is not None and cue.kind == "name" and _covers(segment, cue):
            if before and is_organisation_noun(before[-1].text):
                continue  # "Ana Silva, the editor of the city's newspaper, The Dover Ledger, said": the paper's name
            if before and is_role_segment(before, allow_determiner=True):
                appositives.append((before[0].start, before[-1].end))
            return replace(cue, appositives=tuple(appositives[::-1]))
        if any(is_role_item(w) for w in segment) and segment[0].lower not in ("who", "which"):
            appositives.append((segment[0].start, segment[-1].end))
        if segment[0].lower in ("and", "but") or (
            segment[0].lower not in ("who", "which") and any(is_speech_verb(w) for w in segment)
        ):
            return None
    return None


_SENTENCE_CONJUNCTIONS = names.wordset("but and yet so")


def _state_like(segment: list[Item]) -> bool:
    """ "Md.", "New York", "North Carolina": one word, or two or three capitalised words that open as a place's name
    does, as a state or country after a home town ("a lawyer from Salem, New York, said"); not a person after a
    leading phrase ("In an interview with Radio Vest, Tavo Brenk, a former minister, said")."""
    if len(segment) == 1:
        return True
    return (
        len(segment) <= 3
        and segment[0].lower in names.PLACE_OPENERS
        and all(w.is_word and w.text[:1].isupper() for w in segment)
    )


def _ends_in_place(segment: list[Item]) -> bool:
    """ "of Ashton", "retired in Ashton": the segment ends with a capitalised word after a preposition."""
    if segment[0].lower in ("of", "from", "in"):
        return True
    last = len(segment) - 1
    while last > 0 and segment[last].is_word and segment[last].text[:1].isupper():
        last -= 1
    return last < len(segment) - 1 and segment[last].lower in ("in", "of", "from", "near", "outside")


def _without_home(segment: list[Item]) -> list[Item]:
    """ "David Woodard of Clemson University", "Rep. Lee Zeldin of New York": a name, then "of" or "from" and
    nothing but capitalised words (a home town or an employer, perhaps with "in" and its town): the name alone."""
    for index in range(1, len(segment) - 1):
        if segment[index].lower in ("of", "from"):
            rest = segment[index + 1 :]
            town = next((i for i, w in enumerate(rest) if i and w.lower == "in"), len(rest))
            if town < len(rest) - 1:
                rest = [*rest[:town], *rest[town + 1 :]]  # "of Grace Baptist Church in Dover": an employer and its town
            head = segment[:index]
            named = len(head) >= 2 and head[-1].lower not in word_use.AFFILIATIONS  # "Republican of Ohio": a party
            if (
                named
                and all(w.is_word and w.text[:1].isupper() for w in rest)
                and all(w.is_word and names.is_name_word(w.text) for w in head)
            ):
                return head
            return segment
    return segment


def _covers(segment: list[Item], cue: Cue) -> bool:
    """The segment is the name, perhaps after role words ("Wild coach Bruce Boudreau", "head of the Institute
    Nino Kapanadze"), not a clause that ends with one ("At a meeting with John Smith")."""
    if segment[-1].end != cue.end:
        return False
    if segment[0].lower == "as" and len(segment) > 1 and segment[1].start == cue.start:
        return True  # "As Ana Silva, a former mayor, put it:": "as" opens the clause whose subject she is
    if segment[0].lower in PREPOSITIONS | _OPENERS:
        return False
    if not any(w.lower in PREPOSITIONS for w in segment if w.end <= cue.start):
        return True
    # After a preposition only a full name split from an office or organisation counts ("of the Institute Nino
    # Kapanadze"); "a senior analyst at Stratfor" ends with an organisation, not a person.
    # "executive director of National Nurses United": a word cut from the front that ends no organisation's or
    # office's name leaves the organisation, not a person.
    prefix = cue.text[: len(cue.text) - len(cue.name)].split() if cue.text.endswith(cue.name) else []
    split_off = bool(prefix) and names.key(prefix[-1]) in names.ORG_WORDS | names.OFFICES
    return len(cue.name.split()) >= 2 and split_off and segment[0].lower not in DETERMINERS | INDEFINITE


_OPENERS = names.wordset("and but or while when after before since as because although though if at in on with")


def _relative_antecedent(text: str, words: list[Item]) -> Cue | None:
    """``an official, who stressed``: the noun phrase before ``, who``."""
    if words and words[-1].text == ",":
        words = words[:-1]
    span = _phrase_back(words)
    if not span:
        return None
    at = len(words) - len(span)  # the phrase's first word
    if at >= 2 and words[at - 1].lower in ("and", "or") and _ends_a_name(words[at - 2]):
        # "Govs. Ana Silva and Ivo Lind, who say": two people, cited as one by no one
        return Cue("unnamed", text[words[at - 2].start : span[-1].end], words[at - 2].start, span[-1].end)
    return _noun_phrase(text, span, preposition_before=False)


def _noun_phrase(text: str, span: list[Item], preposition_before: bool) -> Cue | None:
    """Classify a short phrase as a name (perhaps after role words), a role with ``the``, or an unnamed source."""
    if not span:
        return None
    start, end = span[0].start, span[-1].end
    printed = text[start:end]
    runs = names.capital_runs(text, start, end)
    if len(runs) == 1 and len(runs[0]) == 1 and len(span) == 1 and is_plural_person_noun(runs[0][0].text):
        return Cue("unnamed", printed, start, end)  # "Critics say", capitalised only because it opens the sentence
    if runs and runs[-1][-1].end == end:
        run = runs[-1]
        word_before = [w for w in span if w.end <= run[0].start]
        after_prep = preposition_before if not word_before else word_before[-1].lower in PREPOSITIONS
        name = names.split_run(run, text, after_preposition=after_prep)
        if name is not None and names.key(name.name) in word_use.AFFILIATIONS:
            name = None  # "the nation's highest-ranking Republican": a party word alone is a role, not a name
        after_article = bool(word_before) and word_before[-1].lower in ("a", "an", "the")
        if name is not None and (name.role or name.title or not (after_article or (after_prep and len(run) <= 2))):
            return Cue("name", text[name.start : name.end], name.start, name.end, name.name, name.title)
    head = span[-1]
    if _AGED.fullmatch(printed):
        return Cue("pronoun", printed, start, end)  # "the 45-year-old said": the person just written about
    if head.text[:1].isdigit() or len(span) > 8:
        return None
    first = span[0].lower
    if first in INDEFINITE or (first not in DETERMINERS and head.lower.endswith("s") and head.text.islower()):
        return Cue("unnamed", printed, start, end)
    if first in DETERMINERS or (runs and names.split_run(runs[-1], text) is None):
        return Cue("role", printed, start, end)
    return None


_AGED = re.compile(r"the \d{1,3}-year-old(?: (?:man|woman|boy|girl))?", re.IGNORECASE)


# --- "according to NAME", before or after a quote (cues_before.py reads the other cues before a quote) ---

ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_OPINION = re.compile(r"\b(?:in|to)\s+(his|her)\s+(?:opinion|view|words|mind)\b|\baccording to (him|her)\b", re.I)


def _is_appositive(segment: list[Item]) -> bool:
    """ "a doctor at the clinic", "the city's mayor": a short noun phrase with a role noun and no verb."""
    if not segment or len(segment) > 10 or not any(is_role_item(w) for w in segment):
        return False
    return not any(is_speech_verb(w) or not w.is_word for w in segment)


def according_to(text: str, start: int, end: int) -> Cue | None:
    hits = list(ACCORDING.finditer(text, start, end))
    if hits:
        hit = hits[-1]
        words = items(text, hit.end(), end)
        span = []
        for word in words:
            if not word.is_word and not (word.text == "." and span):
                break
            span.append(word)
        cue = _noun_phrase(text, span, preposition_before=False) if span else None
        if cue is not None and span and span[0].lower in names.PRONOUNS:
            return Cue("pronoun", span[0].text, span[0].start, span[0].end)
        if cue is not None and cue.kind == "name":
            # "According to Hugh Hill, a doctor at the clinic, ...": the segment between commas describes him.
            rest = words[len(span) :]
            close = next((i for i, w in enumerate(rest[1:], 1) if w.text == ","), 0)
            segment = list(rest[1:close])
            if rest and rest[0].text == "," and close and _is_appositive(segment):
                cue = replace(cue, appositives=((segment[0].start, segment[-1].end),))
        if cue is not None:
            return cue
    opinion = list(_OPINION.finditer(text, start, end))
    if opinion:
        group = 1 if opinion[-1].group(1) else 2
        return Cue("pronoun", opinion[-1].group(group), opinion[-1].start(group), opinion[-1].end(group))
    return None
