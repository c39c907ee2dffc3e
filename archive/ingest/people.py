"""Quotes with their cues in, speakers out: names normalised, spellings folded into one person, pronouns and roles
resolved to the person they point at.

Reading goes in document order. Every speech-verb subject, ``according to`` phrase and named quote makes a person
*salient*; "he said" then means the person last made salient, unless a title, a role or the given name says that
person is a "she", or the name looks like no person at all (a lone word nobody prints in full or with a title, a
name printed as a place) while a fitting person stands just before; "the pundit noted" means the last salient
person whose role fits (an office must be in their description; any commentator noun fits any commentator). Names
inside quotes never count: the quote texts are masked.

Quotes whose speaker cannot be named (an unnamed official, "they", a role nobody fits) are dropped: the archive
records who said what, and a quote with no one to cite is not worth an editor's review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .language import given_names, name_match, names, word_use
from .language.roles import (
    COMMENTATOR_NOUNS,
    is_organisation_noun,
    is_plural_group,
    is_plural_person_noun,
    is_role_word,
)
from .language.tokens import SPEECH_VERBS
from .parsed import ParsedQuote, ParsedSpeaker
from .person import Person, title_gender
from .quotes.cues import Cue
from .quotes.spans import Extraction, FoundQuote

__all__ = ["Folded", "fold_speakers"]

_NOBODY = -1  # index used in the salience list for an unnamed source
_HE = names.wordset("he him his himself")
_SHE = names.wordset("she her hers herself")
_PRONOUN_REACH = 3  # people a pronoun may look back over
_WHOM = re.compile(r"\bwhom\s+$")
_SPOKE_REACH = 300  # characters over which a lone word that just spoke is still "he" or "she"
_WHOM_REACH = 40  # characters from the start of the name "whom" stands for to the pronoun after it
# Nouns by which news refers back to the public figure it is about ("the candidate", "the senator", "the actress"):
# a definite one nobody's description holds means a recent person given no role. Not "the official", "the
# judge" or "the spokesman": most often someone unnamed, or named with that very role.
_PUBLIC_FIGURES = names.wordset(
    """candidate nominee contender hopeful frontrunner front-runner senator congressman congresswoman lawmaker
    governor mayor businessman businesswoman billionaire mogul tycoon actor actress star singer rapper comedian
    comic host presenter author novelist celebrity leader"""
)
# "Along with her husband, Ivo Lind, she ...": a kinship noun after a possessive, right before a name, tells that
# person's gender (read once, when the person is first met).
_KIN_BEFORE = re.compile(
    r"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Ww]hose)\s+(?:\w+\s+)?"
    r"(husband|wife|son|daughter|brother|sister|father|mother|grandfather|grandmother|uncle|aunt|nephew|niece"
    r"|boyfriend|girlfriend)\s*,?\s*$"
)
_EXAMPLE_BEFORE = re.compile(r"\b(?:like|such as)\s+$")
_UNNAMED_REACH = 1500  # characters a definite role looks back over for its unnamed introduction ("a spokesman")


@dataclass
class Folded:
    speakers: list[ParsedSpeaker]
    quotes: list[ParsedQuote]


def _sound(name: str) -> str:
    """The bucket of a printed name: the consonant skeleton of its surname's key, equal for any two surnames that
    name_match.similar_words calls one (equal keys, or one skeleton)."""
    surname = name_match.parts(name)[1]
    return name_match.skeleton(names.key(surname))


class Cast:
    """The people of one article, and who is salient at each point of the reading."""

    def __init__(self, mentions: list[names.Name], body: str = "", officials: list[names.Name] | None = None) -> None:
        self.body = body
        self._identifiable: dict[str, bool] = {}  # single words already judged person or place
        self._organisations: frozenset[str] | None = None  # names described as an organisation, read once
        self._officials = officials or []  # names printed after an office (spans.py reads them with the mentions)
        self._printed_twice: dict[str, bool] = {}
        self._place_forms: dict[str, bool] = {}  # forms judged place-like for "he"/"she" (_place_like)
        self._whom: dict[int, int | None] = {}  # "he" after "whom", by position, as first resolved
        self.spoke_at: dict[int, int] = {}  # person index -> where a speech verb last named them as its subject
        self.people: list[Person] = []
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.salient: list[int] = []  # person indexes (or _NOBODY), most recent last
        self._rank: dict[int, int] = {}  # person index -> its last position in ``salient``
        # People and mentions by the sound of their surname: only names in one bucket can be one person
        # (name_match.similar_words), so a name is compared with those alone, not with everyone in an article of
        # thousands of people (quadratic: 4,000 speakers took 43 s).
        self._people_by_sound: dict[str, set[int]] = {}
        self._registered: dict[int, int] = {}  # person index -> how many of its forms are in the buckets
        self._forms_by_first_word: dict[str, dict[str, None]] = {}  # people's full names by first word, in order
        self._print_counts: dict[str, int] = {}
        self._mentions_by_sound: dict[str, list[names.Name]] = {}
        for mention in self.mentions:
            self._mentions_by_sound.setdefault(_sound(mention.name), []).append(mention)

    def _register(self, index: int) -> None:
        forms = self.people[index].forms
        for form in forms[self._registered.get(index, 0) :]:
            self._people_by_sound.setdefault(_sound(form), set()).add(index)
            if len(form.split()) >= 2:
                self._forms_by_first_word.setdefault(names.key(form.split()[0]), {})[form] = None
        self._registered[index] = len(forms)

    def _matching(self, name: str) -> list[int]:
        candidates = sorted(self._people_by_sound.get(_sound(name), ()))
        return [i for i in candidates if self.people[i].matches(name)]

    def _titled_matches(self, name: str, title: str) -> list[int]:
        """The people ``name`` may mean. A courtesy title settles which relative a bare surname means ("Mr. Obama" is
        not Michelle Obama): the ones shown to be of its gender, else those whose gender nothing printed tells ("Mrs.
        Lind" with Vera Lind and her husband Tomas printed is Vera)."""
        matches = self._matching(name)
        said = title_gender(title)
        if not said:
            return matches
        genders = {i: self.people[i].gender() for i in matches}
        return [i for i in matches if genders[i] == said] or [i for i in matches if not genders[i]]

    def person(self, name: str, pos: int, title: str = "", description: str = "") -> int:
        """The index of the person printed as ``name`` at ``pos``, created (and filled from mentions) if new."""
        matches = self._titled_matches(name, title)
        opened = None if matches else self._opened_by(name)
        if opened is not None:
            matches = self._matching(opened)
        if matches:
            index = max(matches, key=self._recency)
        else:
            index = len(self.people)
            self.people.append(Person())
            self._enrich(self.people[index], opened or name, pos, title_gender(title))
            kin = _KIN_BEFORE.search(self.body, max(0, pos - 40), pos) if pos > 0 else None
            if kin is not None:
                self.people[index].pronoun = title_gender(kin.group(1))
            if opened is not None:
                self.people[index].forms.append(opened)
        person = self.people[index]
        person.forms.append(name)
        self._register(index)
        if title:
            person.titles.append(title)
        if description:
            person.descriptions.append(description)
        person.last_seen = max(person.last_seen, pos)
        return index

    def _opened_by(self, word: str) -> str | None:
        """ "Shen Xincheng, a doctoral candidate ... Shen wrote"; "Amadou Magassa, 13, ... Amadou estimated": a lone
        word that no name ends with, but that opens the full name of exactly one person met before, is that person (a
        surname printed first, or a given name) when the article never prints that person's last word alone: "Tom
        Ebeling ... Ebeling said" calls Tom's family by the surname, and "Freddy" must not become every "Trump"."""
        if len(word.split()) != 1 or self.printed_in_full(word):
            return None
        opened: dict[str, str] = {}
        for form in self._forms_by_first_word.get(names.key(word), ()):
            if self._printed(form.split()[-1]) == self._printed(form):
                opened.setdefault(names.key(form), form)
        return next(iter(opened.values())) if len(opened) == 1 else None

    def _printed(self, text: str) -> int:
        if text not in self._print_counts:
            self._print_counts[text] = self.body.count(text)
        return self._print_counts[text]

    def _recency(self, index: int) -> tuple[int, int]:
        return self._rank.get(index, -1), self.people[index].last_seen

    def _enrich(self, person: Person, name: str, pos: int, said: str = "") -> None:
        """Give a new person the fuller forms printed elsewhere ("Lahti" -> "Eero Lahti"); ``said``: the gender a
        title gave ("Mr. Obama" takes "Barack Obama", not "Michelle Obama")."""
        compatible = [m for m in self._mentions_by_sound.get(_sound(name), ()) if name_match.same_person(name, m.name)]
        if said:
            compatible = [m for m in compatible if given_names.pronoun_of(m.name) in ("", said)]
        if len(name_match.parts(name)[0]) == 0:
            # A bare surname may belong to two relatives: take the one printed last before it.
            before = [m for m in compatible if m.start < pos]
            chosen = before[-1:] if before else compatible[:1]
            keys = {names.key(name_match.parts(m.name)[0][0]) for m in chosen if name_match.parts(m.name)[0]}
            compatible = [
                m
                for m in compatible
                if not name_match.parts(m.name)[0] or names.key(name_match.parts(m.name)[0][0]) in keys
            ]
        for mention in compatible:
            if any(person.forms) and person.conflicts(mention.name):
                continue
            person.forms.append(mention.name)
            if mention.role and any(w.lower() in names.OFFICES for w in mention.role.split()):
                person.offices.append(mention.role)
            if mention.title:
                person.titles.append(mention.title)

    def printed_in_full(self, name: str) -> bool:
        """A bare surname whose full name the article prints elsewhere ("Morrison" and "Tim Morrison")."""
        return not name_match.parts(name)[0] and any(
            name_match.same_person(name, m.name) for m in self._mentions_by_sound.get(_sound(name), ())
        )

    def identifiable(self, cue: Cue) -> bool:
        """Not a place, party or group: a single capitalised word that the article never ties to a person (no full
        name, no title, nobody met) and elsewhere uses as a place or a group ("in Indiana", "the Republicans"),
        inside a longer proper name ("United States", "The Daily Beast"), in lower case or as a modifier ("Holding
        signs", "a Southern accent") is nobody to cite; nor is a longer run ending in a party or a region word or
        opening with a count ("New Hampshire Republican", "Two Americans")."""
        if len(cue.name.split()) >= 2:
            return cue.title != "" or not (_party_or_region(cue.name) or self._organisation(cue.name))
        if is_plural_group(cue.name) and not cue.title:
            return False  # "Republicans were quick to chime in", "Hispanics": a group, whoever is met by that word
        if cue.title or self.known(cue.name) is not None:
            return True
        if cue.name not in self._identifiable:
            self._identifiable[cue.name] = (
                self.printed_in_full(cue.name)
                or self._titled_somewhere(cue.name)
                or not (
                    _used_as_place_or_group(self.body, cue.name)
                    or _abbreviation_or_modifier(self.body, cue.name)
                    or _common_word(self.body, cue.name)
                    or _count_or_participle(self.body, cue.name)
                    or self._organisation(cue.name)
                )
            )
        return self._identifiable[cue.name]

    def _organisation(self, name: str) -> bool:
        if self._organisations is None:
            self._organisations = _organisation_appositives(self.body)
        return name in self._organisations

    def _titled_somewhere(self, name: str) -> bool:
        """ "President Obama", "Mr. Obama": an honorific or an office printed right before the word."""
        for _, before in _neighbours(self.body, name):
            word = before.rstrip(".")
            if word[:1].isupper() and (word.lower() in names.HONORIFICS or word.lower() in names.OFFICES):
                return True
        return False

    def known(self, name: str, title: str = "") -> int | None:
        """An existing person printed as ``name``, without creating one; a courtesy title settles which relative
        ("Mrs. Clinton" is not the Mr. Clinton just quoted)."""
        matches = self._titled_matches(name, title)
        return max(matches, key=self._recency) if matches else None

    def make_salient(self, index: int | None) -> None:
        if index is not None:
            self._rank[index] = len(self.salient)
            self.salient.append(index)

    def last_salient(self) -> int | None:
        if not self.salient or self.salient[-1] == _NOBODY:
            return None
        return self.salient[-1]

    def resolve_pronoun(self, pronoun: str, pos: int = -1) -> int | None:
        """ "he"/"she": the person last made salient, unless the text says that person is of the other gender;
        then the one before (an unnamed person still stands in the way). The answer settles the person's gender.
        After "whom" ("Ivo Lind, whom he describes as") the pronoun is not the person the relative word stands for."""
        last = pronoun.lower().split()[-1]  # "he", or "the 45-year-old woman"
        wanted = "he" if last in _HE | {"man", "boy"} else "she" if last in _SHE | {"woman", "girl"} else ""
        salient = self.salient
        if pos > 0 and _WHOM.search(self.body, max(0, pos - 8), pos):
            if pos in self._whom:
                return self._whom[pos]  # read again for the quote it attributes: the answer already given
            if salient and salient[-1] != _NOBODY and pos - self.people[salient[-1]].last_seen < _WHOM_REACH:
                salient = [index for index in salient if index != salient[-1]]  # the name right before ", whom"
            self._whom[pos] = self._resolve_pronoun_in(salient, wanted, pos)
            return self._whom[pos]
        return self._resolve_pronoun_in(salient, wanted, pos)

    def _resolve_pronoun_in(self, salient: list[int], wanted: str, pos: int) -> int | None:
        recent: list[int] = []
        for index in reversed(salient):
            if index not in recent:
                recent.append(index)
                if len(recent) == _PRONOUN_REACH:
                    break
        fitting = []
        for index in recent:
            if index == _NOBODY:
                break
            known = self.people[index].gender()
            if not wanted or not known or known == wanted:
                fitting.append(index)
        if not fitting:
            return None
        # A lone word nobody prints in full or with a title ("Russian", "Cost") yields to a person named in full.
        # Not one that just spoke: "Cruz openly admitted that his pick was political. "...," he said."
        index = next((i for i in fitting if not self._lone_word(i) or self._just_spoke(i, pos)), fitting[0])
        if wanted and not self.people[index].pronoun:
            self.people[index].pronoun = wanted
        return index

    def _just_spoke(self, index: int, pos: int) -> bool:
        return index in self.spoke_at and 0 <= pos - self.spoke_at[index] < _SPOKE_REACH

    def _lone_word(self, index: int) -> bool:
        forms = tuple(dict.fromkeys(self.people[index].forms))  # a person quoted often prints few distinct forms
        if self.people[index].titles or any(given_names.pronoun_of(f"{form} X") for form in forms):
            return False  # "Bob", "Bill": a given name alone is a person
        return all(self._place_like(form) for form in forms)

    def _place_like(self, form: str) -> bool:
        """ "New York" printed "in New York"; "Russian" never printed in full, with a title or with a role after it
        ("Sexton, a writing professor,"), looked up once."""
        if form not in self._place_forms:
            if len(form.split()) > 1:
                self._place_forms[form] = _printed_as_place(self.body, form)
            else:
                self._place_forms[form] = not (
                    self.printed_in_full(form) or self._titled_somewhere(form) or _described_after(self.body, form)
                )
        return self._place_forms[form]

    def resolve_role(self, phrase: str, pos: int = -1) -> int | None:
        """The person a role noun phrase points at: an office in their description, or any commentator; failing
        that, the person printed last before ``pos`` with that office before their name ("President Obama ...
        the president said"); failing that, for "the <role>" of one person, a recent person given no role at all."""
        words = [w for w in phrase.lower().replace("’s", "").replace("'s", "").split() if w.isalpha()]
        words = [w for w in words if w not in ("the", "this", "that", "his", "her", "its", "their")]
        if not words:
            return None
        head, modifiers = words[-1], set(words[:-1])
        # Most recently salient first (each person once: a repeat never changes the answer), then the rest.
        ranked = sorted((i for i in self._rank if i != _NOBODY), key=self._rank.__getitem__, reverse=True)
        order = ranked + [i for i in range(len(self.people)) if i not in self._rank]
        if head in COMMENTATOR_NOUNS:
            for index in order:
                if self.people[index].is_commentator():
                    return index
            return None
        fitting = [i for i in order if self.people[i].fits_role(head)]
        if not fitting:
            titled = self._titled_recent(head)
            if titled is not None:
                return titled
            introduced = self._introduced_as(head, pos)
            public = phrase.lower().startswith("the ") and head in _PUBLIC_FIGURES
            if introduced is None and public and not self._unnamed_before(head, pos):
                return self._undescribed_recent(title_gender(head))
            return introduced

        def overlap(index: int) -> int:
            return sum(1 for word in modifiers if word in self.people[index].roles().split())

        best = max(overlap(i) for i in fitting)
        return next(i for i in fitting if overlap(i) == best)

    def resolve(self, cue: Cue) -> int | None:
        if cue.kind == "name":
            if not self.identifiable(cue):
                return None
            return self.person(cue.name, cue.start, cue.title, cue.description)
        if cue.kind == "pronoun":
            return self.resolve_pronoun(cue.text, cue.start)
        if cue.kind == "role":
            if cue.text[:1].isupper() and " " not in cue.text and self.printed_in_full(cue.text):
                # "Guardian said" after "Mayor Don Guardian": a surname that is also an organisation's word.
                return self.person(cue.text, cue.start)
            return self.resolve_role(cue.text, cue.start)
        return None

    def _again(self, name: str) -> bool:
        """Printed more than once: a Title Case headline ("Obama Sees Personal Insult") is not a name."""
        if name not in self._printed_twice:
            self._printed_twice[name] = self.body.count(name) >= 2
        return self._printed_twice[name]

    def _unnamed_before(self, head: str, pos: int) -> bool:
        """ "A supporter was caught on video ... The supporter was charged": the role was just given to someone
        unnamed (read back a bounded stretch, so that many role cues stay linear in the article)."""
        before = self.body[max(0, pos - _UNNAMED_REACH) : pos]
        return re.search(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\b[\w\s-]{{0,30}}?\b{re.escape(head)}\b", before) is not None

    def _undescribed_recent(self, gender: str) -> int | None:
        """ "The candidate also continued to refute ...": a definite role that no one's description holds points, as
        "he" or "she" would, at a recent person, but only one the article gives no role or title (the candidate is not
        the mayor, the analyst or the "Rep." just quoted), and never past an unnamed person."""
        seen: list[int] = []
        for index in reversed(self.salient):
            if index == _NOBODY:
                return None
            if index in seen:
                continue
            seen.append(index)
            if len(seen) > _PRONOUN_REACH:
                return None
            person = self.people[index]
            if person.description or (gender and person.gender() not in ("", gender)):
                continue
            return index
        return None

    def _titled_recent(self, head: str) -> int | None:
        """ "Sen. Ana Silva spoke first. "...," the senator said": the person last made salient, if their abbreviated
        title is the role; only that one, as "the senator" further from "Sen. Silva" may be another senator just
        written about ("Lind faltered. The senator from Ohio appeared")."""
        index = self.last_salient()
        return index if index is not None and self.people[index].fits_title(head) else None

    def _introduced_as(self, head: str, pos: int) -> int | None:
        if pos <= 0 or head not in names.OFFICES:
            return None
        last = None
        for name in self._officials:
            if name.start >= pos:
                break
            if name.role.lower().split()[-1:] == [head] and self._again(name.name):  # the office right before it
                last = name
        if last is None:
            return None
        return self.person(last.name, last.start, last.title, last.role)


def fold_speakers(extraction: Extraction) -> Folded:
    """Assign every quote a person, fold name variants, and return the quoted people and the named quotes."""
    cast = Cast(extraction.mentions, extraction.body, extraction.officials)
    interviewee = None
    if extraction.interviewee is not None:
        cue = extraction.interviewee
        interviewee = cast.person(cue.name, max(cue.start, 0), cue.title, cue.description)
    events: list[tuple[int, int, Cue | FoundQuote]] = [(cue.start, 0, cue) for cue in extraction.cues]
    for quote in extraction.quotes:
        anchor = quote.cue.start if quote.cue is not None else quote.start
        events.append((anchor, 1, quote))
    events.sort(key=lambda event: (event[0], event[1]))
    assigned: list[tuple[FoundQuote, int | None]] = []
    previous: int | None = None
    previous_paragraph = -1
    introduced_at = -1  # where the last cue that made someone (or an unnamed person) salient starts
    for _, _, item in events:
        if isinstance(item, Cue):
            before = len(cast.salient)
            _make_salient(cast, item)
            if len(cast.salient) > before:
                introduced_at = item.start
            continue
        continues = previous_paragraph >= 0 and previous_paragraph == item.paragraph - 1
        if continues and item.follows == "previous" and introduced_at > extraction.body.rfind("\n", 0, item.start):
            # "Ana Silva says her niece called her. "...": the paragraph's own narrative named someone before the
            # quote, so the quote is no longer the previous paragraph's speaker going on.
            continues = False
        index = _speaker_of(cast, item, previous, interviewee, continues)
        if index is None and item.cue is not None and _is_person_phrase(item.cue):
            cast.make_salient(_NOBODY)
        cast.make_salient(index)
        assigned.append((item, index))
        previous, previous_paragraph = index, item.paragraph
    return _folded(cast, assigned)


def _make_salient(cast: Cast, cue: Cue) -> None:
    if cue.kind == "name" and cue.start > 0 and _EXAMPLE_BEFORE.search(cast.body, max(0, cue.start - 12), cue.start):
        return  # "politicians, like Ivo Lind, who had condemned": an example is no one "he" goes on to mean
    if not cue.strong:
        # A named subject of an ordinary verb: a known person, or a newcomer printed in full ("Ana Silva was blunt.
        # "..."" quotes her).
        index = cast.known(cue.name, cue.title)
        titled = cue.text != cue.name  # "President Obama backed her": an office or title says a person
        # A given name alone ("his wife, Jane, called for") is a person's, as "Bob" is for "he"/"she" below.
        given = given_names.pronoun_of(f"{cue.name} X") != ""
        if index is None and (len(cue.name.split()) >= 2 or titled or given or cast.printed_in_full(cue.name)):
            index = cast.resolve(cue)
        cast.make_salient(index)
        return
    index = cast.resolve(cue)
    if index is not None and cue.kind == "name":
        cast.spoke_at[index] = cue.start
    if index is None and _is_person_phrase(cue) and not _refers_back(cue):
        cast.make_salient(_NOBODY)
    else:
        cast.make_salient(index)


_PLACES = names.wordset("in across throughout")
_PLACES_OF = _PLACES | names.wordset("from of")
_GROUPS = names.wordset("the many some other fellow")


def _described_after(body: str, word: str) -> bool:
    """ "Sexton, a creative writing professor, said": a word followed by an appositive whose head is a noun for what a
    person does is a person's name ("Xinhua, the official news agency," is not)."""
    for match in re.finditer(rf"\b{re.escape(word)}, (?:an?|the) ([^,.;:\n]{{1,60}}),", body):
        if _head_is_role(match.group(1)):
            return True
    return False


def _head_is_role(phrase: str) -> bool:
    head = _appositive_head(phrase)
    return bool(head) and is_role_word(head)


def _appositive_head(phrase: str) -> str:
    words = [w for w in phrase.split() if w.isalpha()]
    cut = next((i for i, w in enumerate(words) if w.lower() in _APPOSITIVE_STOPS), len(words))
    return words[cut - 1] if cut > 0 else ""


def _organisation_appositives(body: str) -> frozenset[str]:
    """The names, and each of their last words, printed before an appositive whose lower-case head is a word for
    an organisation: "United Technologies, a company with revenue of $56 billion", "Xinhua, the official news
    agency," ("a University of South Carolina professor" is a person's). One pass over the article."""
    found: set[str] = set()
    for match in _APPOSITIVE.finditer(body):
        phrase = match.group(1)
        head = _appositive_head(phrase)
        if not head.islower() or not is_organisation_noun(head):
            continue
        if any(is_role_word(w) for w in phrase.split() if w.isalpha()):
            continue
        words = body[max(0, match.start() - 80) : match.start()].split()[-6:]
        first = len(words)
        while first > 0 and words[first - 1][:1].isupper():
            first -= 1
        words = words[first:]
        found.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(found)


_APPOSITIVE = re.compile(r"(?<=\w), (?:an?|the) ([^,.;:\n]{1,60})[,.;]")


_APPOSITIVE_STOPS = names.wordset("of for at in on with from by about to who whom whose that which and or")


def _neighbours(body: str, word: str) -> Iterator[tuple[str, str]]:
    """(the end of the text before the word before, the word before) at each place ``word`` is printed."""
    for lead, before, _ in _neighbours_possessive(body, word):
        yield lead, before


def _neighbours_possessive(body: str, word: str) -> Iterator[tuple[str, str, bool]]:
    """As ``_neighbours``, and whether the word is printed as a possessive there ("Lind's")."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not body[at - 1].isalnum()) and (end == len(body) or not body[end].isalnum()):
            before = body[max(0, at - 60) : at].split()
            lead = " ".join(before[:-1])[-2:] if len(before) > 1 else ""
            possessive = body[end : end + 1] in ("'", "’") and body[end + 1 : end + 2] == "s"
            yield lead, before[-1] if before else "", possessive
        at = body.find(word, end)


def _printed_as_place(body: str, name: str) -> bool:
    return any(before in _PLACES_OF for _, before in _neighbours(body, name)) and not given_names.pronoun_of(name)


def _used_as_place_or_group(body: str, word: str) -> bool:
    """ "in Indiana", "the Democrats", "North Carolina", "The Daily Beast": never a person's name on its own (a given
    name such as "Melanie" before a surname is one; "the Clinton campaign" or "Clinton Foundation" says nothing)."""
    if given_names.pronoun_of(f"{word} X"):
        return False
    for lead, before, possessive in _neighbours_possessive(body, word):
        if before in _PLACES and not possessive:
            return True  # "in Indiana"; not "in Lind's favor", "in Lind's view": something of a person's
        if word.endswith("s") and (before.lower() in _GROUPS | _NUMBER_WORDS or before.isdigit()):
            return True  # "the Democrats", "two Republicans", "Two Americans"
        if before.endswith("."):
            continue  # "moved to Cornell. Isabelle": the word before ends a sentence (an abbreviation names no group)
        bare = before
        if not (bare[:1].isupper() and bare[1:].isalpha() and bare[1:].islower()):
            continue
        if not lead.strip() or lead.rstrip()[-1:] in '.!?"”':
            continue  # the capitalised word before opens a sentence: "Then Indiana" proves nothing
        if given_names.pronoun_of(f"{bare} X"):
            continue  # "Donald Trump": a given name before the word makes it a surname
        if bare.lower() not in names.HONORIFICS | names.OFFICES | names.NOT_NAMES:
            return True
    return False


_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "ist", "ern")


def _abbreviation_or_modifier(body: str, word: str) -> bool:
    """ "Sacramento, Calif., said", "Republican pollster", "Mexican judges": a word printed with an abbreviation's
    dot inside a sentence, or with an adjective's ending right before a noun for a person, is a state or a modifier,
    not a surname ("Rubio aides" says nothing)."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if at == 0 or not body[at - 1].isalnum():
            after = body[end : end + 30]
            if after[:2] == ".," or (after[:1] == "." and after[1:2] == " " and after[2:3].islower()):
                return True
            following = after[1:].split(None, 1)[0].strip(",.;:") if after[:1] == " " else ""
            modifier = word.lower().endswith(_ADJECTIVE_ENDINGS) and following.islower()
            if modifier and (is_role_word(following) or is_plural_person_noun(following)):
                return True
        at = body.find(word, end)
    return False


_NUMBER_WORDS = names.wordset("two three four five six seven eight nine ten dozen")
# Listed, not read from the ending: "Howard Stern" and "Bertie Ahern" end in "-ern" too.
_REGIONS = names.wordset(
    "eastern western northern southern midwestern northeastern northwestern southeastern southwestern central"
)


def _party_or_region(name: str) -> bool:
    """ "New Hampshire Democrat", "Presumptive Democratic", "Middle Eastern", "Two Americans": a party, a region or
    a count at the end or the start of a run is a group or a modifier, never a person's name."""
    words = name.lower().split()
    if is_plural_group(words[-1]):
        return True  # "Optimistic Americans", "Puerto Ricans"
    return words[-1] in word_use.AFFILIATIONS or words[-1] in _REGIONS or words[0] in _NUMBER_WORDS


def _common_word(body: str, word: str) -> bool:
    """ "Holding signs, the protesters chanted", "a fake Southern accent and joked": a word the article also prints
    in lower case, or one with an adjective's ending printed before a lower-case word that is no verb ("Southern
    accent"; "Lindqvist said" proves nothing), is a common word or a modifier when nothing ties it to a person (the
    caller asks only of words never printed in full nor with a title). A given name ("Bill") is a person's alone."""
    if given_names.pronoun_of(f"{word} X"):
        return False
    if word_use.word_use(body).in_lower_case(word.lower()):
        return True
    return word.lower().endswith(_ADJECTIVE_ENDINGS) and any(
        following.islower() and not following.endswith("ed") and following not in _VERBS_AFTER_A_NAME
        for following in _words_after(body, word)
    )


def _count_or_participle(body: str, word: str) -> bool:
    """ "One message ... said:", "Citing "obligations," the spokeswoman told": a count word, or an "-ing" word the
    article capitalises only where a sentence opens, is no one's name ("Manning" and "King" are printed capitalised
    inside sentences too)."""
    lower = word.lower()
    if lower == "one" or lower in _NUMBER_WORDS:
        return True
    return lower.endswith("ing") and not word_use.word_use(body).capitalised_inside(lower)


# Lower-case words that follow a surname as its verb: "Lindqvist said", "Morgan has", "Duncan will".
_VERBS_AFTER_A_NAME = SPEECH_VERBS | names.wordset(
    "is was has had have will would can could should shall may might must did does do also then who"
)


def _words_after(body: str, word: str) -> Iterator[str]:
    """The word printed right after each whole-word occurrence of ``word`` (separated by one space)."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not body[at - 1].isalnum()) and body[end : end + 1] == " ":
            following = body[end + 1 : end + 40].split(None, 1)
            if following:
                yield following[0].strip(",.;:!?")
        at = body.find(word, end)


def _is_person_phrase(cue: Cue) -> bool:
    """An unnamed person ("an official", "the source") stands between a pronoun and earlier people; an unnamed
    thing ("the label", "the statement", "they") or group ("critics", "two officials") does not: "he" and "she"
    never point at a group."""
    if cue.kind not in ("role", "unnamed"):
        return False
    words = [w for w in cue.text.lower().replace("’s", "").replace("'s", "").split() if w.isalpha()]
    if not words or words[-1] in ("they", "it", "we", "them") or is_plural_person_noun(words[-1]):
        return False
    return is_role_word(words[-1])


def _refers_back(cue: Cue) -> bool:
    """ "The Vermont senator declined", "the presumptive nominee told": a definite public figure's role refers back to
    someone written about, even when it could not be resolved; it introduces no unnamed person."""
    words = cue.text.lower().split()
    return len(words) >= 2 and words[0] in ("the", "this") and words[-1] in _PUBLIC_FIGURES


def _speaker_of(
    cast: Cast, quote: FoundQuote, previous: int | None, interviewee: int | None, continues: bool
) -> int | None:
    """``continues``: the quote before this one ended the paragraph before, so a bare quote goes on with it."""
    if quote.cue is not None:
        return cast.resolve(quote.cue)
    if quote.follows == "answer":
        return interviewee if interviewee is not None else previous if previous is not None else cast.last_salient()
    if quote.follows == "paragraph":
        return previous
    if quote.follows == "previous":
        return previous if continues else cast.last_salient()
    return None


def _given_names_alone(cast: Cast, quoted: set[int]) -> dict[int, int]:
    """ "Tom Ebeling ... Tom told her": a quoted person printed only as one given name is the one quoted person whose
    full name opens with it. Read as the article was read, "Tom" stayed apart (the family is "Ebeling" alone, so
    folding the word while reading would make every "Ebeling said" his); the list of speakers names him once."""
    if not any(len(cast.people[index].name.split()) == 1 for index in quoted):
        return {}
    by_first: dict[str, list[int]] = {}
    for index in quoted:
        words = names.key(cast.people[index].name).split()
        if len(words) >= 2:
            by_first.setdefault(words[0], []).append(index)
    merged: dict[int, int] = {}
    for index in quoted:
        person = cast.people[index]
        forms = {names.key(form) for form in person.forms}
        word = next(iter(forms)) if len(forms) == 1 else ""
        if not word or " " in word or person.titles or not names.is_given_name(word):
            continue
        fuller = by_first.get(word, [])
        if len(fuller) == 1:
            merged[index] = fuller[0]
    return merged


def _folded(cast: Cast, assigned: list[tuple[FoundQuote, int | None]]) -> Folded:
    merged = _given_names_alone(cast, {index for _, index in assigned if index is not None})
    assigned = [(quote, merged.get(index, index)) for quote, index in assigned]
    quoted = sorted({index for _, index in assigned if index is not None})
    canonical = {index: cast.people[index].name for index in quoted}
    speakers = [
        ParsedSpeaker(
            name=canonical[index],
            description=cast.people[index].description,
            variants=cast.people[index].variants(),
        )
        for index in quoted
    ]
    quotes = [
        ParsedQuote(
            text=quote.text,
            start=quote.start,
            end=quote.end,
            kind=quote.kind,
            speaker=canonical[index],
            attribution=quote.attribution,
        )
        for quote, index in sorted(assigned, key=lambda pair: pair[0].start)
        if index is not None
    ]
    return Folded(speakers=speakers, quotes=quotes)
