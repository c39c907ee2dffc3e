"""The paragraphs of an article in, its interview layout out: which paragraphs are questions, which are answers,
and who answers.

Q&A interviews come in a few layouts: ``- `` before every question and answer; ``Q:``/``A:`` (or ``Question:``/
``Answer:``) labels; speaker labels (``Ledger: ...?`` / ``Klein: ...``); and question lines (often bold on the
page, sometimes still wrapped in ``**``) each followed by unmarked answer paragraphs. Unquoted paragraphs that end
with a question mark are questions in any article: a quoted paragraph after one is the interviewee's answer. A
layout is only taken for an interview when it is regular (questions recur, answers sit between them), so that an
essay with a rhetorical question stays an essay.
"""

from __future__ import annotations

import re

from ..language import names
from .cues import Cue

__all__ = ["answer_labels", "interviewee", "prefix_length", "roles"]

DASH = re.compile(r"[-–—]\s+")
QA = re.compile(r"(?P<who>q|question|a|answer)\s*[:.)]\s+", re.IGNORECASE)
# "Klein: Yes, ..." — one to three capitalised words and a colon; "Photo:", "Update:" are furniture, not speakers.
LABEL = re.compile(r"(?P<who>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s?:\s+(?=\S)")
_NOT_SPEAKERS = names.wordset(
    """photo photos image video watch read update updated note source sources credit credits editor tags also see
    related more warning disclaimer correction clarification listen share subscribe follow advertisement caption
    file update breaking live"""
)
_QUOTE_MARKS = '"“”«»'


def bare(text: str) -> str:
    """A paragraph without the bold or italic marks a copy may keep around it (``**Is it safe?**``)."""
    return text.strip().strip("*_").strip()


def is_question_line(text: str) -> bool:
    return bare(text).endswith("?") and not any(ch in text for ch in _QUOTE_MARKS)


def roles(texts: list[str]) -> dict[int, str]:
    """Paragraph index -> "question" or "answer"."""
    found = _dashed(texts) or _qa_labelled(texts) or _speaker_labelled(texts)[0] or _question_lines(texts)
    for index, text in enumerate(texts):
        if index not in found and is_question_line(text):
            found[index] = "question"
    return found


def answer_labels(texts: list[str], found: dict[int, str]) -> dict[int, str]:
    """Answer paragraph index -> the speaker label it is printed under (continuation paragraphs inherit it)."""
    if _dashed(texts) or _qa_labelled(texts):
        return {}
    labels, questioner = _speaker_labelled(texts)
    if not labels:
        return {}
    out: dict[int, str] = {}
    current = ""
    for index in range(len(texts)):
        match = LABEL.match(texts[index])
        if match and _is_speaker_label(match.group("who")):
            current = match.group("who") if match.group("who") != questioner else ""
        if found.get(index) == "answer" and current:
            out[index] = current
    return out


def prefix_length(text: str) -> int:
    """Characters of the ``- ``, ``Q:`` or ``Klein:`` prefix an answer is printed with."""
    match = DASH.match(text) or QA.match(text)
    if match:
        return match.end()
    match = LABEL.match(text)
    return match.end() if match and _is_speaker_label(match.group("who")) else 0


def _dashed(texts: list[str]) -> dict[int, str]:
    dashed = [i for i, t in enumerate(texts) if DASH.match(t)]
    if len(dashed) < 2 or not any(texts[i].rstrip().endswith("?") for i in dashed):
        return {}
    out: dict[int, str] = {}
    state = ""
    for i, t in enumerate(texts):
        if i in dashed:
            state = "question" if t.rstrip().endswith("?") or state == "" else "answer"
        elif state == "question":
            state = "answer"
        if state:
            out[i] = state
    return out


def _qa_labelled(texts: list[str]) -> dict[int, str]:
    labelled = {i: m.group("who").lower()[0] for i, t in enumerate(texts) if (m := QA.match(t))}
    if "q" not in labelled.values() or "a" not in labelled.values():
        return {}
    out: dict[int, str] = {}
    state = ""
    for i in range(len(texts)):
        if i in labelled:
            state = "question" if labelled[i] == "q" else "answer"
        if state:
            out[i] = state
    return out


def _is_speaker_label(label: str) -> bool:
    words = label.lower().replace("’", "'").split()
    return not any(word.strip(".'") in _NOT_SPEAKERS for word in words) and not QA.match(label + ": ")


def _speaker_labelled(texts: list[str]) -> tuple[dict[int, str], str]:
    """``Ledger: ...?`` / ``Klein: ...``: two or more labels that recur and fill most of the text after the first.
    The label whose paragraphs are mostly questions is the interviewer; every other label answers."""
    labels = {i: m.group("who") for i, t in enumerate(texts) if (m := LABEL.match(t)) and _is_speaker_label(m.group(1))}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    recurring = {label for label, count in counts.items() if count >= 2}
    if len(recurring) < 2 or not labels:
        return {}, ""
    first = min(labels)
    labelled = [i for i, label in labels.items() if label in recurring]
    if len(labelled) < 4 or len(labelled) < 0.4 * (len(texts) - first):
        return {}, ""
    asked = {
        label: sum(1 for i in labelled if labels[i] == label and texts[i].rstrip().endswith("?")) / counts[label]
        for label in recurring
    }
    questioner = max(asked, key=lambda label: asked[label])
    if asked[questioner] < 0.5:
        questioner = ""
    out: dict[int, str] = {}
    state = ""
    for i in range(first, len(texts)):
        if i in labels and labels[i] in recurring:
            state = "question" if labels[i] == questioner else "answer"
        if state:
            out[i] = state
    return out, questioner


def _question_lines(texts: list[str]) -> dict[int, str]:
    """Question lines, each followed by one to four unquoted answer paragraphs, from early in the text on."""
    questions = [i for i, t in enumerate(texts) if is_question_line(t)]
    if len(questions) < 3 or questions[0] > 5 or questions[-1] >= len(texts) - 1:
        return {}
    if not all(2 <= b - a <= 5 for a, b in zip(questions, questions[1:], strict=False)):
        return {}
    answers = [i for i in range(questions[0], len(texts)) if i not in questions]
    quoted = sum(1 for i in answers if any(ch in texts[i] for ch in _QUOTE_MARKS))
    if quoted > 0.2 * len(answers):
        return {}  # reported speech with quotes between the questions: an article, not a transcript
    return {i: "question" if i in questions else "answer" for i in range(questions[0], len(texts))}


def interviewee(cues: list[Cue], intro: str, header: str) -> Cue | None:
    """Who answers: the first speaker named before the first question (``intro`` is the text up to it, quotes
    masked), else the person an "interview with" phrase names (in the intro or the header), else the first full
    name of the intro."""
    for cue in cues:
        if cue.kind == "name" and cue.strong and cue.start < len(intro):
            return cue
    for text, offset in ((intro, 0), (header, -1)):
        for match in re.finditer(r"\binterview(?:s|ed)?\s+(?:with|by|to)?\s*", text, re.IGNORECASE):
            for run in names.capital_runs(text, match.end(), min(len(text), match.end() + 80))[:2]:
                name = names.split_run(run, text)
                if name is not None and len(name.tokens) >= 2:
                    start = name.start if offset == 0 else -1
                    end = start + len(name.name) if start >= 0 else -1
                    return Cue("name", name.name, start, end, name.name, name.title, name.role)
    for run in names.capital_runs(intro):
        name = names.split_run(run, intro)
        if name is not None and len(name.tokens) >= 2:
            return Cue("name", name.name, name.start, name.end, name.name, name.title, name.role)
    return None
