"""Article text with its quotes masked and the words before a quote in; the cue naming who speaks there out
(``NAME said: "..."``, ``NAME said that ... "..."``, ``said NAME: "..."``, ``NAME: "..."``, ``according to NAME``)."""

from __future__ import annotations

import re

from ..language import names
from ..language.roles import is_role_word
from ..language.tokens import Item, is_bare_noun, is_speech_verb, items
from .cues import Cue, according_to, participle_subject, subject_after_verb, subject_before_verb, without_asides

__all__ = ["cue_before", "name_colon"]


def cue_before(text: str, start: int, end: int) -> Cue | None:
    """``NAME said: "..."``, ``NAME said that ... "..."``, ``According to NAME, "..."``, ``In his opinion, ... "``."""
    words = without_asides(text, items(text, start, end))
    colon = text[start:end].rstrip().endswith(":")
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if colon and word.text in ("—", "–", "-"):
            break  # "Pollsters agree - Ana Silva:": a label and a dash before the name that speaks
        if not is_speech_verb(word) or is_bare_noun(words, index):
            continue
        if index > 0 and words[index - 1].lower == "to":
            continue  # "it is possible to say that": an infinitive names nobody
        if index == 0 or words[index - 1].text in (",", ";", "—", "–"):
            inverted = _inversion_before_quote(text, words[index + 1 :], word)
            if inverted is not None:
                return inverted
        cue = None
        if word.lower.endswith("ing") and index > 0 and words[index - 1].text == ",":
            cue = participle_subject(text, list(words[:index]))
        cue = cue or subject_before_verb(text, words[:index], start)
        if cue is not None and not (cue.kind == "unnamed" and cue.text.lower() == "it"):
            return cue
        if cue is not None:
            continue
        break
    return according_to(text, start, end) or name_colon(text, start, end)


def name_colon(text: str, start: int, end: int) -> Cue | None:
    """``Ana Silva: "We will appeal."``: a sentence that is nothing but a name and a colon before the quote. The name
    may carry a role before it ("Former secretary of state Hillary Clinton:"), a party after it ("Rep. Trey Gowdy
    (R-S.C.):"), a label before a dash ("Pollsters agree - Carl Bialik:"); a lone surname counts when the article
    prints it after a first name elsewhere ("Clinton:" after "Hillary Clinton")."""
    lead = text[start:end].rstrip()
    if not lead.endswith(":") or len(lead) > 120:
        return None
    stop = start + len(lead) - 1
    bracket = _PARTY_BRACKET.search(text, start, stop)
    if bracket is not None:
        stop = bracket.start()
    dash = max(text.rfind(sep, start, stop) for sep in (" - ", " — ", " – "))
    first = dash + 3 if dash >= 0 else start
    runs = names.capital_runs(text, first, stop)
    if not runs or text[runs[-1][-1].end : stop].strip():
        return None
    if not _role_words_only(text, first, runs[-1][0].start):
        return None
    name = names.split_run(runs[-1], text)
    if name is None or (len(name.tokens) < 2 and not _printed_after_a_first_name(text, name.name)):
        return None
    return Cue("name", name.printed, name.start, name.end, name.name, name.title)


_PARTY_BRACKET = re.compile(r"\s*\([^()]{1,15}\)\s*$")


def _role_words_only(text: str, start: int, end: int) -> bool:
    """The words before the name are a role and nothing else: "Former secretary of state", "Campaign manager" (not
    "The poll did not surprise analyst")."""
    words = items(text, start, end)
    if len(words) > 6:
        return False
    return all(w.is_word and (_describes(w) or (i > 0 and words[i - 1].lower == "of")) for i, w in enumerate(words))


def _describes(word: Item) -> bool:
    return word.lower in _ROLE_MODIFIERS or word.lower in names.OFFICES or is_role_word(word.lower)


_ROLE_MODIFIERS = names.wordset("the former then acting deputy senior chief assistant vice of campaign state")


def _printed_after_a_first_name(text: str, word: str) -> bool:
    return re.search(rf"\b[A-Z][a-z]+\.? {re.escape(word)}\b", text) is not None


def _inversion_before_quote(text: str, words: list[Item], verb: Item) -> Cue | None:
    """``said Smith: "..."`` — the verb is followed by its subject and then only punctuation."""
    if not words or len(words) > 9 or verb.lower in ("told", "tell", "tells", "telling", "asked", "asks"):
        return None
    trimmed = [w for w in words if w.text not in (",", ":", "—", "–", "-")]
    if not trimmed or words[-1].text not in (",", ":", "—", "–", "-"):
        return None
    if any(w.is_word and w.lower in ("that", "to") for w in trimmed):
        return None
    cue = subject_after_verb(text, trimmed)
    return cue if cue is not None and cue.kind != "unnamed" else None
