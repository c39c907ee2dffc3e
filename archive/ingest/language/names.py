"""Printed text in, person names out: runs of capitalised words, titles split off, comparison keys and spellings.

Nothing here knows a particular person: a name is recognised by its shape (capitalised words, initials,
particles), a title by a closed list of honorifics and offices, and two spellings of one surname by their
consonant skeleton and edit distance.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from . import role_words, word_use

__all__ = [
    "ABBREVIATIONS",
    "HONORIFICS",
    "NOT_NAMES",
    "Name",
    "OFFICES",
    "ORG_WORDS",
    "PLURAL_PRONOUNS",
    "PRONOUNS",
    "SUFFIXES",
    "capital_runs",
    "is_name_word",
    "is_possessive",
    "keeps_dot",
    "key",
    "split_run",
    "tokens",
    "wordset",
]


def wordset(text: str) -> frozenset[str]:
    """A set of lower-case words written as one string (long word lists read better that way)."""
    return frozenset(text.split())


# Honorifics: dropped from the name, kept as the person's title.
HONORIFICS = wordset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr rabbi imam sheikh sheik
    sen senator rep gov gen col lt capt maj sgt cmdr adm cpl pvt st hon msgr sens reps pres mister"""
)
# Offices and roles that, capitalised before a name, describe the person ("Health Minister Moshe Arbel").
OFFICES = wordset(
    """president minister premier chancellor ambassador secretary mayor governor king queen prince princess pope
    speaker chairman chairwoman chairperson chair director deputy vice prime foreign chief coach judge justice
    general colonel captain major lieutenant sergeant commander admiral officer attorney inspector superintendent
    detective constable agent dean emir sultan crown ceo cfo coo founder head leader manager editor correspondent
    spokesman spokeswoman spokesperson senator representative congressman congresswoman councillor councilman
    councilwoman commissioner lawmaker mp mep envoy consul advisor adviser assistant whip economist analyst expert
    researcher professor historian journalist author reporter writer publisher producer executive owner partner
    counsel prosecutor sheriff marshal trustee principal chaplain bishop archbishop cardinal father sister
    brother patriarch metropolitan ayatollah mullah defence defense economy interior justice health education
    finance energy trade culture labour labor transport agriculture environment staff"""
)
# Words that end the name of an organisation or place; a person's name follows them, never includes them.
ORG_WORDS = wordset(
    """ministry ministries affairs committee council union office party agency department institute university
    college school center centre company corporation corp inc ltd llc group association foundation commission
    bank fund forces army navy police court parliament assembly senate congress house government administration
    board bureau service services network channel news times post press journal daily tv radio club team league
    gazette herald tribune chronicle ledger review today weekly magazine observer telegraph guardian express
    courier examiner inquirer monitor bulletin wire media
    federation organization organisation embassy project program programme society academy hospital church city
    state states republic kingdom province region county district street avenue square journalists pac world"""
)
PARTICLES = wordset("de del della der den van von da di du dos das la le ter bin ibn al el ben y")
SUFFIXES = wordset("jr jr. sr sr. ii iii iv")
# Capitalised words that open sentences and clauses but are never part of a name.
NOT_NAMES = wordset(
    """the a an and but or nor so yet for in on at as by to of from with into over under after before during since
    while when whenever where whereas if unless although though because than then there here this that these
    those it its he she they we i you his her their our your my me him them us who whom whose which what why how
    also however meanwhile moreover furthermore besides indeed still yet now today yesterday tomorrow tonight
    last next earlier later once instead thus hence therefore finally first second third according regarding
    despite amid among between both either neither each every all some many most more much few several such
    no not only just even perhaps maybe monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december apparently
    unfortunately fortunately certainly clearly obviously of-course well oh yes okay ok please another other
    former late without within against toward towards through throughout across beyond upon until unlike along
    alongside behind beneath beside outside inside via off"""
)
# Words that never stand inside a name, even capitalised.
NEVER_IN_NAME = wordset(
    "the a an and or but nor he she it they we i you his her its their our my your him them us me who which what "
    "this that these those"
)
PRONOUNS = wordset("he she him her his hers")
PLURAL_PRONOUNS = wordset("they them their it its we i you us")
# Honorifics written with a dot; a dot after them does not end a sentence.
ABBREVIATIONS = wordset(
    """mr mrs ms dr prof sen sens rep reps pres gov gen col lt capt maj sgt cmdr adm cpl pvt st jr sr rev fr msgr hon
    no vs jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept univ est approx etc mt ft"""
)

# A word, with inner hyphens and apostrophes; "Newsline.Co" (a site name) is one word, and never a name.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:\.[A-Za-z]{2,}\b)*\.?")


class Token(NamedTuple):  # a named tuple: built for every word, and faster to build than a dataclass
    text: str
    start: int
    end: int
    bare: str = ""  # the word without a trailing dot
    lower: str = ""  # bare, lower-cased


_new = tuple.__new__  # builds a Token without the named tuple's keyword-handling constructor


@dataclass(frozen=True)
class Name:
    """A name as printed, split into title words, role words and the name proper."""

    printed: str  # the whole run as printed ("Finnish President Eero Lahti")
    start: int
    end: int
    name: str  # the name proper ("Eero Lahti")
    name_start: int
    title: str = ""  # honorifics ("Prof.")
    role: str = ""  # capitalised office words before the name ("Finnish President")

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@functools.lru_cache(maxsize=2048)
def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Words of ``text[start:end]``; a trailing dot stays only on abbreviations and initials.

    Cached: attribution reads the same sentence several times (a string's hash is computed once).
    """
    out = []
    append = out.append
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        wstart, wend = match.span()
        if word[-1] == "." and not keeps_dot(word[:-1]):
            word, wend = word[:-1], wend - 1
        if word[-2:] in ("'s", "’s") and len(word) > 2:
            # A possessive is the name plus a clitic: "Lahti's visit" names Lahti.
            word, wend = word[:-2], wend - 2
        bare = word.rstrip(".")
        # Built inline with tuple.__new__, no call per word: this loop reads every word of every sentence.
        append(_new(Token, (word, wstart, wend, bare, bare.lower())))
    return tuple(out)


def is_possessive(text: str, end: int) -> bool:
    """True when the word ending at ``end`` carries a possessive ("Lahti's", "Jones'")."""
    return text[end : end + 2] in ("'s", "’s") or (
        text[end - 1 : end] == "s" and text[end : end + 1] in "'’" and text[end + 1 : end + 2] in (" ", "")
    )


def keeps_dot(word: str) -> bool:
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d|t)$", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)  # a pure test of one word, asked of every word of every paragraph
def is_name_word(word: str) -> bool:
    """Capitalised, not all capitals (acronyms are organisations), not a function word."""
    bare = word.rstrip(".")
    if not bare or not bare[0].isupper() or bare.lower() in NEVER_IN_NAME or "." in bare:
        return False
    if _CONTRACTION.search(bare):
        return False  # "I'm", "They're", "Don't": a pronoun or verb with its clitic ("O'Neill" is a name)
    if len(bare) > 2 and bare[1] == "-" and bare[0].isupper():
        return False  # "D-Ohio", "R-Texas": a party and a state after a lawmaker's name
    letters = [ch for ch in bare if ch.isalpha()]
    acronym = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    return not acronym or bare.lower() in SUFFIXES


def capital_runs(text: str, start: int = 0, end: int | None = None) -> list[list[Token]]:
    """Runs of name-like words separated only by single spaces (particles allowed inside a run)."""
    words = tokens(text, start, end)
    runs: list[list[Token]] = []
    current: list[Token] = []
    dotted = _dotted_abbreviations(words)
    for index, token in enumerate(words):
        if (is_name_word(token.text) and index not in dotted) or (
            current
            and (
                (token.lower in PARTICLES and _particle_leads_to_name(words, index))
                or _middle_initial(words, index, text)
            )
        ):
            # The gap is read only for a word that may go on a run: this loop sees every word of the text.
            if current and not _joined(text, current[-1], token):
                runs.append(current)
                current = []
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        # Sentence openers ("Yesterday", "According", "May") are capitalised without being names.
        while run and run[0].lower in NOT_NAMES:
            run = run[1:]
        while run and run[-1].lower in PARTICLES:
            run = run[:-1]
        # "in Hudson, New Hampshire Monday, the man said": a weekday ends no name, unless a given name makes it a
        # surname ("Joe Friday").
        if len(run) > 1 and run[-1].lower in _WEEKDAYS and not is_given_name(run[-2].text):
            run = run[:-1]
        if run:
            trimmed.append(run)
    return trimmed


_WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")


def _joined(text: str, last: Token, token: Token) -> bool:
    """Whether ``token`` goes on the run that ``last`` ends: one space between them, or none between initials
    ("G.K."), and no possessive on ``last``."""
    gap = text[last.end : token.start]
    if not (gap in (" ", "\u00a0") or (gap == "" and len(last.bare) == 1 and len(token.bare) == 1)):
        return False
    return not is_possessive(text, last.end)


def _dotted_abbreviations(words: tuple[Token, ...]) -> set[int]:
    """Indexes of initials printed together ("U.S.", "U.K."): an abbreviation, not the initials of a name."""
    out = set()
    for index in range(1, len(words)):
        before, token = words[index - 1], words[index]
        if before.end == token.start and len(before.bare) == 1 and len(token.bare) == 1:
            out.update((index - 1, index))
    # "G.K. Butterfield": initials printed together before a surname are a given name, not an abbreviation.
    for index in sorted(out):
        after = words[index + 1] if index + 1 < len(words) else None
        if index + 1 in out or after is None or after.start != words[index].end + 1:
            continue
        # "the U.S. While Clinton ...": a sentence opener after the dots ends the abbreviation's sentence.
        if is_name_word(after.text) and after.lower not in OFFICES | ORG_WORDS | HONORIFICS | NOT_NAMES:
            group = index
            while group - 1 in out and words[group - 1].end == words[group].start:
                group -= 1
            out.difference_update(range(group, index + 1))
    return out


def _middle_initial(words: tuple[Token, ...], index: int, text: str) -> bool:
    """ "Samuel A. Alito", "Joseph I. Lieberman": an "A." or "I." between name words is an initial, not a word."""
    token = words[index]
    if token.text not in ("A.", "I.") or index + 1 >= len(words):
        return False
    after = words[index + 1]
    return text[token.end : after.start] == " " and is_name_word(after.text) and after.lower not in NOT_NAMES


def _particle_leads_to_name(words: tuple[Token, ...], index: int) -> bool:
    """ "von der Leyen": particles may follow each other before the surname."""
    for token in words[index + 1 : index + 4]:
        if token.lower not in PARTICLES:
            return is_name_word(token.text)
    return False


_COURTESY = wordset("mr mrs ms miss mx")


def is_given_name(word: str) -> bool:
    from .given_names import pronoun_of  # the table module reads names with this one

    return bool(pronoun_of(f"{word} X"))


def split_run(run: list[Token] | tuple[Token, ...], text: str, after_preposition: bool = False) -> Name | None:
    """Split a run into title, role and name; None when no name is left ("the Finnish Foreign Minister")."""
    cut = 0
    for index, token in enumerate(run):
        if index and run[index - 1].lower.rstrip(".") in _COURTESY:
            continue  # "Mr. King", "Ms. Bishop": a courtesy title is followed by a surname, never by an office
        affiliation = token.lower in word_use.AFFILIATIONS and index < len(run) - 1
        # "Secretary-Treasurer", "Co-Chair": a hyphenated office.
        office = token.lower in OFFICES or ("-" in token.lower and any(p in OFFICES for p in token.lower.split("-")))
        if token.lower in HONORIFICS or office or token.lower in ORG_WORDS or affiliation:
            if index == len(run) - 1 and index and (is_given_name(run[index - 1].text) or _initial(run[index - 1])):
                continue  # "Larry King", "Peter T. King": an office word after a given name or an initial is a surname
            cut = index + 1
    cut += _described_words(run[cut:], text)
    name_tokens = run[cut:]
    if after_preposition and cut == 0 and _core_len(name_tokens) > 2:
        # "the President of Finland Anna Virtanen": the word after "of" belongs to the office.
        name_tokens = name_tokens[len(name_tokens) - 2 - _tail_len(name_tokens) :]
    if not name_tokens or _core_len(name_tokens) == 0:
        return None
    if _core_len(name_tokens) > 4:
        return None
    prefix = run[: len(run) - len(name_tokens)]
    title = " ".join(t.text for t in prefix if t.lower in HONORIFICS)
    role = " ".join(t.text for t in prefix if t.lower not in HONORIFICS)
    first = name_tokens[0]
    return Name(
        printed=text[run[0].start : run[-1].end],
        start=run[0].start,
        end=run[-1].end,
        name=text[first.start : name_tokens[-1].end],
        name_start=first.start,
        title=title,
        role=role,
    )


def _initial(token: Token) -> bool:
    return len(token.bare) == 1 and token.text.endswith(".")


# Words that open place names ("New Hampshire", "North Carolina"): printed in lower case too, but part of the name.
PLACE_OPENERS = wordset("new north south east west northern southern eastern western upper lower great united san")


def _described_words(run: list[Token] | tuple[Token, ...], text: str) -> int:
    """How many leading words of a run describe the person rather than name them: a "-based"/"-born" origin, a
    word of the learnt role table (role_words.py: "Comedian Sarah Silverman" where the article never says
    "comedian"), a word the article prints in lower case before a full name ("Actor Clint Howard", when it says
    "actor" elsewhere), a common word opening the sentence before a surname ("See Sexton's timeline", when the
    article prints "see" and never "See" inside a sentence). A given name is never cut; a party word ("Republican
    Donald Trump") is cut by split_run with the offices."""
    use = word_use.word_use(text)
    cut = 0
    while len(run) - cut >= 2 and run[cut].lower not in SUFFIXES:
        token = run[cut]
        lower = token.lower
        if lower in PLACE_OPENERS and len(run) - cut >= 4 and run[cut + 1].lower.endswith(("-based", "-born")):
            cut += 1  # "South Korean-born Monte Haines", "New York-based": the place opens the origin word
            continue
        # "Floridians Jeb Bush": a plural group word before a full name is no part of it.
        origin = lower.endswith(("-based", "-born")) or role_words.is_role_word(lower) or _plural_group(lower)
        common = use.in_lower_case(lower)
        # Capitalised only where a sentence opens: "Filmmaker Jack Marino said" (a role noun before a full name);
        # "Interestingly Blocher", "Six Trump supporters" (an adverb, a participle or a count word before a surname
        # the article prints after another first word elsewhere: "Christoph Blocher"; "Sterling Brown" stays whole).
        if not (origin or common or (cut == 0 and _role_noun_or_common_shape(lower))):
            break
        if len(token.bare) < 2 or lower in PLACE_OPENERS:
            break
        if is_given_name(token.text):
            break
        full_name_left = _core_len(run[cut + 1 :]) >= 2
        # The article-wide look-ups last: each reads the whole text once per word.
        opens_only = cut == 0 and word_use.opens_sentence(text, token.start) and not use.capitalised_inside(lower)
        shaped = opens_only and (
            _role_noun(lower)
            if full_name_left
            else _common_shape(lower) and (lower in _COUNTS or use.given_name_before(run[-1].text, token.text))
        )
        opener = opens_only and (common or shaped)
        if origin or (common and full_name_left) or opener:
            cut += 1
        else:
            break
    return cut


_COUNTS = wordset("one two three four five six seven eight nine ten dozens hundreds thousands")


def _common_shape(word: str) -> bool:
    """An adverb, a participle or a count by its shape: "Interestingly", "Celebrating", "Six"."""
    return word in _COUNTS or (len(word) > 5 and word.endswith(("ly", "ing")))


@functools.lru_cache(maxsize=8192)
def _role_noun_or_common_shape(word: str) -> bool:
    return _common_shape(word) or _role_noun(word)


@functools.lru_cache(maxsize=8192)
def _plural_group(word: str) -> bool:
    from .roles import is_plural_group  # roles.py reads this module's word lists

    return is_plural_group(word)


def _role_noun(word: str) -> bool:
    from .roles import is_role_word  # roles.py reads this module's word lists

    # Not by a demonym's ending: "Kentuckian Rand Paul" reads like "Alderman William Burns" and "Human Rights Watch".
    return is_role_word(word) and not word.endswith(("ian", "man"))


def _core_len(name_tokens: list[Token] | tuple[Token, ...]) -> int:
    return sum(1 for t in name_tokens if t.lower not in SUFFIXES and len(t.bare) > 1)


def _tail_len(name_tokens: list[Token]) -> int:
    return sum(1 for t in name_tokens if t.lower in SUFFIXES or len(t.bare) == 1)


# Folded before comparing: every apostrophe to one, hyphens and dots to spaces, the dotless i (Alıyev) to i, and
# Cyrillic and Greek letters that look like Latin ones (a Cyrillic "і" in "Aliyev") to those, so that a look-alike
# spelling is the same person rather than a second, identical-looking one.
# Cyrillic а е і ј о р с у х ѕ ԁ һ ӏ and Greek α ε ι κ ν ο ρ τ υ χ (lower case: the key is casefolded first).
_CYRILLIC_LOOKALIKES = "\u0430\u0435\u0456\u0458\u043e\u0440\u0441\u0443\u0445\u0455\u0501\u04bb\u04cf"
_GREEK_LOOKALIKES = "\u03b1\u03b5\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7"
_KEY_FOLDS = str.maketrans(
    {
        **dict.fromkeys("’‘ʼ`´", "'"),
        **dict.fromkeys("-‐‑–.", " "),
        "ı": "i",
        **dict(zip(_CYRILLIC_LOOKALIKES, "aeijopcyxsdhl", strict=True)),
        **dict(zip(_GREEK_LOOKALIKES, "aeikvoptux", strict=True)),
    }
)


@functools.lru_cache(maxsize=8192)
def key(name: str) -> str:
    """The one comparison key of a name, within an article and across the archive (models.name_key is this):
    case, accents, apostrophes, hyphens, dots, spacing and look-alike letters folded."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.casefold().translate(_KEY_FOLDS).split())
