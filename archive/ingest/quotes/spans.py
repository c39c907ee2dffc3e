"""An article body in, its quotes out: spans between quote marks and Q&A answers, each with the cue naming its speaker.

Offsets are exact: ``body[q.start:q.end] == q.text`` for every quote. Texts follow the gold rules: no outer marks,
no surrounding spaces, no comma before the closing mark; a quote that never closes runs to the end of its
paragraph; a quote carried over a paragraph break is one quote per paragraph. Headlines and intertitles in quote
marks, captions, scare quotes and titles of works are not quotes. A short fragment inside a sentence is a quote
only when a speech or judgement verb with a person as its subject governs it (``she called the plan "a farce"``,
clauses.py) or an attribution closes its sentence; otherwise it is the writer's scare quote. Interview layouts are
read in interviews.py. Who the cue names is decided in people.py.
Reported speech without quote marks is not extracted: the gold marks it optional, and where a paraphrase starts and
ends is guesswork that would cost precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..language import names, roles, tokens, word_use
from . import clauses, cues, cues_before, interviews, narrative
from .cues import Cue
from .not_quotes import is_caption, is_headline_like, is_intertitle, is_speech_fragment, is_title_of_work

__all__ = ["Extraction", "FoundQuote", "Paragraph", "Span", "extract_quotes"]

DOUBLE_OPEN, DOUBLE_CLOSE = "“„«", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘‚‹", "’›"
# The marks of each kind, found by one regex search rather than a Python test of every character.
_DOUBLE_MARKS = re.compile(f"[{re.escape(DOUBLE_OPEN + DOUBLE_CLOSE)}\"]")
_SINGLE_MARKS = re.compile(f"[{re.escape(SINGLE_OPEN + SINGLE_CLOSE)}']")
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}): +(?=\S)")

CUE_REACH = 500  # characters around a quote in which its speaker is looked for


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """Where one quote's words lie (start/end) and where its marks were (None: no mark there)."""

    start: int
    end: int
    open: int | None
    close: int | None
    paragraph: int


@dataclass(frozen=True)
class FoundQuote:
    """A quote before people.py has decided who speaks: its span, its kind and the cue that names the speaker.

    ``follows`` says how to find the speaker: ``cue`` (the cue names it), ``paragraph`` (the previous quote in the
    same paragraph), ``answer`` (the interviewee), ``previous`` (the person last quoted or introduced), ``none``.
    """

    text: str
    start: int
    end: int
    kind: str
    paragraph: int
    cue: Cue | None = None
    follows: str = "cue"

    @property
    def speaker(self) -> str | None:
        return self.cue.name if self.cue is not None and self.cue.kind == "name" else None

    @property
    def attribution(self) -> str:
        return self.cue.text if self.cue is not None else ""


@dataclass
class Extraction:
    """Everything people.py needs: the body, quotes in order, narrative cues and the interviewee if any."""

    body: str
    quotes: list[FoundQuote] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)  # speech-verb subjects outside quotes, in order
    mentions: list[names.Name] = field(default_factory=list)  # every name-like run outside quotes
    officials: list[names.Name] = field(default_factory=list)  # names after an office ("President Obama")
    interviewee: Cue | None = None

    def __iter__(self) -> Iterator[FoundQuote]:
        return iter(self.quotes)

    def __len__(self) -> int:
        return len(self.quotes)


def paragraphs(body: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph (page copies print one paragraph per line); offsets skip its indent."""
    out = []
    for match in re.finditer(r"[^\n]+", body):
        text = match.group()
        stripped = text.strip()
        if stripped:
            start = match.start() + (len(text) - len(text.lstrip()))
            out.append(Paragraph(start, start + len(stripped)))
    return out


def extract_quotes(body: str, header: str = "") -> Extraction:
    """Find the quotes of ``body``; ``header`` (title and standfirst) may name an interviewee the body does not."""
    paras = paragraphs(body)
    marked = double_apostrophes(body)
    # Read with two apostrophes as quote marks: "''And is it fair?" opens a quote, it asks no interview question.
    texts = [marked[p.start : p.end] for p in paras]
    roles = interviews.roles(texts)
    labels = interviews.answer_labels(texts, roles)
    spans: list[tuple[Span, str]] = []
    carry = False
    for index, para in enumerate(paras):
        role = roles.get(index)
        if role == "answer":
            spans.append((_answer_span(body, para, index), "interview_answer"))
            carry = False
        elif role == "question" or is_caption(body[para.start : para.end]):
            carry = False
        else:
            found, carry = quote_spans(marked, para, index, carry)
            spans.extend((span, "direct") for span in found)
    masked = mask(marked, [span for span, _ in spans])
    extraction = Extraction(body=body)
    for index, para in enumerate(paras):
        if roles.get(index) != "question":
            cues = narrative.narrative_cues(masked, para.start, para.end)
            extraction.cues.extend(_described(body, masked, para, cue) for cue in cues)
            for name in _names(masked, para):
                if len(name.tokens) >= 2:
                    extraction.mentions.append(name)
                if name.role:
                    extraction.officials.append(name)
    extraction.interviewee = _interviewee(extraction.cues, paras, roles, header, masked)
    previous_paragraph = -1
    for span, kind in spans:
        quote = _found_quote(body, masked, paras, roles, span, kind, previous_paragraph, labels)
        if quote is not None:
            extraction.quotes.append(quote)
            previous_paragraph = span.paragraph
    return extraction


# --- quote marks ---------------------------------------------------------------------------------------------------

_TWO_APOSTROPHES = re.compile(r"''(?!')")


def double_apostrophes(body: str) -> str:
    """The body with each ``''`` (two apostrophes: the double quote mark of some newspaper copies) written as one
    ``"`` beside a space, on the side away from the quoted words, so offsets stay those of the body."""

    def replace_pair(match: re.Match) -> str:
        after = body[match.end() : match.end() + 1]
        return ' "' if after and not after.isspace() and after not in ".,;:!?)" else '" '

    return _TWO_APOSTROPHES.sub(replace_pair, body) if "''" in body else body


def quote_spans(body: str, para: Paragraph, index: int, carry: bool) -> tuple[list[Span], bool]:
    """Top-level quotes of one paragraph; ``carry``: the previous paragraph left a quote open."""
    text = body[para.start : para.end]
    double = any(ch in text for ch in DOUBLE_OPEN + DOUBLE_CLOSE + '"')
    marks = _marks(body, para, single=not double, carry=carry)
    spans = []
    stack: list[int] = []
    for number, (pos, role) in enumerate(marks):
        if role == "open" or (role == "either" and not stack):
            stack.append(pos)
        elif stack:
            opened = stack.pop()
            if not stack:
                spans.append(_trimmed(body, opened + 1, pos, opened, pos, index))
        elif number == 0 and carry and role != "open":
            # The quote of the previous paragraph closes here without being reopened.
            spans.append(_trimmed(body, para.start, pos, None, pos, index))
    unclosed = bool(stack)
    if stack:
        spans.append(_trimmed(body, stack[0] + 1, para.end, stack[0], None, index))
    return [span for span in spans if span is not None], unclosed


def _marks(body: str, para: Paragraph, single: bool, carry: bool = False) -> list[tuple[int, str]]:
    opens, closes, straight = (SINGLE_OPEN, SINGLE_CLOSE, "'") if single else (DOUBLE_OPEN, DOUBLE_CLOSE, '"')
    out = []
    for found in (_SINGLE_MARKS if single else _DOUBLE_MARKS).finditer(body, para.start, para.end):
        pos, ch = found.start(), found.group()
        prev = body[pos - 1] if pos > para.start else " "
        nxt = body[pos + 1] if pos + 1 < para.end else " "
        if single and prev.isalnum() and nxt.isalpha():
            continue  # an apostrophe: don’t, Armenia’s
        opened = bool(out) and out[-1][1] == "open"
        if ch in opens and not single and opened and _glued_after(prev) and (nxt.isspace() or nxt in ",.;:!?"):
            out.append((pos, "close"))  # "It's unusual,“ said Ana Silva: an opening mark printed where a quote closes
            continue
        if ch in opens:
            out.append((pos, "open"))
            continue
        if ch in closes and not single and prev.isspace() and nxt.isalnum() and not any(r == "open" for _, r in out):
            out.append((pos, "open"))  # ”Mr. Trump embodies ...”: a closing mark printed where a quote opens
            continue
        if ch in closes:
            if single and prev == "s" and nxt in " ,." and not any(role == "open" for _, role in out):
                continue  # plural possessive: experts’ opinions
            out.append((pos, "close"))
            continue
        before_space = prev.isspace() or prev in "([{—–-/"
        after_space = nxt.isspace() or pos + 1 >= para.end
        after_punct = nxt in ".,;:!?)]…" and not _opens_with_dots(body, pos + 1, para.end)
        if before_space and not after_space and not after_punct:
            out.append((pos, "open"))
        elif not before_space and (after_space or after_punct):
            out.append((pos, "close"))
        elif before_space:
            out.append((pos, "loose"))  # a stray mark between spaces closes an open quote, or is ignored
        else:
            out.append((pos, "either"))
    return [(pos, role) for pos, role in out if role != "loose"] if single else _drop_stray(out, carry)


def _glued_after(prev: str) -> bool:
    return prev.isalnum() or prev in ".,!?"


def _opens_with_dots(body: str, at: int, end: int) -> bool:
    """ "...and then we won", ".@BernieSanders prioritized": dots (an ellipsis, a tweet's leading dot) glued to the
    quoted words open a quote rather than close one."""
    stop = at
    while stop < end and stop - at < 3 and body[stop] in ".…":
        stop += 1
    return at < stop < end and (body[stop].isalnum() or body[stop] == "@")


def _drop_stray(marks: list[tuple[int, str]], carry: bool) -> list[tuple[int, str]]:
    """A loose mark counts as a close only when a quote is open (or is carried over from the paragraph before)."""
    out: list[tuple[int, str]] = []
    depth = 0
    for pos, role in marks:
        if role == "loose":
            if depth or (carry and not out):
                out.append((pos, "close"))
                depth -= 1
            continue
        out.append((pos, role))
        depth = depth + 1 if role == "open" or (role == "either" and not depth) else max(0, depth - 1)
    return out


def _trimmed(body: str, start: int, end: int, opened: int | None, closed: int | None, index: int) -> Span | None:
    """Strip spaces and the comma that leads into an attribution; None if nothing is left."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    if end <= start:
        return None
    return Span(start, end, opened, closed, index)


def mask(body: str, spans: list[Span]) -> word_use.MaskedText:
    """The body with every quote's words replaced by ``_``: names inside quotes must not become speakers (the body
    as printed goes with it: its quotes still show which words are common ones)."""
    chars = list(body)
    for span in spans:
        # A final stop stays visible: the sentence ends with the quote ('..." It shouldn't escape notice').
        end = span.end - 1 if body[span.end - 1] in ".!?" else span.end
        for pos in range(span.start, end):
            if chars[pos] != "\n":
                chars[pos] = "_"
    return word_use.MaskedText("".join(chars), body)


# --- interviews -----------------------------------------------------------------------------------------------------


def _answer_span(body: str, para: Paragraph, index: int) -> Span:
    start = para.start + interviews.prefix_length(body[para.start : para.end])
    span = _trimmed(body, start, para.end, None, None, index)
    return span if span is not None else Span(para.start, para.end, None, None, index)


def _interviewee(
    cues: list[Cue], paras: list[Paragraph], roles: dict[int, str], header: str, masked: str
) -> Cue | None:
    if not any(role == "answer" for role in roles.values()):
        return None
    first_question = min((i for i, role in roles.items() if role == "question"), default=0)
    limit = paras[first_question].start if first_question < len(paras) else 0
    return interviews.interviewee(cues, masked[:limit], header)


def _described(body: str, masked: str, para: Paragraph, cue: Cue) -> Cue:
    """The cue with its role phrase, read from the body so that quoted words in it come back."""
    if cue.kind != "name" or cue.start < 0:
        return cue
    floor = (tokens.sentence_at(masked, para.start, para.end, cue.start) or (para.start, para.end))[0]
    prefix = max(0, cue.text.rfind(cue.name))
    return replace(cue, description=roles.describe(body, masked, cue.start, prefix, cue.appositives, floor))


def _names(masked: str, para: Paragraph) -> list[names.Name]:
    out = []
    for run in names.capital_runs(masked, para.start, para.end):
        name = names.split_run(run, masked)
        if name is not None and (len(name.tokens) >= 2 or name.role):
            out.append(name)
    return out


# Words that, alone before a quote opening a sentence, carry the speaker over like no word at all ('..." Berg
# said. Indeed, "...', 'But "...').
_CONNECTIVES = names.wordset(
    "and but so yet then now still indeed instead also later again adding meanwhile moreover besides however finally"
)


def _only_a_connective(lead: str) -> bool:
    words = lead.split()
    return not words or (len(words) == 1 and words[0].rstrip(",").lower() in _CONNECTIVES)


# --- one quote ------------------------------------------------------------------------------------------------------


def _found_quote(
    body: str,
    masked: str,
    paras: list[Paragraph],
    roles: dict[int, str],
    span: Span,
    kind: str,
    previous_paragraph: int,
    labels: dict[int, str],
) -> FoundQuote | None:
    text = body[span.start : span.end]
    if kind == "interview_answer":
        label = labels.get(span.paragraph, "")
        if label:
            # "Klein: ..." names who answers; the label stands where the paragraph does, for reading order.
            at = paras[span.paragraph].start
            cue = Cue("name", label, at, at + len(label), label)
            return FoundQuote(text, span.start, span.end, kind, span.paragraph, cue, "cue")
        return FoundQuote(text, span.start, span.end, kind, span.paragraph, None, "answer")
    labelled = _TRANSCRIPT_LABEL.match(text)
    if labelled is not None and kind == "direct":
        # '"PENCE: Well, look, ...': a transcript quoted line; the label names who speaks and is not said.
        label = labelled.group(1)
        start = span.start + labelled.end()
        cue = Cue("name", label, span.start, span.start + len(label), label.title())
        return FoundQuote(body[start : span.end], start, span.end, kind, span.paragraph, cue, "cue")
    para = paras[span.paragraph]
    anchor = span.open if span.open is not None else para.start
    sent_start, sent_end = tokens.sentence_at(masked, para.start, para.end, anchor) or (para.start, para.end)
    # The words that name a speaker stand near the quote: read at most CUE_REACH characters either side, or every
    # quote of an endless "sentence" (a paragraph of short quotes and no full stop) re-reads all of it: quadratic.
    sent_start, sent_end = max(sent_start, anchor - CUE_REACH), min(sent_end, (span.close or anchor) + CUE_REACH)
    # Who speaks, strongest evidence first: a speech or judgement verb before the quote whose complement holds it
    # ('he said, "..."' even when the sentence ends with the source that reports it; 'she called it "a farce"'),
    # then a cue after the closing mark, then the older before-the-quote patterns ("according to", "NAME:").
    cue = clauses.governor(masked, sent_start, span.open) if span.open is not None else None
    if cue is None and span.close is not None:
        after_end = sent_end
        if span.close + 1 >= sent_end and text[-1:] in "?!":
            # '"...fixed the problem?" Schiff asked.': the question mark ends the quote, not the sentence.
            after_end = (tokens.sentence_at(masked, para.start, para.end, span.close + 1) or (0, para.end))[1]
            after_end = min(after_end, span.close + 1 + CUE_REACH)
        cue = cues.cue_after(masked, span.close + 1, after_end)
    # A short fragment needs one of the cues above or "according to": a speech verb earlier in the sentence
    # whose clause has ended ("Berg said the plan failed, and the "reform" ...") does not make it anyone's words.
    tied = cue is not None
    if cue is None and span.open is not None:
        cue = cues_before.cue_before(masked, sent_start, span.open)
        introduced = cues.according_to(masked, sent_start, span.open) or cues_before.name_colon(
            masked, sent_start, span.open
        )
        tied = cue is not None and introduced is not None
    if cue is None and span.open is not None and text[:1].isupper():
        # 'Kasich shot back: "Ohio governors do not ..."': a sentence quoted after a colon is the words of the
        # subject of the clause the colon ends.
        cue = clauses.colon_subject(masked, sent_start, span.open)
        tied = cue is not None
    if cue is not None:
        cue = _described(body, masked, para, cue)
    initial = span.open is None or _only_a_connective(masked[sent_start:anchor])
    # A paragraph that ends with the name signing its quote ('"..." ― Ana Silva') is no headline.
    signed = False
    if span.close is not None:
        sign_end = para.end
        if masked[span.close + 1 : para.end].strip() in ("―", "—", "–", "-") and span.paragraph + 1 < len(paras):
            sign_end = paras[span.paragraph + 1].end  # the dash ends the line and the name is on the next one
        signature = cues.signature(masked, span.close + 1, sign_end)
        signed = signature is not None
        cue = cue or signature
    if is_intertitle(body, para, span) or is_title_of_work(text) or (is_headline_like(body, para) and not signed):
        return None
    sentence = initial and text[-1:] in ".!?"
    if not sentence and len(text.split()) <= 4 and not is_speech_fragment(body, span, cue if tied else None):
        return None  # scare quotes, names and terms in quote marks; a short full sentence may still be speech
    if cue is not None:
        return FoundQuote(text, span.start, span.end, kind, span.paragraph, cue, "cue")
    if not initial:
        return None  # a fragment inside a sentence that names nobody
    same_paragraph = previous_paragraph == span.paragraph
    after_question = roles.get(span.paragraph - 1) == "question"
    follows = "paragraph" if same_paragraph else "answer" if after_question else "previous"
    return FoundQuote(text, span.start, span.end, kind, span.paragraph, None, follows)
