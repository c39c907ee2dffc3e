"""A sentence (quotes masked) and the position of a quote mark in, the speech verb that governs the quote and the
cue naming that verb's subject out.

A quote inside a sentence is someone's words when it sits in the complement of a speech or judgement verb whose
subject is a person: ``Ana Silva said the plan was "dead on arrival"``, ``he called the mayor a "coward"``, ``she
described it as "a disaster" and accused him of "lying"`` (the second verb shares the first one's subject),
``he says, boasting that the town can "pay every bill"`` (a participle takes the subject of its clause). The same
fragment with no such verb in its sentence is the writer's: a scare quote, a term, a name. Whether the subject
names somebody the archive can cite is people.py's question; this module only finds it.
"""

from __future__ import annotations

from ..language import names
from ..language.roles import is_listed_role, is_role_word
from ..language.tokens import (
    BETWEEN,
    DETERMINERS,
    INDEFINITE,
    PREPOSITIONS,
    Item,
    is_bare_noun,
    is_noun_use,
    is_speech_phrase,
    is_speech_verb,
    items,
)
from .cues import Cue, participle_subject, subject_after_verb, subject_before_verb

__all__ = ["colon_subject", "governor"]

# Verbs that pass judgement in someone's own words: "sees the lineup as its "weak spot"", "called it "a farce"".
JUDGING_VERBS = names.wordset(
    """see sees saw seen seeing view views viewed viewing regard regards regarded regarding consider considers
    considered considering call calls called calling label labels labelled labeled labelling labeling brand brands
    branded branding dub dubs dubbed dubbing term terms termed deem deems deemed characterise characterises
    characterised characterize characterizes characterized liken likens likened bemoaned bemoans bemoaning
    derided derides deriding blamed blames blaming credited credits crediting faulted faults faulting chided
    chides chiding applauded applauds applauding attacked attacks attacking questioned questions questioning
    ripped rips hammered hammers knocked knocks"""
)
# Verbs that give a thing its name ("a group called "Friends""): a quote right after them is a name, not speech.
NAMING_VERBS = names.wordset(
    "call called calls calling dub dubbed term termed name named nickname nicknamed title titled entitle entitled "
    "label labelled labeled brand branded"
)
# A comma and one of these opens a new clause: a verb before it does not govern a quote after it.
_CLAUSE_BREAKS = names.wordset("and but while whereas although though yet so because")
_COORDINATORS = names.wordset("and but or then yet")
_OPENERS = names.wordset("as when after before since if though although once later")
_SUBJECT_PRONOUNS = names.wordset("he she")
_AUXILIARIES = names.wordset("has had was is will would")
_MAX_DISTANCE = 50  # words between the verb and the quote: further than that, the quote is in another clause


def is_governing_verb(item: Item) -> bool:
    return item.is_word and (is_speech_verb(item) or item.lower in JUDGING_VERBS)


def governor(text: str, sent_start: int, mark: int) -> Cue | None:
    """The subject of the nearest speech or judgement verb before the quote mark at ``mark`` whose complement still
    runs at the mark; None when a clause break comes first or the verb has no person for a subject.

    The verb before a quote outranks an attribution after it: in ``he said, "...," the prosecutor's office said``
    the office reports the words, he said them."""
    words = items(text, sent_start, mark)
    if words and words[-1].text in _DASHES:
        # "If Russia did it — as many believe, but Moscow denies — "why wait?" asked Dunn": a verb inside an aside
        # the dashes close governs nothing after them.
        first = next(i for i, w in enumerate(words) if w.text in _DASHES)
        if first < len(words) - 1:
            words = words[:first]
    colon = bool(words) and words[-1].text == ":"
    for index in range(len(words) - 1, max(-1, len(words) - 1 - _MAX_DISTANCE), -1):
        word = words[index]
        if colon and word.text in ("—", "–", "-"):
            return None  # "Pollsters agree - Ana Silva:": the label before the dash says nothing
        if word.text in (";", "(", ")") or (
            word.text == ","
            and index + 1 < len(words)
            and words[index + 1].lower in _CLAUSE_BREAKS
            # "said his staff "did the wrong thing", but that the blocking was "an egregious act"": a "that"
            # after the break goes on with what the verb reports.
            and not (index + 2 < len(words) and words[index + 2].lower == "that")
        ):
            return None
        if word.is_word and not is_speech_verb(word) and is_speech_phrase(words, index):
            return subject_of(text, words, index)  # 'Vera Kask shot back, "..."', 'As Ana Silva put it:'
        if not is_governing_verb(word) or is_noun_use(text, words, index) or is_bare_noun(words, index):
            continue
        if index > 0 and words[index - 1].lower == "to":
            if _says_next(words, index):
                # "Ana Silva went on to say, "..."": the infinitive right before the quote says it is said.
                return clause_subject(text, words, index - 1)
            return None  # "declined to call it a "crisis"": an infinitive asserts nothing
        if word.lower in NAMING_VERBS and index == len(words) - 1 and not _subject_just_before(words, index):
            return None  # "a rocket called "Falcon"", "Ana Silva, called "the Iron Lady" by critics": a name
        return subject_of(text, words, index)
    return None


_DASHES = ("—", "–")


# Words before "to VERB," that deny the words were said ("declined to say,").
_WITHHELD = names.wordset("declined declines decline refused refuses refuse not never reluctant unwilling hesitant")


_GO = names.wordset("go goes went going gone")


def _says_next(words: tuple[Item, ...] | list[Item], index: int) -> bool:
    """ "went on to say, "..."", "was prompted to add:": an infinitive speech verb that only a comma or a colon
    separates from the quote, and no "declined" or "not" before it; any after "went on to"."""
    if index >= 3 and words[index - 2].lower == "on" and words[index - 3].lower in _GO:
        return True  # "She went on to call Berg "the worst mayor"": what follows is said
    if index + 2 != len(words) or words[-1].text not in (",", ":") or not is_speech_verb(words[index]):
        return False
    return not any(w.lower in _WITHHELD for w in words[max(0, index - 4) : index - 1])


def colon_subject(text: str, sent_start: int, mark: int) -> Cue | None:
    """The person whose words follow a colon at the end of ``text[sent_start:mark]`` (``Kasich shot back:``,
    ``She then addressed the crowd again:``, ``As Ana Silva put it:``, ``Silva issued a statement,``): the subject
    of the clause the colon (or the comma after a text put out) ends.
    A lone capitalised word opening the sentence is a subject only before a verb in the past ("Holding signs:"
    is no person)."""
    words = items(text, sent_start, mark)
    if len(words) < 2 or len(words) > _MAX_DISTANCE:
        return None
    # "Ana Silva issued a statement, "..."": a comma after a text put out serves as a colon.
    if words[-1].text != ":" and not (words[-1].text == "," and words[-2].lower in _TEXTS):
        return None
    cue = clause_subject(text, words, len(words) - 1)
    if cue is None and words[-1].text == ":":
        return _author_of_text(text, words)
    if cue is None or cue.kind != "name":
        return cue
    before = [w for w in words if w.end <= cue.start]
    if before:
        # A subject opens its clause: "surprise Republican pollster", "quoting Leonardo", "Bush's Facebook post"
        # end no clause.
        last = before[-1]
        opens = last.text in (",", "—", "–") or last.lower in _CLAUSE_BREAKS | _COORDINATORS | _OPENERS
        if opens and not names.is_possessive(text, last.end):
            return cue
        return _author_of_text(text, words) if words[-1].text == ":" else None
    if " " in cue.name or cue.title:
        return cue
    following = next((w for w in words if w.start >= cue.end), None)
    # "Kasich shot back:", "Clinton has since apologized for what happened:": a verb in the past, or an auxiliary.
    past = following is not None and (following.lower.endswith("ed") or following.lower in _AUXILIARIES)
    return cue if past else None


_AUTHORED = names.wordset("statement tweet post email e-mail letter message note memo release response reply answer")
_LINKS = names.wordset("was is read reads said says")


def _author_of_text(text: str, words: tuple[Item, ...] | list[Item]) -> Cue | None:
    """ "From Ana Silva's Facebook post:", "Silva's response was:": a lead that is nothing but a name's text names
    its author."""
    lead = list(words[:-1])
    if lead and lead[-1].lower in _LINKS:
        lead.pop()
    if not lead or lead[-1].lower not in _AUTHORED:
        return None
    near = range(len(lead) - 2, max(-1, len(lead) - 4), -1)
    owner = next((i for i in near if names.is_possessive(text, lead[i].end)), None)
    if owner is None or not names.is_name_word(lead[owner].text):
        return None
    first = _run_first(text, lead, owner)
    if first < owner and lead[first].lower in ("from", "in"):
        first += 1
    if first > 1 or (first == 1 and lead[0].lower not in ("from", "in")):
        return None
    runs = names.capital_runs(text, lead[first].start, lead[owner].end)
    name = names.split_run(runs[-1], text) if runs else None
    if name is None:
        return None
    return Cue("name", text[name.start : name.end], name.start, name.end, name.name, name.title)


def subject_of(text: str, words: tuple[Item, ...] | list[Item], index: int, depth: int = 0) -> Cue | None:
    """The subject of the verb ``words[index]``: before it (``Ana Silva, a pilot, said``), after it (``said Ana
    Silva``), or, for a verb with no subject of its own (``and accused``, ``, boasting``), the subject of its
    clause."""
    verb = words[index]
    before = list(words[:index])
    back = index - 1
    while back >= 0 and words[back].is_word and _is_adverb(words[back]):
        back -= 1
    previous = words[back] if back >= 0 else None
    if previous is not None and previous.lower in _COORDINATORS:
        return clause_subject(text, words, back, depth)
    if previous is not None and previous.lower in _BEFORE_PARTICIPLE and verb.lower.endswith("ing"):
        return clause_subject(text, words, back, depth)  # "Ana Silva replied by saying", "before adding"
    if previous is not None and previous.is_word and verb.lower.endswith("ing"):
        named = _with_subject(text, words, back)
        if named is not None:
            return named
    if previous is not None and previous.is_word:
        cue = subject_before_verb(text, before, before[0].start)
        if _is_person_cue(cue):
            return cue
        if verb.lower.endswith("ing") and cue is not None and cue.kind in ("unnamed", "role"):
            return _publisher(text, words, index)
        return None
    if previous is None or previous.text in (",", "—", "–"):
        if previous is not None and verb.lower.endswith("ing") and previous.text == ",":
            cue = participle_subject(text, before[: back + 1])
            if _is_person_cue(cue):
                return cue
        if previous is not None:
            cue = subject_before_verb(text, before, before[0].start)
            if _is_person_cue(cue):
                return cue
        after = list(words[index + 1 :])
        if not verb.lower.endswith("ing") and after and _opens_subject(after[0]):
            cue = subject_after_verb(text, after)
            if _is_person_cue(cue):
                return cue
        if previous is not None:
            return clause_subject(text, words, back, depth)
    return None


_TEXTS = names.wordset("statement tweet post email e-mail letter message note memo release")
# Prepositions before a participle that takes the subject of its clause ("Silva ended by saying"); not "for" ("Berg
# attacked Silva for saying": the object said it).
_BEFORE_PARTICIPLE = names.wordset("by before after while when upon")
def _with_subject(text: str, words: tuple[Item, ...] | list[Item], last: int) -> Cue | None:
    """ "with Ana Silva reportedly yelling", "with Berg noting": a name after "with" is the subject of the
    participle that follows it."""
    if not names.is_name_word(words[last].text) or names.is_possessive(text, words[last].end):
        return None
    first = _run_first(text, words, last)
    if first == 0 or words[first - 1].lower != "with":
        return None
    runs = names.capital_runs(text, words[first].start, words[last].end)
    name = names.split_run(runs[-1], text) if runs and runs[-1][-1].end == words[last].end else None
    if name is None:
        return None
    return Cue("name", text[name.start : name.end], name.start, name.end, name.name, name.title)


# Verbs that put out a text: "Ana Silva issued a statement saying ..." quotes her, not the statement.
_PUBLISHING = names.wordset(
    """issued issues issue released releases release sent sends put puts posted posts published publishes
    tweeted tweets wrote writes emailed e-mailed mailed delivered delivers gave gives made makes signed signs"""
)


def _publisher(text: str, words: tuple[Item, ...] | list[Item], index: int) -> Cue | None:
    """The subject of ``issued`` in ``Ana Silva issued a statement saying``: a participle after the object of a
    verb that puts out a text takes that verb's subject (when it is a person)."""
    for back in range(index - 1, max(-1, index - 8), -1):
        word = words[back]
        if not word.is_word:
            return None
        if word.lower in _PUBLISHING:
            if back == 0:
                return None
            cue = subject_before_verb(text, list(words[:back]), words[0].start)
            return cue if _is_person_cue(cue) else None
    return None


def clause_subject(text: str, words: tuple[Item, ...] | list[Item], end: int, depth: int = 0) -> Cue | None:
    """The subject of the clause a subjectless verb continues: an earlier speech verb's subject, or the nearest
    "he"/"she" or name that stands before a verb (``She didn't give a date, but said``)."""
    if depth > 3:
        return None
    for index in range(end - 1, -1, -1):
        word = words[index]
        if word.text == ";":
            return None
        if word.text == "," and index > 0 and _past_verb(words[index + 1] if index + 1 < len(words) else None):
            # "Ana Silva, a former aide, delivered a message:": a name, its appositive, then the verb.
            cue = subject_before_verb(text, list(words[: index + 1]), words[0].start)
            if cue is not None and cue.kind == "name":
                return cue
        if not word.is_word:
            continue
        infinitive = index > 0 and words[index - 1].lower == "to"
        if is_governing_verb(word) and not is_noun_use(text, words, index) and not infinitive:
            cue = subject_of(text, words, index, depth + 1)
            if cue is not None:
                return cue
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and following.text == "," and names.is_name_word(word.text):
            following = _past_appositive(text, words, index + 1)
        if not _verb_like(following) or is_listed_role(following.lower):
            continue  # "the former Arkansas governor, proposed": a place before a role is no subject
        if (
            index > 0
            and words[index - 1].lower == "that"
            and any(map(is_governing_verb, words[max(0, index - 4) : index - 1]))
        ):
            continue  # "Graham said that Carson is "a good man" and said": the subject of what was said
        if word.lower in _SUBJECT_PRONOUNS:
            return Cue("pronoun", word.text, word.start, word.end)
        if names.is_name_word(word.text) and not names.is_possessive(text, word.end):
            first = _run_first(text, words, index)
            run = names.capital_runs(text, words[first].start, word.end)
            name = names.split_run(run[-1], text) if run and run[-1][-1].end == word.end else None
            preceding = words[first - 1].lower if first > 0 else ""
            if name is not None and preceding not in PREPOSITIONS | _ARTICLES | _POSSESSIVES:
                return Cue("name", text[name.start : name.end], name.start, name.end, name.name, name.title)
    return None


_ARTICLES = names.wordset("a an the")
# "on his Facebook page, writing": a name after a possessive is something of someone's, never a subject.
_POSSESSIVES = names.wordset("his her their its our my your")
# Words that never follow a subject as its verb.
_NOT_VERBS = PREPOSITIONS | DETERMINERS | INDEFINITE | _CLAUSE_BREAKS | names.wordset("a an the or who which that s")


def _subject_just_before(words: tuple[Item, ...] | list[Item], index: int) -> bool:
    """ "which Ana Silva called "the last resort"", "she dubbed "a farce"": the namer stands right before."""
    previous = words[index - 1] if index > 0 else None
    return previous is not None and (previous.lower in _SUBJECT_PRONOUNS or names.is_name_word(previous.text))


def _is_adverb(word: Item) -> bool:
    return word.lower in BETWEEN or (word.lower.endswith("ly") and word.text.islower() and len(word.lower) > 3)


def _is_person_cue(cue: Cue | None) -> bool:
    """A name, "he"/"she", or a role noun ("the minister"); "the union" or "the report" speaks for nobody."""
    if cue is None or cue.kind not in ("name", "pronoun", "role"):
        return False
    return cue.kind != "role" or is_role_word(cue.text.split()[-1])


def _opens_subject(word: Item) -> bool:
    return word.is_word and (word.text[:1].isupper() or word.lower in _SUBJECT_PRONOUNS or word.lower in DETERMINERS)


def _past_verb(word: Item | None) -> bool:
    return _verb_like(word) and word is not None and (word.lower.endswith("ed") or word.lower in _AUXILIARIES)


def _verb_like(word: Item | None) -> bool:
    """The word after a subject: lower-case and not a preposition, article, conjunction or relative word."""
    if word is None or not word.is_word or not word.text[:1].islower():
        return False
    return word.lower not in _NOT_VERBS


def _past_appositive(text: str, words: tuple[Item, ...] | list[Item], comma: int) -> Item | None:
    """The word after a short appositive that follows a name ("Sen. Ivo Lind, R-Ky., delivered", "As Ana Holm, a
    former secretary, put it"), or None."""
    close = next((i for i in range(comma + 1, min(len(words), comma + 9)) if words[i].text in (",", ";", ":")), None)
    if close is None or words[close].text != "," or close + 1 >= len(words):
        return None
    if any(w.is_word and is_governing_verb(w) for w in words[comma + 1 : close]):
        return None
    return words[close + 1]


def _run_first(text: str, words: tuple[Item, ...] | list[Item], index: int) -> int:
    """The index of the first word of the run of capitalised words that ends at ``words[index]``."""
    first = index
    while first > 0 and words[first - 1].is_word and names.is_name_word(words[first - 1].text):
        if text[words[first - 1].end : words[first].start] not in (" ", "\u00a0"):
            break
        first -= 1
    return first
