"""ParsedArticles and gold annotations (docs/gold-format.md) in, extraction scores out; no Django.

Definitions, one article at a time, then summed over all articles (micro averages):

Quotes
    Predicted quote texts are matched one-to-one against the gold quotes after both are normalised: curly and
    straight quote characters unified, runs of white space (NBSP included) folded to one space, surrounding white
    space, outer quote marks and a trailing comma stripped. A prediction matching an ``optional: true`` gold quote
    counts neither way. TP = predictions matching a required gold quote; FP = predictions matching nothing;
    FN = required gold quotes left unmatched. Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their
    harmonic mean (1.0 when there is nothing to find and nothing was found).
Attribution accuracy
    Among the matched required quotes, the share whose predicted speaker is the gold speaker: the predicted name
    equals the gold ``name`` or one of its ``variants`` by ``name_key`` (case, accents and dots folded).
    ``attribution_required`` divides the same count by every required gold quote (a missed quote is not right).
Speakers
    Predicted speakers that have at least one quote, matched one-to-one on name-or-variant against the gold
    speakers. A gold speaker whose quotes are all optional counts neither way when predicted. So does a predicted
    speaker whose every quote matches an optional gold quote (``speaker_optional``): the gold format says finding an
    optional quote is not penalised, and such a quote's gold source is often a placeholder no name can match ("(not
    annotated in PolNeAR)", "the 46-year-old"). Also counted: how many predicted canonical names equal the gold
    ``name`` exactly (``exact``).
Metadata
    Eight fields: title, subtitle, source (the outlet), section, author, published, body_first_words (the body
    starts with them, white space folded) and body_last_words (the body ends with them). Text fields are compared
    with white space folded; a null in gold must be empty in ours. ``published`` compares the wall-clock value to
    the precision the gold gives (minute, or second when gold prints seconds; the date alone when it has no time).
    Accuracy = correct fields / all fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ..ingest.language import name_match, names
from ..ingest.parsed import ParsedArticle
from . import error_classes

META_FIELDS = ("title", "subtitle", "source", "section", "author", "published", "body_first_words", "body_last_words")
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)
_OUTER = "\"'"


def normalise_quote(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split())
    for _ in range(3):
        text = text.strip().strip(_OUTER).strip().rstrip(",").rstrip()
    return text


def name_key(name: str) -> str:
    return names.key(name)


def fold(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass
class FileScore:
    file: str
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    attribution_correct: int = 0
    attribution_total: int = 0
    speaker_tp: int = 0
    speaker_fp: int = 0
    speaker_fn: int = 0
    exact_names: int = 0
    predicted_speakers: int = 0
    speaker_optional: int = 0  # predicted speakers credited only with optional gold quotes: counted neither way
    meta_correct: int = 0
    meta_total: int = 0
    speakers: list[str] = field(default_factory=list)
    found_for: set[str] = field(default_factory=set, repr=False)  # gold speakers with a required quote found
    scored_for: set[str] = field(default_factory=set, repr=False)  # our speakers with a quote that counts either way
    errors: list[str] = field(default_factory=list)  # one line per miss, to read when a score drops
    classified: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, class, line): error_classes.py

    @property
    def quote_precision(self) -> float:
        return ratio(self.quote_tp, self.quote_tp + self.quote_fp)

    @property
    def quote_recall(self) -> float:
        return ratio(self.quote_tp, self.quote_tp + self.quote_fn)

    @property
    def quote_f1(self) -> float:
        return f1(self.quote_precision, self.quote_recall, self.quote_tp + self.quote_fp + self.quote_fn)

    @property
    def attribution(self) -> float:
        return ratio(self.attribution_correct, self.attribution_total)

    @property
    def attribution_required(self) -> float:
        """Right speaker over every required quote: a missed quote counts as a wrong attribution."""
        return ratio(self.attribution_correct, self.quote_tp + self.quote_fn)

    def miss(self, kind: str, name: str, line: str) -> None:
        self.errors.append(line)
        self.classified.append((kind, name, line))

    @property
    def speaker_precision(self) -> float:
        return ratio(self.speaker_tp, self.speaker_tp + self.speaker_fp)

    @property
    def speaker_recall(self) -> float:
        return ratio(self.speaker_tp, self.speaker_tp + self.speaker_fn)

    @property
    def speaker_f1(self) -> float:
        return f1(self.speaker_precision, self.speaker_recall, self.speaker_tp + self.speaker_fp + self.speaker_fn)

    @property
    def speaker_f1_optional_as_extra(self) -> float:
        """Speaker F1 as scored before optional-only speakers were left out: they count as extra speakers."""
        return self.optional_as_extra().speaker_f1

    def optional_as_extra(self) -> FileScore:
        return replace(self, speaker_fp=self.speaker_fp + self.speaker_optional, speaker_optional=0)

    @property
    def metadata(self) -> float:
        return ratio(self.meta_correct, self.meta_total)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("found_for")
        data.pop("scored_for")
        for name in (
            "quote_precision",
            "quote_recall",
            "quote_f1",
            "attribution",
            "attribution_required",
            "speaker_precision",
            "speaker_recall",
            "speaker_f1",
            "speaker_f1_optional_as_extra",
            "metadata",
        ):
            data[name] = round(getattr(self, name), 4)
        return data


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def f1(precision: float, recall: float, support: int) -> float:
    if not support:
        return 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_gold(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def score_article(article: ParsedArticle, gold: dict) -> FileScore:
    score = FileScore(file=gold.get("file", article.source_file))
    forms = _speaker_forms(gold)
    _score_quotes(article, gold, forms, score)
    _score_speakers(article, gold, forms, score)
    _score_metadata(article, gold.get("article", {}), score)
    return score


def _speaker_forms(gold: dict) -> dict[str, set[str]]:
    return {
        speaker["name"]: {name_key(speaker["name"]), *(name_key(v) for v in speaker.get("variants", []))}
        for speaker in gold.get("speakers", [])
    }


def _score_quotes(article: ParsedArticle, gold: dict, forms: dict[str, set[str]], score: FileScore) -> None:
    pending = [(normalise_quote(q["text"]), q) for q in gold.get("quotes", [])]
    # Required gold first, so a text printed twice is matched where it counts.
    pending.sort(key=lambda pair: bool(pair[1].get("optional")))
    used = [False] * len(pending)
    for quote in article.quotes:
        text = normalise_quote(quote.text)
        match = next((i for i, (gold_text, _) in enumerate(pending) if not used[i] and gold_text == text), None)
        if match is None or not pending[match][1].get("optional"):
            score.scored_for.add(quote.speaker or "")
        if match is None:
            score.quote_fp += 1
            score.miss("extra quote", "extra quote", f"extra quote ({quote.speaker}): {_short(quote.text)}")
            continue
        used[match] = True
        gold_quote = pending[match][1]
        if gold_quote.get("optional"):
            continue
        score.quote_tp += 1
        score.attribution_total += 1
        score.found_for.add(gold_quote["speaker"])
        gold_forms = forms.get(gold_quote["speaker"], set())
        if quote.speaker and name_key(quote.speaker) in gold_forms:
            score.attribution_correct += 1
        else:
            kind = error_classes.wrong_speaker(quote.speaker, quote.attribution, quote.text, gold_forms)
            line = f"wrong speaker {quote.speaker!r} for {gold_quote['speaker']!r}: {_short(quote.text)}"
            score.miss("wrong speaker", kind, line)
    for index, (_, gold_quote) in enumerate(pending):
        if not used[index] and not gold_quote.get("optional"):
            score.quote_fn += 1
            kind = error_classes.missed_quote(gold_quote, article.body, forms.get(gold_quote["speaker"], set()))
            score.miss("missed quote", kind, f"missed quote ({gold_quote['speaker']}): {_short(gold_quote['text'])}")


def _score_speakers(article: ParsedArticle, gold: dict, forms: dict[str, set[str]], score: FileScore) -> None:
    quoted = [s.name for s in article.speakers if any(q.speaker == s.name for q in article.quotes)]
    for name in [q.speaker for q in article.quotes if q.speaker]:
        if name not in quoted:
            quoted.append(name)
    required = {q["speaker"] for q in gold.get("quotes", []) if not q.get("optional")}
    matched: set[str] = set()
    score.speakers = quoted
    score.predicted_speakers = len(quoted)
    for name in quoted:
        hit = next((g for g, keys in forms.items() if g not in matched and name_key(name) in keys), None)
        if hit is None and name not in score.scored_for:
            score.speaker_optional += 1  # every quote of theirs is optional in the gold: neither right nor wrong
            continue
        if hit is None:
            score.speaker_fp += 1
            score.miss("extra speaker", error_classes.extra_speaker(name, forms, matched), f"extra speaker: {name}")
            continue
        matched.add(hit)
        if name == hit:
            score.exact_names += 1
        if hit in required:
            score.speaker_tp += 1
    for name in sorted(required - matched):
        score.speaker_fn += 1
        kind = error_classes.missed_speaker(name in score.found_for)
        score.miss("missed speaker", kind, f"missed speaker: {name}")


def _score_metadata(article: ParsedArticle, gold: dict, score: FileScore) -> None:
    ours = {
        "title": article.title,
        "subtitle": article.subtitle,
        "source": article.outlet,
        "section": article.section,
        "author": article.author,
    }
    body = fold(article.body)
    for name in META_FIELDS:
        expected = gold.get(name)
        if name == "published":
            ok = _same_time(article.published_at, expected)
            got = article.published_at.isoformat() if article.published_at else None
        elif name == "body_first_words":
            ok, got = body.startswith(fold(expected)), body[:60]
        elif name == "body_last_words":
            ok, got = body.endswith(fold(expected)), body[-60:]
        else:
            ok, got = fold(ours[name]) == fold(expected), ours[name]
        score.meta_total += 1
        if ok:
            score.meta_correct += 1
        else:
            score.errors.append(f"metadata {name}: expected {expected!r}, got {got!r}")


def _same_time(value: datetime | None, expected: str | None) -> bool:
    if not expected:
        return value is None
    if value is None:
        return False
    wall = value.replace(tzinfo=None)
    if "T" not in expected:
        return wall.date().isoformat() == expected
    return wall.isoformat()[: len(expected)] == expected


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def total(scores: Iterable[FileScore]) -> FileScore:
    summed = FileScore(file="TOTAL")
    for score in scores:
        for name in (
            "quote_tp",
            "quote_fp",
            "quote_fn",
            "attribution_correct",
            "attribution_total",
            "speaker_tp",
            "speaker_fp",
            "speaker_fn",
            "exact_names",
            "predicted_speakers",
            "speaker_optional",
            "meta_correct",
            "meta_total",
        ):
            setattr(summed, name, getattr(summed, name) + getattr(score, name))
    return summed


def recurring_speakers(articles: Iterable[ParsedArticle]) -> dict[str, list[str]]:
    """Canonical speaker names quoted in two or more articles, with the files; spellings folded like people.py."""
    clusters: list[tuple[str, list[str]]] = []
    for article in articles:
        quoted = {q.speaker for q in article.quotes if q.speaker}
        for name in sorted(quoted):
            home = next((c for c in clusters if name_key(c[0]) == name_key(name) or _same_full_name(c[0], name)), None)
            if home is None:
                clusters.append((name, [article.source_file]))
            elif article.source_file not in home[1]:
                home[1].append(article.source_file)
    return {name: files for name, files in clusters if len(files) >= 2}


def _same_full_name(a: str, b: str) -> bool:
    return bool(name_match.parts(a)[0]) and bool(name_match.parts(b)[0]) and name_match.same_person(a, b)


def gold_files(directory: Path) -> list[Path]:
    return sorted(path for path in directory.glob("*.json") if path.is_file())


@dataclass
class Run:
    """One evaluation over a folder of gold files: scores per file, the parsed articles, and files skipped."""

    scores: list[FileScore] = field(default_factory=list)
    articles: list[ParsedArticle] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "files": [score.to_dict() for score in self.scores],
            "total": total(self.scores).to_dict(),
            "recurring_speakers": recurring_speakers(self.articles),
            "skipped": self.problems,
        }


def evaluate(gold_dir: Path, docs_dir: Path) -> Run:
    """Parse the document each gold file names (from ``docs_dir``) and score it; unreadable ones are skipped."""
    # Imported here so the scoring functions stay usable without the parsers' dependencies (bs4, trafilatura).
    from ..ingest import pipeline, read

    run = Run()
    for path in gold_files(gold_dir):
        try:
            gold = load_gold(path)
        except (OSError, ValueError) as exc:
            run.problems.append(f"{path.name}: not a readable gold file ({exc})")
            continue
        name = gold.get("file") if isinstance(gold, dict) else None
        if not isinstance(name, str) or not name:
            run.problems.append(f'{path.name}: no "file" field')
            continue
        try:
            article = pipeline.parse_path(docs_dir / name)
        except read.UnreadableDocument as exc:
            run.problems.append(f"{name}: {exc}")
            continue
        run.articles.append(article)
        run.scores.append(score_article(article, gold))
    return run
