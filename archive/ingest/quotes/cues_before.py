"""Article text with its quotes masked and the words before a quote in; the cue naming who speaks there out
(``NAME said: "..."``, ``NAME said that ... "..."``, ``said NAME: "..."``, ``NAME: "..."``, ``according to NAME``)."""

from __future__ import annotations

from ..language import names
from ..language.tokens import Item, is_speech_verb, items
from .cues import Cue, according_to, participle_subject, subject_after_verb, subject_before_verb, without_asides

__all__ = ["cue_before", "name_colon"]


def cue_before(text: str, start: int, end: int) -> Cue | None:
    """``NAME said: "..."``, ``NAME said that ... "..."``, ``According to NAME, "..."``, ``In his opinion, ... "``."""
    words = without_asides(text, items(text, start, end))
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if not is_speech_verb(word):
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
    """``Ana Silva: "We will appeal."``: a sentence that is nothing but a full name and a colon before the quote."""
    lead = text[start:end].rstrip()
    if not lead.endswith(":") or len(lead) > 80:
        return None
    runs = names.capital_runs(text, start, start + len(lead) - 1)
    if len(runs) != 1 or text[start : runs[0][0].start].strip() or text[runs[0][-1].end : start + len(lead)] != ":":
        return None
    name = names.split_run(runs[0], text)
    if name is None or len(name.tokens) < 2:
        return None
    return Cue("name", name.printed, name.start, name.end, name.name, name.title)


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
