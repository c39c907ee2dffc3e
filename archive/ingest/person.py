"""One person's printed forms, titles and roles in; their name, description, name variants and pronoun out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .language import given_names, name_match, names
from .language.roles import COMMENTATOR_NOUNS

__all__ = ["Person", "title_gender"]

# Titles and role words that tell a person's gender, for "he"/"she" to skip someone they cannot mean.
_MALE = names.wordset(
    """mr sir lord king prince duke earl baron fr father brother monsignor spokesman chairman congressman
    councilman businessman husband son grandfather uncle nephew boyfriend actor sheikh emir sultan"""
)
_FEMALE = names.wordset(
    """mrs ms miss dame lady queen princess duchess countess baroness mother sister spokeswoman chairwoman
    congresswoman councilwoman businesswoman wife daughter grandmother aunt niece girlfriend actress"""
)
_COURTESY = names.wordset("mr mrs ms miss mx")
# Abbreviated titles, by the words a later role phrase uses for them ("Sen. Ana Silva ... the senator said").
_TITLE_WORDS = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative congressman congresswoman",
    "reps": "representative congressman congresswoman",
    "gov": "governor",
    "pres": "president",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "capt": "captain",
    "maj": "major",
    "sgt": "sergeant",
    "cmdr": "commander",
}
# Offices in "-man" that news prose also gives to women ("Trump spokesman Hope Hicks"): a woman's given name wins.
_GENERIC_MALE = names.wordset("spokesman chairman congressman councilman businessman")


@dataclass
class Person:
    forms: list[str] = field(default_factory=list)  # every printed form, titles removed, repeats kept
    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)  # capitalised offices printed before the name elsewhere
    last_seen: int = -1
    pronoun: str = ""  # "he" or "she" when the text settles it (a title, a gendered role, a pronoun resolved to them)

    def matches(self, name: str) -> bool:
        """Printed as ``name``: a compatible form, and no form with another given name ("Anna Petrov" is not the
        person printed as "Ivan Petrov", even if a bare "Petrov" was folded into him)."""
        # Distinct forms only: a person quoted hundreds of times prints the same few forms again and again.
        forms = dict.fromkeys(self.forms)
        return any(name_match.same_person(name, form) for form in forms) and not self.conflicts(name)

    def conflicts(self, name: str) -> bool:
        """Same surname but another given name: a different member of the family."""
        return any(name_match.relative(name, form) for form in dict.fromkeys(self.forms))

    @property
    def name(self) -> str:
        """The fullest form; among equals the surname spelling printed most often, then the longest."""
        surnames = Counter(names.key(name_match.parts(form)[1]) for form in self.forms)
        order = {form: index for index, form in reversed(list(enumerate(self.forms)))}
        return max(
            order,
            key=lambda form: (
                min(len(name_match.parts(form)[0]), 2),
                surnames[names.key(name_match.parts(form)[1])],
                len(form),
                -order[form],
            ),
        )

    @property
    def description(self) -> str:
        """The first role phrase printed for the person; a title taken out of the name is kept here too."""
        # The fullest of the first role phrases: "Foreign Minister" rather than the "Minister" of a later mention.
        described = max([d for d in self.descriptions[:3] + self.offices[:2] if d], key=len, default="")
        # "Mr." or "Ms." says nothing about what a person does; "Dr." or "Gen." does.
        title = next((t for t in self.titles if t and names.key(t) not in _COURTESY), "")
        if not described:
            return title
        if title and names.key(title) not in names.key(described):
            return f"{described} ({title})"
        return described

    def variants(self) -> tuple[str, ...]:
        canonical = names.key(self.name)
        seen: dict[str, str] = {}
        for form in self.forms:
            if names.key(form) != canonical:
                seen.setdefault(names.key(form), form)
        return tuple(seen.values())

    def roles(self) -> str:
        return " ".join(self.descriptions + self.offices + self.titles).lower().replace("-", " ")

    def fits_role(self, head: str) -> bool:
        return head in self.roles().split()

    def fits_title(self, head: str) -> bool:
        """An abbreviated title says the office: "Sen. Ana Silva ... the senator said"."""
        return any(head in _TITLE_WORDS.get(names.key(title), "").split() for title in self.titles)

    def gender(self) -> str:
        """What the printed words say (a title, a gendered role, the given name) before what a resolved pronoun
        said: a "she said" once given to this person by mistake must not make Donald a "she" for the rest of the
        article."""
        heads = [_head_words(d) for d in self.descriptions]
        words = set(" ".join(self.titles + heads + self.offices).lower().replace(".", " ").split())
        male, female = bool(words & _MALE), bool(words & _FEMALE)
        # The given name, as the news refers to people of that name (a table learnt from attributed quotes).
        given = next((p for p in map(given_names.pronoun_of, dict.fromkeys(self.forms)) if p), "")
        if male and not female and given == "she" and not (words & _MALE) - _GENERIC_MALE:
            return "she"  # "Trump spokesman Hope Hicks": the office is generic, the given name is not
        if male != female:
            return "he" if male else "she"
        return given or self.pronoun

    def is_commentator(self) -> bool:
        words = set(self.roles().split())
        return not words or bool(words & COMMENTATOR_NOUNS)


_CLAUSE_OPENERS = names.wordset("of for at in on with from by about to into who whom whose that which and or")


def _head_words(description: str) -> str:
    """The words of a role phrase before its first preposition or clause: "owner of the Miss Universe pageant"
    says nothing about the owner's gender, "mother of three" does."""
    words = description.split()
    cut = next((i for i, word in enumerate(words) if word.lower() in _CLAUSE_OPENERS), len(words))
    return " ".join(words[:cut])


def title_gender(title: str) -> str:
    if not title:
        return ""
    words = set(title.lower().replace(".", " ").split())
    return "he" if words & _MALE else "she" if words & _FEMALE else ""
