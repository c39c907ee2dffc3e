"""Words around a name in, the role they give it out: role nouns, commentators, and a speaker's description.

"the pundit" may be any commentator; "the foreign minister" must be someone whose description has that office;
"military expert and author of the blog Ivan Petrov said" describes Petrov.
"""

from __future__ import annotations

from . import names
from .tokens import DETERMINERS, INDEFINITE, PREPOSITIONS, Item, is_speech_verb, items

__all__ = [
    "COMMENTATOR_NOUNS",
    "describe",
    "is_organisation_noun",
    "is_listed_role",
    "is_plural_group",
    "is_plural_person_noun",
    "is_role_item",
    "is_role_segment",
    "is_role_word",
]

# Nouns that say who a commentator is; "the pundit" may be any of them (people.py decides which).
COMMENTATOR_NOUNS = names.wordset(
    """expert analyst pundit observer researcher scholar historian journalist commentator specialist strategist
    scientist professor academic economist author writer columnist blogger political"""
)

_ROLE_HEADS = (
    names.OFFICES
    | COMMENTATOR_NOUNS
    | names.wordset(
        "head member chief author founder leader director chairman spokesman spokeswoman deputy representative"
    )
)
_CLAUSE_OPENERS = names.wordset(
    "while when in at after before since as because although though if on during despite according with for"
)
_COPULAS = names.wordset("is was are were be been being has have had")
_OBJECT_VERBS = names.wordset("met meets meet saw sees see told tells beat beats hit hits")


def _ends_another_name(word: Item) -> bool:
    low = word.lower
    return (
        word.is_word
        and names.is_name_word(word.text)
        and not is_role_item(word)
        and low not in names.OFFICES | names.ORG_WORDS | names.NOT_NAMES
    )


def lead_span(text: str, floor: int, name_start: int) -> tuple[int, int] | None:
    """Role words printed right before a name, back to the clause start: "military expert and author of the
    blog" in "military expert and author of the blog Ivan Petrov said"."""
    words = items(text, floor, name_start)
    span: list[Item] = []
    index = len(words) - 1
    while index >= 0:
        word = words[index]
        if word.text == ",":
            segment = _segment_before(words, index)
            if not (span and span[0].lower == "and") and not is_role_segment(segment):
                break
            index -= 1
            continue
        if not word.is_word:
            if word.text in ("(", ")", "[", "]", ":", ";", ".", "!", "?"):
                break
            index -= 1
            continue
        low = word.lower
        if not span and word.text.islower() and (low.endswith("ed") or low in _OBJECT_VERBS) and not is_role_word(low):
            return None  # "The mayor thanked Hugh Hill": the name is an object, the words before it a clause
        if (
            low in _COPULAS
            or low in ("that", "by", "who", "which", "but", "or", "both", "while")
            or is_speech_verb(word)
        ):
            break
        if low == "to" and index > 0 and words[index - 1].lower == "according":
            break
        if low == "and" and index > 0 and _ends_another_name(words[index - 1]):
            break  # "Mrs. Lahti and former President Eero Lahti": the words before "and" are another person
        if low in ("of", "to") and index > 0:
            owner = words[index - 1]
            # "head of the commission of the Union of Journalists" goes on; "the visit of" stops.
            if owner.lower not in _ROLE_HEADS and owner.lower not in names.ORG_WORDS and not owner.text[:1].isupper():
                break
        if low in _CLAUSE_OPENERS and low not in ("for", "at", "on", "with", "in"):
            break
        span.insert(0, word)
        index -= 1
    while span and (span[0].lower in DETERMINERS | INDEFINITE | PREPOSITIONS | {"and"}):
        span = span[1:]
    while span and span[-1].lower in names.HONORIFICS:
        span = span[:-1]
    if not span or not any(is_role_item(w) for w in span):
        return None
    return span[0].start, span[-1].end


_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "eur")
# Words with a person's ending that never name a person: conjunctions, adverbs and common nouns of things ("it was
# unclear whether Silva would run" gives Silva no role "unclear whether").
_NOT_PERSONS = names.wordset(
    """whether together however rather either neither further whatever whenever wherever another other never
    ever over after under later better clever moreover hereafter thereafter order matter number paper water
    letter border corner quarter chapter winter summer power answer error honor favor labor color floor"""
)


def is_role_word(word: str) -> bool:
    """A noun that names what a person does ("analyst", "minister", "coach", "spokesperson")."""
    word = word.lower().rstrip("s") if word.lower().endswith("s") and len(word) > 4 else word.lower()
    if word in _ROLE_HEADS or word in PERSON_NOUNS:
        return True
    # By its ending only when no organisation ends that way: "committee", "center", "monitor" are not people.
    return len(word) > 4 and word.endswith(_PERSON_ENDINGS) and word not in names.ORG_WORDS and word not in _NOT_PERSONS


def is_listed_role(word: str) -> bool:
    """A role noun from the lists only, never by its ending: after a name, "-er" and "-or" words are as often verbs
    ("Ana Silva remembers", "Berg offers")."""
    word = word.lower()
    singular = word[:-1] if word.endswith("s") and len(word) > 4 else word
    return singular in _ROLE_HEADS or singular in PERSON_NOUNS


def is_role_item(item: Item) -> bool:
    """A role noun as printed: capitalised words count only when listed ("Minister"), never by their ending
    ("Dover", "Webster" are places and surnames)."""
    if item.text[:1].islower():
        return is_role_word(item.lower)
    return item.lower in _ROLE_HEADS or item.lower in PERSON_NOUNS


PERSON_NOUNS = names.wordset(
    """official source witness resident victim friend neighbour neighbor relative mother father son daughter wife
    president student correspondent agent assistant consultant lieutenant sergeant attendant participant
    representative executive detective operative envoy delegate chief head deputy
    husband citizen student teacher doctor nurse lawyer judge officer soldier pundit expert analyst observer
    diplomat activist candidate voter worker employee colleague aide ally critic fan player captain coach
    pilot surgeon chef poet priest guard patient parent farmer investor lawmaker legislator protester protestor
    passenger customer shopper survivor refugee migrant villager owner physician scientist economist supporter
    opponent billionaire millionaire mogul tycoon"""
)


def is_plural_person_noun(word: str) -> bool:
    """ "Critics", "Residents", "Officials": a capitalised plural that opens a sentence names a group, not a person.
    Only listed nouns count: "Rogers" or "Sanders" are surnames, whatever their ending."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return False
    known = PERSON_NOUNS | _ROLE_HEADS | COMMENTATOR_NOUNS
    return low[:-1] in known or (low.endswith("es") and low[:-2] in known) or is_plural_group(word)


# Lower-case nouns for an organisation, beside names.ORG_WORDS ("agency", "union", "company", "newspaper" ...).
_ORGANISATION_NOUNS = names.wordset(
    """firm contractor manufacturer maker retailer publisher newspaper broadcaster website outlet nonprofit charity
    coalition alliance movement organization organisation think tank chain conglomerate automaker insurer lender"""
)


def is_organisation_noun(word: str) -> bool:
    """ "a company", "the official news agency", "the Vatican's newspaper": a lower-case word for an organisation."""
    return word.islower() and (word in names.ORG_WORDS or word in _ORGANISATION_NOUNS)


# Plural party and camp words: "Republicans say", "Democrats" (word_use.AFFILIATIONS holds the singulars).
_PARTY_PLURALS = names.wordset(
    "republicans democrats independents libertarians conservatives liberals progressives socialists"
)


def is_plural_group(word: str) -> bool:
    """ "Republicans", "Floridians", "Americans", "Hispanics": the plural of a party word or of a word for where
    people come from is a group, never a person's name, said or glued before one ("Floridians Jeb Bush and Marco
    Rubio"). Read from the ending: "-ians", "-cans" and "-nics" close no surname we know of ("Evans" and "Adams"
    keep theirs)."""
    low = word.lower()
    return low in _PARTY_PLURALS or (len(low) > 5 and low.endswith(("ians", "cans", "nics")))


def _segment_before(words: list[Item], comma: int) -> list[Item]:
    start = comma - 1
    while start >= 0 and words[start].text != ",":
        start -= 1
    return words[start + 1 : comma]


def is_role_segment(segment: list[Item], allow_determiner: bool = False) -> bool:
    """ "political journalist and publicist" before a comma: role words only, no verb, no clause opener."""
    if segment and allow_determiner and segment[0].lower in DETERMINERS | {"its"}:
        segment = segment[1:]
    if not segment or len(segment) > 8 or segment[0].lower in _CLAUSE_OPENERS | names.NOT_NAMES:
        return False
    if any(is_speech_verb(w) or w.lower in _COPULAS or not w.is_word for w in segment):
        return False
    return any(w.lower in _ROLE_HEADS for w in segment)


def describe(
    body: str, masked: str, cue_start: int, prefix: int, appositives: tuple[tuple[int, int], ...], floor: int
) -> str:
    """The role phrase of a name printed at ``cue_start``, read from the unmasked body: its appositives, else the
    words before it back to ``floor`` (its sentence start) and the office words of its own run (``prefix``
    characters, "Finnish President" in "Finnish President Eero Lahti"), honorifics left out."""
    if appositives:
        parts = [body[a:b].strip(" ,") for a, b in appositives]
        return ", ".join(part for part in parts if part)
    own = " ".join(
        w for w in body[cue_start : cue_start + prefix].split() if w.lower().rstrip(".") not in names.HONORIFICS
    )
    lead = lead_span(masked, floor, cue_start)
    before = body[lead[0] : lead[1]] if lead is not None else ""
    return " ".join(part for part in (before, own) if part)
