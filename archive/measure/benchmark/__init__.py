"""The `benchmark` command's work: a synthetic archive of seed-like articles, and the figures of DESIGN.md section 6.

The command runs in two processes. The parent picks a fresh SQLite file, starts ``manage.py benchmark --worker``
with ``DATABASE_URL`` pointing there (so the user's database is never opened), and prints the worker's figures as a
table. The worker migrates the empty file, generates documents, parses and imports them, and measures the pages.

The documents are the seeds themselves with their variable parts cut out (speaker names, date, title, numbers) and
refilled from a seeded ``random.Random``, so the real parser runs on text of the real layouts. Each document has its
own generator, seeded by its number: any slice of the corpus is the same whatever was generated before it, and
documents are made, parsed and loaded one at a time: memory does not grow with N.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, resolve, reverse

from ... import views
from ...ingest import read
from ...ingest.pipeline import parse_document
from ...loading import ArchiveLoader
from ...models import Article, Quote, Speaker, Topic

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
MANAGE_PY = Path(settings.BASE_DIR) / "manage.py"
DB_CHECK_VARIABLE = "ARCHIVE_BENCHMARK_DB"  # set by the parent; the worker refuses to run on any other database
PARSE_SAMPLE = 2000  # documents parsed without a database, for the parse-only rate

# --- synthetic corpus --------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Words written as one string, as long word lists read better; "|" separates phrases when present."""
    return [" ".join(p.split()) for p in text.split("|")] if "|" in text else text.split()


FIRST_NAMES = words("""Adam Aidan Alina Amir Anar Anna Aras Aysel Boris Carla Daniel Dmitri Elena Elnur Emil Farhad
    Farid Galina Gunel Hana Ilya Irina Ivan Jana Kamal Karim Kenan Lara Leila Leyla Luca Marta Milan Nadia Nigar Nina
    Oleg Omar Orkhan Pavel Ramil Rana Rauf Reza Rustam Sabina Samir Sara Selim Sevda Tamara Timur Togrul Tural Vera
    Viktor Yara Yusuf Zara Zaur""")
SURNAME_STARTS = words("Ka Ma Ra Ta Sa Ba Da Ga Ha Na Pa Va Za Ko Mo Ro To So Bo Do Le Me Ne Te")
SURNAME_MIDDLES = words("ri li mi ni si ti vi di ra la ma na za ba ka ga")
SURNAME_ENDS = words("mov yev nov yan ski enko stein berg man ides ashvili oglu")
SURNAMES = 24 * 16 * 12
CELEBRITIES = 20  # people 0-19 are quoted far more often than the rest, as heads of state are
CELEBRITY_SHARE = 0.1

COUNTRIES = words("""Azerbaijan Israel Georgia Turkey Kazakhstan Uzbekistan Ukraine Poland Italy France Germany Greece
    Egypt Jordan Morocco India Japan Korea Canada Brazil Mexico Chile Norway Sweden Finland Spain Portugal Romania
    Hungary Serbia""")
HEADLINES = (
    "{c1} and {c2} {verb} {noun}",
    "{name}: {c1} {verb} {noun} with {c2}",
    "{c1}-{c2} {noun} {adverb} {grew}",
    "Experts: {c1} to {verb} {noun} in {year}",
    "{name} says {c1} {verb} {noun} after talks in {c2}",
)
VERBS = words("expand deepen review discuss strengthen sign renew launch boost plan")
NOUNS = words("""energy cooperation|trade ties|defence contracts|health programmes|tourism links|water projects
    |transport routes|technology exchange|reconstruction plans|security dialogue|investment deals|agricultural trade""")
ADVERBS = words("quietly rapidly steadily rarely openly")
GROWN = words("grows deepens widens stalls flourishes")
FILLERS = (
    "Officials in {c1} said the talks on {noun} would continue next month.",
    "The two governments signed {n} documents on {noun} last year.",
    "Analysts in {c2} expect {noun} to grow by {n} per cent.",
    "A delegation from {c1} visited {c2} in {month} to discuss {noun}.",
    "Trade turnover between {c1} and {c2} reached {n} million dollars.",
    "Experts note that {noun} has become a priority for both sides.",
)
MONTHS = words("January February March April May June July August September October November December")
EXTRA_QUOTE = "“{c1} and {c2} will keep working on {noun}, and we expect results within {n} months,” {name} said."

# Page dates the seeds print; a seed's date is refilled in the same shape. The %-less ones avoid zero padding.
DATE_SHAPES: tuple[Callable[[datetime], str], ...] = (
    lambda d: f"{d:%d %B %Y - %H:%M}",
    lambda d: f"{d.month}/{d.day}/{d.year}, {d.hour % 12 or 12}:{d:%M:%S} {d:%p}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%Y-%m-%d %H:%M}",
    lambda d: f"{d:%d.%m.%Y}",
)
FIRST_DATE = datetime(2015, 1, 1, tzinfo=UTC)
DATE_SPAN_MINUTES = 10 * 365 * 24 * 60

QUOTE_MARKS = '"“”‘’«»„'
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Slot:
    """A variable part of a template: what to put there is drawn per document."""

    kind: str  # speaker | title | date | number | filler | extra_quote
    arg: object = None  # speaker: (index, "{first} {last}"-style pattern); date: shape index; number: the digits


@dataclass(frozen=True)
class Template:
    stem: str
    suffix: str
    parts: tuple[str | Slot, ...]
    speakers: int


def person(index: int) -> tuple[str, str]:
    """First and last name of synthetic person number index (distinct up to 276,480 people).

    The surname number is scrambled so that neighbouring people (the celebrities 0-19, say) share no syllable;
    the first name shifts with each round of surnames, so index -> name stays one-to-one.
    """
    rounds, surname = divmod(index, SURNAMES)
    first = FIRST_NAMES[(rounds * (SURNAMES + 1) + surname) % len(FIRST_NAMES)]
    n = surname * 1553 % SURNAMES  # 1553 is prime to 4608: a permutation
    return first, SURNAME_STARTS[n % 24] + SURNAME_MIDDLES[n // 24 % 16] + SURNAME_ENDS[n // 384]


def name_pattern(form: str, full: str) -> str:
    """A printed form of a name as a pattern over the person's first and last name ("Prof. Gut" -> "Prof. {last}")."""
    first, last = full.split()[0], full.split()[-1]
    tokens = form.split()
    out = []
    for pos, token in enumerate(tokens):
        if pos == len(tokens) - 1:
            out.append("{last}")  # the last word of a form is the surname, however it is spelt
        elif token == first or (pos == 0 and token != last and not token.endswith(".")):
            out.append("{first}")
        else:
            out.append(token.replace("{", "{{").replace("}", "}}"))
    return " ".join(out)


def body_region(raw: str, body: str) -> tuple[int, int] | None:
    """Where the parsed body lies in the raw text, from its first line to its last, when both are found."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if not lines:
        return None
    start = raw.find(lines[0][:80])
    end = raw.find(lines[-1][-80:], max(start, 0))
    if start < 0 or end < 0:
        return None
    return start, end + len(lines[-1][-80:])


def build_template(path: Path) -> Template:
    """Cut a seed into literal text and slots, using what the real parser finds in it."""

    data = path.read_bytes()
    parsed = parse_document(data, path.name)
    raw = read.decode(data)
    events: list[tuple[int, int, Slot]] = []
    if parsed.title and raw.find(parsed.title) >= 0:
        events += [(m.start(), m.end(), Slot("title")) for m in re.finditer(re.escape(parsed.title), raw)]
    if parsed.published_at is not None:
        for number, shape in enumerate(DATE_SHAPES):
            pos = raw.find(shape(parsed.published_at))
            if pos >= 0:
                events.append((pos, pos + len(shape(parsed.published_at)), Slot("date", number)))
                break
    forms: dict[str, Slot] = {}
    for index, speaker in enumerate(parsed.speakers):
        for form in (speaker.name, *speaker.variants):
            forms.setdefault(form, Slot("speaker", (index, name_pattern(form, speaker.name))))
    if forms:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        events += [
            (m.start(), m.end(), forms[m.group()]) for m in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", raw)
        ]
    region = body_region(raw, parsed.body)
    if region:
        start, end = region
        for m in NUMBER.finditer(raw, start, end):
            if not YEAR.fullmatch(m.group()):
                events.append((m.start(), m.end(), Slot("number", m.group())))
        for m in re.finditer(r"\n", raw[start:end]):
            line = raw[raw.rfind("\n", 0, start + m.start()) + 1 : start + m.start()]
            # Only narrative paragraphs grow a sentence: a quote's own line keeps its marks balanced.
            if len(line.strip()) > 60 and not any(mark in line for mark in QUOTE_MARKS):
                events.append((start + m.start(), start + m.start(), Slot("filler")))
        indent = re.match(r"[ \t]*", raw[raw.rfind("\n", 0, end) + 1 :]).group()
        separator = "\n\n" if "\n\n" in raw[start:end] else "\n"
        events.append((end, end, Slot("extra_quote", separator + indent)))
    parts: list[str | Slot] = []
    pos = 0
    # Earlier first; at one place the longer span wins; whatever overlaps a kept span is dropped.
    for begin, finish, slot in sorted(events, key=lambda e: (e[0], -(e[1] - e[0]))):
        if begin < pos:
            continue
        parts += [raw[pos:begin], slot]
        pos = finish
    parts.append(raw[pos:])
    suffix = "".join(path.suffixes) or ".txt"
    return Template(path.name.removesuffix(suffix), suffix, tuple(parts), len(parsed.speakers))


def build_templates(seeds_dir: Path = SEEDS_DIR) -> list[Template]:
    return [build_template(path) for path in sorted(seeds_dir.iterdir()) if read.is_supported(path)]


class Corpus:
    """N synthetic documents; document i is the same whatever was generated before it."""

    def __init__(self, templates: list[Template], size: int, seed: int = 1) -> None:
        self.templates, self.size, self.seed = templates, size, seed
        self.pool = max(100, size // 2)  # so that an ordinary speaker is quoted in a few articles
        # Dates are a permutation of evenly spread minutes: spread over ten years, never equal, in no order.
        self.step = max(1, DATE_SPAN_MINUTES // max(size, 1))
        self.stride = next(p for p in (7919, 104729, 1299709) if math.gcd(p, max(size, 1)) == 1)

    def documents(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[str, bytes]]:
        for number in range(start, self.size if stop is None else stop):
            yield self.document(number)

    def document(self, number: int) -> tuple[str, bytes]:
        rng = random.Random(f"{self.seed}:{number}")
        template = self.templates[rng.randrange(len(self.templates))]
        people = self.people(rng, template.speakers + 1)
        slot = (number * self.stride) % self.size
        published = FIRST_DATE + timedelta(minutes=slot * self.step + rng.randrange(self.step))
        c1, c2 = rng.sample(COUNTRIES, 2)
        words = {
            "c1": c1,
            "c2": c2,
            "year": published.year + 1,
            "month": rng.choice(MONTHS),
        }
        out = []
        for part in template.parts:
            if isinstance(part, str):
                out.append(part)
            elif part.kind == "speaker":
                index, pattern = part.arg
                first, last = people[index]
                out.append(pattern.format(first=first, last=last))
            elif part.kind == "title":
                out.append(self.fill(rng, rng.choice(HEADLINES), words, people[0]))
            elif part.kind == "date":
                out.append(DATE_SHAPES[part.arg](published))
            elif part.kind == "number":
                out.append(self.number(rng, part.arg))
            elif part.kind == "filler" and rng.random() < 0.4:
                out.append(" " + self.fill(rng, rng.choice(FILLERS), words, people[0]))
            elif part.kind == "extra_quote" and rng.random() < 0.5:
                speaker = people[rng.randrange(len(people))]
                out.append(part.arg + self.fill(rng, EXTRA_QUOTE, words, speaker))
        return f"{number:06d}_{template.stem}{template.suffix}", "".join(out).encode()

    def people(self, rng: random.Random, count: int) -> list[tuple[str, str]]:
        """Distinct people with surnames unlike each other: the parser folds close spellings into one person."""
        chosen: list[tuple[str, str]] = []
        while len(chosen) < count:
            if rng.random() < CELEBRITY_SHARE:
                # Zipf-like: the first celebrity is quoted about twice as often as the second, and so on.
                index = min(int(rng.paretovariate(1.0)) - 1, CELEBRITIES - 1)
            else:
                index = CELEBRITIES + rng.randrange(self.pool)
            first, last = person(index)
            if all(last[:2] != other[:2] and last[-3:] != other[-3:] for _, other in chosen):
                chosen.append((first, last))
        return chosen

    @staticmethod
    def fill(rng: random.Random, pattern: str, words: dict, speaker: tuple[str, str]) -> str:
        return pattern.format(
            **words,
            name=" ".join(speaker) if "{name}:" not in pattern else speaker[1],
            verb=rng.choice(VERBS),
            noun=rng.choice(NOUNS),
            adverb=rng.choice(ADVERBS),
            grew=rng.choice(GROWN),
            n=rng.randrange(2, 90),
        )

    @staticmethod
    def number(rng: random.Random, digits: str) -> str:
        """Same shape, other digits: "$334.1 million" stays a sum of money, "2,600 years" a length of time."""
        out = [str(rng.randrange(10)) if ch.isdigit() else ch for ch in digits]
        if digits[0] != "0":
            out[0] = str(rng.randrange(1, 10))  # no leading zero where the original had none
        return "".join(out)


# --- figures and the report -------------------------------------------------------------------------------------


@dataclass
class Figure:
    key: str
    label: str
    value: float | None  # None: not measurable yet (the feature is missing or failed); detail says why
    unit: str
    target: str
    ok: bool | None
    detail: str = ""


def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def peak_memory_mb(usage: resource.struct_rusage) -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def format_value(figure: Figure) -> str:
    if figure.value is None:
        return "n/a"
    number = f"{figure.value:,.1f}" if figure.value < 100 and figure.unit != "queries" else f"{figure.value:,.0f}"
    return f"{number} {figure.unit}".strip()


def render_table(report: dict) -> str:
    corpus = report["corpus"]
    lines = [
        f"Synthetic archive: {corpus['articles']:,} articles, {corpus['quotes']:,} quotes, "
        f"{corpus['speakers']:,} speakers (most quoted: {corpus['top_speaker']}, {corpus['top_speaker_quotes']:,} "
        f"quotes); SQLite; import: {corpus['import_actions']}, {corpus['import_errors']} errors"
        + (f" (first: {corpus['first_import_error']})" if corpus["first_import_error"] else "")
        + ". Targets are for 100,000 articles.",
        "",
        "| figure | measured | target | ok? |",
        "|---|---|---|---|",
    ]
    for figure in (Figure(**f) for f in report["figures"]):
        measured = format_value(figure) + (f" ({figure.detail})" if figure.detail else "")
        ok = {True: "yes", False: "**no**", None: "—"}[figure.ok]
        lines.append(f"| {figure.label} | {measured} | {figure.target} | {ok} |")
    return "\n".join(lines)


def worker_environment(db_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{db_path}",
        **{DB_CHECK_VARIABLE: str(db_path)},
        # Debug settings at start-up (no secret key or HTTPS needed); the worker turns DEBUG off once loaded.
        DJANGO_DEBUG="1",
        DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "archive.settings"),
    )
    return env


def run_in_subprocess(args: list[str], env: dict[str, str]) -> tuple[int, float, float]:
    """Run manage.py with args; returns (exit status, seconds, the child's own peak memory in MB)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(MANAGE_PY), *args], env=env, stdout=subprocess.DEVNULL)
    # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the maximum over every child so far.
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.perf_counter() - started, peak_memory_mb(usage)


def run_benchmark(articles: int, requests: int, keep: Path | None, progress: Callable[[str], None]) -> dict:
    """Build and measure the synthetic archive in a worker process on a fresh SQLite file; returns its report."""
    with tempfile.TemporaryDirectory(prefix="archive-benchmark-") as tmp:
        db_path = keep.resolve() if keep else Path(tmp) / "benchmark.sqlite3"
        result = Path(tmp) / "report.json"
        args = ["benchmark", "--worker", "--articles", str(articles), "--requests", str(requests)]
        progress(f"Building {articles:,} synthetic articles in {db_path}")
        status, _, _ = run_in_subprocess([*args, "--result", str(result)], worker_environment(db_path))
        if status != 0 or not result.exists():
            raise RuntimeError(f"the benchmark worker failed (exit status {status}); see its output above")
        return json.loads(result.read_text())


def check_worker_database() -> Path:
    """The worker's database, after making sure it is the fresh file its parent chose."""
    name = Path(str(settings.DATABASES["default"]["NAME"]))
    expected = os.environ.get(DB_CHECK_VARIABLE)
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3" or str(name) != expected:
        raise RuntimeError("the benchmark worker only runs on the SQLite file its parent chose")
    return name


# --- measurements (in the worker) ----------------------------------------------------------------------------------

PAGE_TARGET, ADMIN_TARGET = 50.0, 200.0  # p95 in ms, DESIGN.md section 6
SEARCH_TERMS = (("security", "~10% of quotes"), ("Azerbaijan", "~50% of quotes"))
TIME_BUDGET = 10.0  # seconds of requests per page at most: a slow page still gets 5 samples, not 30 minutes
# Pages whose SQL queries are counted, at the normal page size and at five times it.
COUNTED = {"home", "article_list", "article_detail", "speaker_list", "speaker_detail", "quote_list",
           "quote_list_speaker", "quote_detail", "topic_list", "topic_detail"}  # fmt: skip


def measure_import(corpus: Corpus, db_path: Path, progress: Callable[[str], None]) -> tuple[list[Figure], dict]:
    """Parse-only rate, then the import of the whole corpus (exporting fixtures at half and full size)."""

    sample = min(corpus.size, PARSE_SAMPLE)
    started = time.perf_counter()
    for name, data in corpus.documents(0, sample):
        parse_document(data, name)
    parse_rate = sample / (time.perf_counter() - started)
    progress(f"parse only: {parse_rate:,.0f} articles/s over {sample:,} documents")

    loader, seconds, errors, first_error, exports = ArchiveLoader(), 0.0, 0, "", []
    actions = Counter()
    for start, stop in ((0, corpus.size // 2), (corpus.size // 2, corpus.size)):
        for number, (name, data) in enumerate(corpus.documents(start, stop), start + 1):
            # Generating the document is not the import's cost: only parse + load are timed.
            began = time.perf_counter()
            try:
                actions[loader.load(parse_document(data, name)).action] += 1
            except Exception as exc:  # noqa: BLE001 - counted and shown; one bad document must not stop the run
                errors += 1
                first_error = first_error or f"{name}: {type(exc).__name__}: {exc}"
            seconds += time.perf_counter() - began
            if number % 1000 == 0:
                progress(f"imported {number:,} of {corpus.size:,} ({number / seconds:,.0f} articles/s)")
        exports.append((stop, *export_fixtures_memory(db_path)))
    # RUSAGE_SELF leaves out the export's child process: this is the importing process alone.
    peak = peak_memory_mb(resource.getrusage(resource.RUSAGE_SELF))
    import_rate = corpus.size / seconds
    share = 100 * import_rate / parse_rate
    figures = [
        Figure("parse_rate", "parse-only throughput (no database)", parse_rate, "articles/s", "reported", None),
        Figure("import_rate", "import throughput, end to end", import_rate, "articles/s", ">= 1,000 articles/s",
               import_rate >= 1000),
        Figure("import_share", "import speed as a share of parse-only", share, "%", ">= 50%", share >= 50),
        Figure("import_peak_memory", "peak memory of the import (maxrss)", peak, "MB", "<= 300 MB whatever N",
               peak <= 300),
    ]  # fmt: skip
    (small, small_mb, small_s), (large, large_mb, large_s) = exports
    # "Flat": the larger archive costs at most 10% (or 10 MB) more memory than the half-size one.
    flat = large_mb is not None and small_mb is not None and large_mb <= max(small_mb * 1.1, small_mb + 10)
    figures += [
        Figure("export_memory_half", f"export_fixtures peak memory, {small:,} articles", small_mb, "MB",
               "streams: flat as N grows", None, f"{small_s:,.1f} s"),
        Figure("export_memory_full", f"export_fixtures peak memory, {large:,} articles", large_mb, "MB",
               "streams: flat as N grows", flat, f"{large_s:,.1f} s"),
    ]  # fmt: skip
    # "updated" would mean two synthetic documents were taken for one article: the corpus would be smaller than N.
    return figures, {"import_errors": errors, "first_import_error": first_error, "import_actions": dict(actions)}


def export_fixtures_memory(db_path: Path) -> tuple[float | None, float]:
    """Peak memory (MB) and seconds of export_fixtures run on the benchmark database in a process of its own."""
    output = db_path.with_name(db_path.name + ".export.json")
    try:
        status, seconds, memory = run_in_subprocess(["export_fixtures", "--output", str(output)], dict(os.environ))
    finally:
        output.unlink(missing_ok=True)
    return (memory if status == 0 else None), seconds


def corpus_facts() -> dict:
    """What the pages are measured on: the most quoted speaker, the biggest topic and outlet, a middle article."""
    top = Quote.objects.exclude(speaker=None).values("speaker").annotate(n=Count("pk")).order_by("-n").first()
    speaker = Speaker.objects.get(pk=top["speaker"]) if top else Speaker.objects.first()
    topic = Quote.topics.through.objects.values("topic").annotate(n=Count("pk")).order_by("-n").first()
    outlet = Article.objects.exclude(outlet="").values("outlet").annotate(n=Count("pk")).order_by("-n").first()
    articles, quotes = Article.objects.count(), Quote.objects.count()
    return {
        "articles": articles,
        "quotes": quotes,
        "speakers": Speaker.objects.count(),
        "top_speaker": speaker.name if speaker else "nobody",
        "top_speaker_slug": speaker.slug if speaker else "",
        "top_speaker_quotes": top["n"] if top else 0,
        "topic_slug": Topic.objects.get(pk=topic["topic"]).slug if topic else Topic.objects.first().slug,
        "outlet": outlet["outlet"] if outlet else "",
        "article_slug": Article.objects.order_by("pk")[articles // 2].slug,
        "quote_public_id": Quote.objects.order_by("pk").values_list("public_id", flat=True)[quotes // 2],
    }


def public_pages(facts: dict) -> list[tuple[str, str, str]]:
    quotes = reverse("quote_list")
    speaker = reverse("speaker_detail", args=[facts["top_speaker_slug"]])
    return [
        ("home", "home", reverse("home")),
        ("article_list", "article list, page 1", reverse("article_list")),
        ("article_list_deep", "article list, last page", reverse("article_list") + "?page=last"),
        ("article_detail", "article detail", reverse("article_detail", args=[facts["article_slug"]])),
        ("speaker_list", "speaker list", reverse("speaker_list")),
        ("speaker_detail", f"speaker detail, {facts['top_speaker_quotes']:,} quotes", speaker),
        ("speaker_detail_deep", "speaker detail, last page", speaker + "?page=last"),
        ("quote_list", "quote list, unfiltered", quotes),
        ("quote_list_speaker", "quote list, speaker filter", quotes + "?speaker=" + facts["top_speaker_slug"]),
        ("quote_list_topic", "quote list, topic filter", quotes + "?topic=" + facts["topic_slug"]),
        ("quote_list_outlet", "quote list, outlet filter", quotes + "?" + urlencode({"outlet": facts["outlet"]})),
        ("quote_list_dates", "quote list, date range (a quarter)", quotes + "?date_from=2019-04-01&date_to=2019-06-30"),
        ("quote_list_kind", "quote list, kind filter", quotes + "?kind=interview_answer"),
        ("quote_list_text", "quote list, text filter", quotes + "?text=" + SEARCH_TERMS[0][0]),
        ("quote_list_deep", "quote list, last page", quotes + "?page=last"),
        ("quote_detail", "quote detail", reverse("quote_detail", args=[facts["quote_public_id"]])),
        ("topic_list", "topic list", reverse("topic_list")),
        ("topic_detail", "topic detail (biggest topic)", reverse("topic_detail", args=[facts["topic_slug"]])),
        *optional_page("speaker_feed", "Atom feed of the most quoted speaker", facts["top_speaker_slug"]),
        *optional_page("topic_feed", "Atom feed of the biggest topic", facts["topic_slug"]),
    ]


def optional_page(name: str, label: str, slug: str) -> list[tuple[str, str, str]]:
    """A page other engineers may not have added yet: measured when its route exists."""
    try:
        return [(name, label, reverse(name, args=[slug]))]
    except NoReverseMatch:
        return []


def time_page(client, url: str, requests: int) -> tuple[float | None, str]:
    """p95 in ms over `requests` GETs after one warm-up (templates compiled, caches filled), or why not."""
    try:
        response = client.get(url)
    except Exception as exc:  # noqa: BLE001 - a broken page is a result to report, not a reason to stop
        return None, f"{type(exc).__name__}: {exc}"[:100]
    if response.status_code != 200:
        return None, f"HTTP {response.status_code}"
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < requests and (len(samples) < 5 or time.perf_counter() - started < TIME_BUDGET):
        began = time.perf_counter()
        client.get(url)
        samples.append(1000 * (time.perf_counter() - began))
    return p95(samples), "" if len(samples) == requests else f"{len(samples)} requests"


def latency(key: str, label: str, value: float | None, detail: str, target: float) -> Figure:
    ok = None if value is None else value <= target
    return Figure(key, label, value, "ms", f"<= {target:.0f} ms", ok, detail)


def count_queries(client, url: str, factor: int = 1) -> int:
    """SQL queries of one GET, with every page size multiplied by factor (view classes patched in this process)."""
    view_class = getattr(resolve(urlsplit(url).path).func, "view_class", None)
    with ExitStack() as stack:
        if factor != 1:
            stack.enter_context(mock.patch.object(views, "PAGE_SIZE", views.PAGE_SIZE * factor))
            if getattr(view_class, "paginate_by", None):
                stack.enter_context(mock.patch.object(view_class, "paginate_by", view_class.paginate_by * factor))
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    return len(queries.captured_queries)


def measure_pages(requests: int, progress: Callable[[str], None]) -> tuple[list[Figure], dict]:
    # The test client's host, allowed here only; the worker never serves real requests.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    facts = corpus_facts()
    client, figures, counts = Client(), [], []
    for key, label, url in public_pages(facts):
        progress(f"measuring {url}")
        value, detail = time_page(client, url, requests)
        figures.append(latency(key, f"p95, {label}", value, detail, PAGE_TARGET))
        if key in COUNTED and value is not None:
            normal, larger = count_queries(client, url), count_queries(client, url, 5)
            detail = f"{'same' if normal == larger else larger} at 5x page size"
            counts.append(Figure(f"queries_{key}", f"SQL queries, {label}", normal, "queries",
                                 "constant, whatever the page size", normal == larger, detail))  # fmt: skip
    figures += search_figures(client, requests, progress)
    figures += counts
    figures += admin_figures(requests, progress)
    return figures, facts


def search_figures(client, requests: int, progress: Callable[[str], None]) -> list[Figure]:
    """The search page, newest first and best first, for a term in about a tenth of the quotes (DESIGN.md's
    80,000 in a million) and one in half of them; best first is compared with its bare FTS5 query."""
    figures = []
    try:
        page = reverse("search")
    except NoReverseMatch:
        page = None
    for term, share in SEARCH_TERMS:
        url = page and page + "?" + urlencode({"q": term})
        progress(f"measuring search for {term!r}")
        value, detail = time_page(client, url, requests) if url else (None, "no search page yet")
        label = f"p95, search “{term}” ({share}), newest first"
        figures.append(latency(f"search_date_{term}", label, value, detail, PAGE_TARGET))
        best, detail = time_page(client, url + "&order=relevance", requests) if url else (None, detail)
        bare = bare_fts_ms(term, requests) if best is not None else None
        ratio = best / bare if best is not None and bare else None
        if ratio is not None:
            detail = f"page {best:.1f} ms, bare FTS query {bare:.1f} ms"
        label, ok = f"search “{term}” best first / bare FTS query", None if ratio is None else ratio <= 1.5
        figures.append(Figure(f"search_relevance_{term}", label, ratio, "x", "<= 1.5x the bare FTS query", ok, detail))
    term = SEARCH_TERMS[0][0]
    url = page and page + "?" + urlencode({"q": term, "type": "articles"})
    value, detail = time_page(client, url, requests) if url else (None, "no search page yet")
    figures.append(
        latency("search_articles", f"p95, article search “{term}”, newest first", value, detail, PAGE_TARGET)
    )
    return figures


def bare_fts_ms(term: str, requests: int) -> float | None:
    """p95 of the FTS5 ranking query alone (first page of 20), or None when the archive has no such index."""
    try:
        # Imported here: the benchmark must run (and say n/a) while search.py does not exist or changes shape.
        from . import search

        fts, match = search.QUOTES.fts, search.fts5_query(search.parse(term))
        sql = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY rank LIMIT 20"
        samples = []
        with connection.cursor() as cursor:
            for _ in range(requests + 1):
                began = time.perf_counter()
                cursor.execute(sql, [match])
                cursor.fetchall()
                samples.append(1000 * (time.perf_counter() - began))
        return p95(samples[1:])
    except (ImportError, AttributeError, DatabaseError):
        return None


def admin_figures(requests: int, progress: Callable[[str], None]) -> list[Figure]:
    user = get_user_model().objects.create_superuser("benchmark", "benchmark@example.invalid", None)
    client = Client()
    client.force_login(user)
    figures = []
    for model in (Quote, Article, Speaker):
        name = model._meta.model_name
        if admin.site.is_registered(model):
            url = reverse(f"admin:archive_{name}_changelist")
            progress(f"measuring {url}")
            value, detail = time_page(client, url, requests)
        else:
            value, detail = None, "not in the admin yet"
        figures.append(latency(f"admin_{name}", f"p95, admin change list, {name}", value, detail, ADMIN_TARGET))
    return figures


def run_worker(articles: int, requests: int, result: Path, progress: Callable[[str], None]) -> None:
    """The measuring half of the command, on the fresh database its parent chose; writes the report as JSON."""
    db_path = check_worker_database()
    # WhiteNoise warns that collectstatic never ran; the measured pages do not serve static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    call_command("migrate", verbosity=0)
    # Production settings for the measurements: no query log, no template debug information.
    settings.DEBUG = False
    corpus = Corpus(build_templates(), articles)
    import_figures, import_facts = measure_import(corpus, db_path, progress)
    page_figures, facts = measure_pages(requests, progress)
    # Export figures last, as in DESIGN.md's table.
    figures = sorted(import_figures + page_figures, key=lambda f: f.key.startswith("export"))
    report = {"corpus": {**facts, **import_facts}, "figures": [asdict(f) for f in figures]}
    result.write_text(json.dumps(report, indent=2))
