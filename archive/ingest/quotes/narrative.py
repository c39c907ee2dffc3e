"""A paragraph of narrative (quotes masked) in, the people it makes salient out: subjects of speech verbs,
"according to" phrases, and named subjects of any verb.

A later "he said" or "the pundit noted" refers to the last of them (people.py resolves it). Split from
attribution.py, whose subject readers this module shares.
"""

from __future__ import annotations

import bisect

from ..language import names
from ..language.roles import is_role_item, is_role_word
from ..language.tokens import (
    BETWEEN,
    DETERMINERS,
    INDEFINITE,
    PREPOSITIONS,
    Item,
    is_noun_use,
    is_speech_verb,
    items,
    sentences,
)
from .cues import ACCORDING, Cue, according_to, subject_after_verb, subject_before_verb, without_asides

__all__ = ["narrative_cues"]


def narrative_cues(text: str, start: int, end: int) -> list[Cue]:
    """Subjects of speech verbs and ``according to`` phrases in a stretch of narrative (quotes masked).

    They make people salient: a later "he said" or "the pundit noted" refers to the last of them.
    """
    out = []
    starts: set[int] = set()  # of the cues in out, kept as they come (rebuilt per sentence it was quadratic)
    for sent_start, sent_end in sentences(text, start, end):
        words = without_asides(text, items(text, sent_start, sent_end))
        subjects: list[tuple[int, int]] = []  # (a speech verb's subject, the verb), this sentence
        reported: list[tuple[Cue, int]] = []  # the speech-verb cues of this sentence so far
        for index, word in enumerate(words):
            if not is_speech_verb(word) or is_noun_use(text, words, index):
                continue
            before = words[:index]
            cue = None
            if (index == 0 or (before and before[-1].text == ",")) and word.lower not in ("told", "tells"):
                # "..., said Ana Silva"; not "Hunter, meanwhile, told Politico": who is told is no speaker
                cue = subject_after_verb(text, words[index + 1 :])
                if cue is not None and cue.kind != "name":
                    cue = None
            if cue is None and before:
                cue = subject_before_verb(text, before, sent_start)
            if cue is not None and any(cue.kind == "name" for cue, _ in reported) and cue.kind == "name":
                # "Mr. Nevins said he pursued it only because Mr. Lynch agreed": a speaker inside what someone else
                # said is not more salient than that someone
                continue
            if (
                cue is not None
                and cue.kind in ("role", "unnamed")
                and any(earlier.kind in ("name", "pronoun") for earlier, _ in reported)
            ):
                # ""Really," she added when the interviewer expressed shock": someone unnamed later in the
                # sentence of a person's words does not stand between that person and a later "she"
                continue
            if cue is not None:
                reported.append((cue, word.start))
                out.append(cue)
                starts.add(cue.start)
                subjects.append((cue.start, word.start))
        for match in ACCORDING.finditer(text, sent_start, sent_end):
            cue = according_to(text, match.start(), sent_end)
            if cue is not None:
                out.append(cue)
                starts.add(cue.start)
        # A name inside the speaker's appositives ("Ana Silva, who lost her son Ivo Silva in Dover, said") is not
        # more salient than the speaker.
        weaker = [
            cue
            for cue in _introductions(text, sent_start, sent_end, words)
            if cue.start not in starts and not any(start < cue.start < verb for start, verb in subjects)
        ]
        out.extend(weaker)
        starts.update(cue.start for cue in weaker)
    return sorted(set(out), key=lambda cue: cue.start)


def _introductions(text: str, start: int, end: int, words: list[Item]) -> list[Cue]:
    """Named subjects of any verb ("Wild defenseman Ryan Suter could see", "Boudreau gave his players"): weaker
    antecedents than speakers, but a later "he said" may point at them."""
    out = []
    spans: list[tuple[int, int]] = []  # (an introduced name, its verb)
    starts = [w.start for w in words]
    # The subject of a reported clause is not introduced ("believes that Lahti found time"); a leading subordinate
    # clause is no report ("When Berg tried to defend his remarks calling it "strong", Lind forcefully differed").
    main = _leading_clause_end(words)
    reported = next(
        (w.start for w in words[main:] if is_speech_verb(w) or (w.lower == "that" and _reports(text, start, w))), end
    )
    for run in names.capital_runs(text, start, min(end, reported)):
        # Only the main subject: the subject of a reported clause ("believes that Lahti found time") is not.
        at = bisect.bisect_left(starts, run[0].start)
        if at == len(starts) or starts[at] != run[0].start:
            continue  # inside an aside read past ("Ana Silva — a fan of the Green Dragons — said")
        if at > 12 and at - _clause_start(words, at) > 12:
            continue
        name = names.split_run(run, text)
        if name is None:
            continue
        after = bisect.bisect_left(starts, run[-1].end)
        preceding = words[at - 1 : at] if at > 0 else []
        if _in_view_of(words, at, after) and not names.is_possessive(text, run[-1].end):
            # "To political science professor Ana Lind, the stare seemed to reflect sadness": whose view it is
            printed = text[name.start : name.end]
            out.append(Cue("name", printed, name.start, name.end, name.name, name.title, strong=False))
            continue
        verb = _after_appositives(words, _after_home(words, after))
        following = words[verb : verb + 1]
        if not following or not following[0].is_word or not following[0].text.islower():
            continue
        if following[0].lower in PREPOSITIONS or following[0].lower in ("and", "or", "who", "which", "s"):
            continue
        if is_role_word(following[0].lower):
            continue  # "Georgian expert": an adjective before a noun, not a subject before its verb
        if names.is_possessive(text, run[-1].end):
            continue
        if preceding and preceding[0].is_word and preceding[0].lower in PREPOSITIONS | {"and", "or", "a", "an", "the"}:
            continue
        if any(w.lower in ("who", "whose", "whom") for w in words[max(0, at - 6) : at]):
            continue  # "Ana Woods, whose husband, Ivo Woods, was killed": the subject of a relative clause
        if any(start < name.start < verb_at for start, verb_at in spans):
            continue  # "Juan Zarate, an adviser to President Ivo Lind, also questioned": Lind is inside Zarate's aside
        spans.append((name.start, following[0].start))
        out.append(Cue("name", text[name.start : name.end], name.start, name.end, name.name, name.title, strong=False))
    return out


def _in_view_of(words: list[Item], at: int, after: int) -> bool:
    """The name ends the "To ..., " or "For ..., " phrase that opens the sentence: the view is that person's."""
    return (
        at > 0
        and words[0].lower in ("to", "for")
        and after < len(words)
        and words[after].text == ","
        and not any(w.text == "," for w in words[:at])
        and words[at - 1].lower not in ("the", "a", "an", "his", "her", "their", "its", "our")
    )


_JOINERS = frozenset(("but", "and", "yet", "while", "whereas"))


_SUBORDINATORS = frozenset(
    ("when", "after", "while", "as", "if", "although", "though", "because", "since", "before", "once", "until")
)


_LEADING_PREPOSITIONS = frozenset(
    ("at", "in", "on", "outside", "inside", "during", "after", "before", "since", "from", "across", "near", "beyond")
)


def _reports(text: str, start: int, word: Item) -> bool:
    """Whether the "that" ``word`` opens a reported clause ("believes that Lahti found"), not a sentence with a
    demonstrative ("But that was last fall, and since then Lind has seen")."""
    lead = text[start : word.start].split()
    return not (not lead or (len(lead) == 1 and lead[0].lower() in ("but", "and", "so", "yet")))


def _opener(words: list[Item]) -> str:
    """The sentence's first word, past a leading "But", "And", "Yet" or "So"."""
    return next((w.lower for w in words[:2] if w.lower not in ("but", "and", "yet", "so")), "")


def _leading_clause_end(words: list[Item]) -> int:
    """Where the main clause starts after a leading subordinate clause ("When ..., "), else 0."""
    opener = _opener(words)
    if opener not in _SUBORDINATORS:
        return 0
    return next((i + 1 for i, w in enumerate(words[:40]) if w.text == ","), 0)


def _clause_start(words: list[Item], index: int) -> int:
    """Where the clause holding ``words[index]`` starts: after a semicolon or a ", but" ("Hughes avoids the subject,
    but her neighbor Ben Green, 83, knows what is needed": Green is the subject of the second clause), or right
    after the comma that closes a leading subordinate clause ("When Lind tried to defend his remarks about the
    plan, Mr. Berg forcefully differed")."""
    for back in range(index - 1, max(-1, index - 13), -1):
        word = words[back]
        if word.text == ";" or (word.lower in _JOINERS and back and words[back - 1].text == ","):
            return back + 1
    opener = _opener(words)
    if opener in _SUBORDINATORS and index and words[index - 1].text == ",":
        return index
    if opener in _LEADING_PREPOSITIONS:
        # "Outside the plant on Galeana Street in Santa Catarina, a worker named Ivo Lind has": a leading phrase of
        # place or time ends at its first comma, and the main clause's subject follows it.
        comma = next((i for i in range(1, index) if words[i].text == ","), None)
        if comma is not None and index - comma <= 5 and not any(_verb_like(w) for w in words[1:comma]):
            return comma + 1
    return 0


def _verb_like(word: Item) -> bool:
    """ "delivered", "seeking", "was": a leading phrase holding one is a clause, not a phrase of place or time."""
    return word.text.islower() and (word.lower.endswith(("ed", "ing")) or word.lower in BETWEEN or is_speech_verb(word))


def _after_appositives(words: list[Item], nxt: int) -> int:
    """Where the verb may stand after a name ending before ``words[nxt]``: "Nino Kapanadze, disagrees", "Ana
    Silva, a coach, said", "Ana Silva, 52, of Dover, was", "Ana Silva, 13, of Dover sold", "Ana Silva, 75, a
    retiree in Dover, Del., said": the appositives (a role, an age, a home town and its state) are read past; a role
    runs up to 16 words ("a black Republican campaign consultant and the host of an XM Satellite radio show")."""
    for _ in range(4):
        if not (nxt + 1 < len(words) and words[nxt].text == ","):
            break
        nxt += 1
        place_end = _place_tail(words, nxt)
        if place_end is not None:
            nxt = place_end  # "Dover, Del.,": the state of the home town before
            continue
        aside = _short_aside(words, nxt)
        if aside is not None:
            nxt = aside  # "Clinton, for her part, sided with", "Sherman, in particular, has": the comma that ends it
            continue
        if not _is_appositive_start(words, nxt):
            break
        if words[nxt].lower in ("of", "from"):
            nxt += 1  # "of Dover sold": the home town, then a comma or the verb
            while nxt < len(words) and words[nxt].is_word and words[nxt].text[:1].isupper():
                nxt += 1
            continue
        reach = 24 if words[nxt].lower == "who" or _holds_relative(words, nxt) else 16
        close = next((i for i in range(nxt, min(len(words), nxt + reach)) if words[i].text == ","), None)
        if close is None:
            # "Ana Silva, a former aide to Sen. Ivo Lind was one of the first", "Bill Lind, the Republican half of a
            # polling team for The Wall Street Journal and NBC News, sounded": an appositive left unclosed (or
            # longer than its reach) still marks the person it describes as newly introduced.
            break
        nxt = close
    return nxt


_ASIDE_OPENERS = frozenset(("for", "in", "at", "by", "like", "as", "after", "unlike", "despite"))
_ASIDE_ADVERBS = frozenset(("however", "meanwhile", "too", "though", "instead", "therefore", "nonetheless", "also"))


def _short_aside(words: list[Item], index: int) -> int | None:
    """The comma closing a short aside that opens with a preposition or is one adverb ("for her part", "in
    particular", "however"), or None."""
    word = words[index]
    if not word.is_word or not word.text.islower():
        return None
    if word.lower in _ASIDE_ADVERBS:
        return index + 1 if index + 1 < len(words) and words[index + 1].text == "," else None
    if word.lower not in _ASIDE_OPENERS:
        return None
    return next((i for i in range(index + 1, min(len(words), index + 6)) if words[i].text == ","), None)


def _after_home(words: list[Item], index: int) -> int:
    """ "Senator Ivo Lind of Dover is airing": past "of" or "from" and the capitalised words of a home town or an
    employer that follow a name, when a lower-case word comes next."""
    if index + 1 >= len(words) or words[index].lower not in ("of", "from"):
        return index
    end = index + 1
    while end < len(words) and end <= index + 4 and words[end].is_word and words[end].text[:1].isupper():
        end += 1
    if end == index + 1 or end >= len(words) or not (words[end].is_word and words[end].text.islower()):
        return index
    return end


def _place_tail(words: list[Item], index: int) -> int | None:
    """The comma after one or two capitalised words ("Del.,", "New Mexico,"), or None."""
    for end in range(index, min(len(words), index + 3)):
        if words[end].text == ",":
            return end if end > index else None
        if not (words[end].is_word and words[end].text[:1].isupper()):
            return None
    return None


def _holds_relative(words: list[Item], index: int) -> bool:
    """ "a Jupiter Democrat who has been endorsed by ...": an appositive running on into a relative clause."""
    return any(w.lower == "who" for w in words[index : index + 6])


def _is_appositive_start(words: list[Item], index: int) -> bool:
    word = words[index]
    if word.lower == "who":
        return True  # "Jolly, who was elected in 2014, doesn't see": a relative clause read past like a role
    if word.lower in DETERMINERS | INDEFINITE or is_role_item(word) or word.text[:1].isdigit():
        return True
    nxt = words[index + 1] if index + 1 < len(words) else None
    return word.lower in ("of", "from") and nxt is not None and nxt.text[:1].isupper()
