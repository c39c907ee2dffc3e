"""The measuring worker: import the synthetic corpus, then time the pages, the search and the admin.

It runs in a process of its own on the fresh SQLite file the parent (report.py) chose.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ... import search, search_query, search_sqlite
from ...batch_loading import load_in_batches
from ...import_parsing import parse_files
from ...ingest.pipeline import parse_document
from ...loading import FAILED, ArchiveLoader
from ...models import Article, Quote, Speaker, Topic
from ...planner_statistics import refresh_after_import
from .corpus import Corpus, build_templates
from .report import Figure, check_worker_database, p95, peak_memory_mb, run_in_subprocess
from .stages import stage_costs
from .versus_datasette import datasette_figures, installed

PARSE_SAMPLE = 2000  # documents parsed without a database, for the parse-only rate
STAGE_SAMPLE = 300  # documents parsed stage by stage, for the cost of each stage
IMPORT_JOBS = min(os.cpu_count() or 1, 2)  # parsing workers for the second half of the import (the target: 2 cores)
FILES_PER_CHUNK = 1000  # documents written to disk at a time for the import to read

PAGE_TARGET, ADMIN_TARGET = 50.0, 200.0  # p95 in ms, docs/architecture.md
SEARCH_TERMS = (("security", "~10% of quotes"), ("Azerbaijan", "~50% of quotes"))
TIME_BUDGET = 10.0  # seconds of requests per page at most: a slow page still gets 5 samples, not 30 minutes
# Pages whose SQL queries are counted, at the normal page size and at five times it.
COUNTED = {"home", "article_list", "article_detail", "speaker_list", "speaker_detail", "quote_list",
           "quote_list_speaker", "quote_detail", "topic_list", "topic_detail"}  # fmt: skip


def measure_import(corpus: Corpus, scratch: Path, progress: Callable[[str], None]) -> tuple[list[Figure], dict]:
    """Parse-only rate and each stage's cost, then the import of the whole corpus: the first half with one
    process parsing and writing (--jobs 1), the second with IMPORT_JOBS parsing workers and one writer, each
    exporting fixtures when done (at half and full size)."""

    sample = min(corpus.size, PARSE_SAMPLE)
    started = time.perf_counter()
    for name, data in corpus.documents(0, sample):
        parse_document(data, name)
    parse_rate = sample / (time.perf_counter() - started)
    progress(f"parse only: {parse_rate:,.0f} articles/s over {sample:,} documents")
    stages = stage_costs(corpus.documents(0, min(sample, STAGE_SAMPLE)))

    loader, errors, first_error, exports, rates = ArchiveLoader(), 0, "", [], {}
    actions, load_seconds, loaded = Counter(), 0.0, 0
    halves = ((0, corpus.size // 2, 1), (corpus.size // 2, corpus.size, IMPORT_JOBS))
    for start, stop, jobs in halves:
        seconds = 0.0
        for chunk in range(start, stop, FILES_PER_CHUNK):
            files = write_documents(corpus, chunk, min(chunk + FILES_PER_CHUNK, stop), scratch)
            # Writing the files is not the import's cost: parse (in the pool) + load are timed.
            began = time.perf_counter()
            parsing = Stopwatch(parse_files(files, jobs, settings.ARCHIVE_MAX_FILE_BYTES, loader.preparer))
            for _, outcome in load_in_batches(loader, parsing):
                actions[outcome.action] += 1
                if outcome.action == FAILED:
                    errors += 1
                    first_error = first_error or outcome.reason
            chunk_seconds = time.perf_counter() - began
            seconds += chunk_seconds
            if jobs == 1:  # one process: what is not parsing (and preparing) is the writer's
                load_seconds, loaded = load_seconds + chunk_seconds - parsing.seconds, loaded + len(files)
            for path in files:
                path.unlink()
            done = min(chunk + FILES_PER_CHUNK, stop)
            rate = (done - start) / seconds
            progress(f"imported {done:,} of {corpus.size:,} (--jobs {jobs}: {rate:,.1f} articles/s)")
        rates[jobs] = (stop - start) / seconds
        exports.append((stop, *export_fixtures_memory(scratch)))
    # RUSAGE_SELF leaves out the export's child process (and the parsing workers): the writer alone.
    peak = peak_memory_mb(resource.getrusage(resource.RUSAGE_SELF))
    import_rate = rates[IMPORT_JOBS]
    share = 100 * import_rate / (parse_rate * IMPORT_JOBS)
    share_one = 100 * rates[1] / parse_rate
    figures = [
        Figure("parse_rate", "parse-only throughput per core (no database)", parse_rate, "articles/s", "reported",
               None),
        *(Figure(f"stage_{stage}", f"cost per article: {stage}", ms, "ms", "reported", None)
          for stage, ms in stages.items()),
        Figure("stage_load", "cost per article: load (writer, --jobs 1)", 1000 * load_seconds / max(loaded, 1), "ms",
               "reported", None),
        Figure("import_rate_1", "import throughput, end to end, --jobs 1", rates[1], "articles/s",
               ">= 80% of parse-only", share_one >= 80, f"{share_one:.0f}% of parse-only"),
        Figure("import_rate", f"import throughput, end to end, --jobs {IMPORT_JOBS}", import_rate, "articles/s",
               ">= 1,000 articles/s", import_rate >= 1000),
        Figure("import_share", f"--jobs {IMPORT_JOBS} as a share of parse-only x {IMPORT_JOBS} cores", share, "%",
               ">= 80%", share >= 80),
        Figure("import_peak_memory", "peak memory of the import's writer (maxrss)", peak, "MB",
               "<= 300 MB whatever N", peak <= 300),
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


class Stopwatch:
    """An iterable passed through, with the time spent producing its items (parsing, when it is parse_files)."""

    def __init__(self, items: Iterable) -> None:
        self.items, self.seconds = iter(items), 0.0

    def __iter__(self) -> Iterator:
        while True:
            began = time.perf_counter()
            try:
                item = next(self.items)
            except StopIteration:
                self.seconds += time.perf_counter() - began
                return
            self.seconds += time.perf_counter() - began
            yield item


def write_documents(corpus: Corpus, start: int, stop: int, folder: Path) -> list[Path]:
    """Documents start..stop as files, for the import to read as import_seeds does."""
    files = []
    for name, data in corpus.documents(start, stop):
        path = folder / name
        path.write_bytes(data)
        files.append(path)
    return files


def export_fixtures_memory(scratch: Path) -> tuple[float | None, float]:
    """Peak memory (MB) and seconds of export_fixtures run on the benchmark database in a process of its own."""
    output = scratch / "export.json"
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
        "top_speaker_pk": speaker.pk if speaker else None,
        "top_speaker_quotes": top["n"] if top else 0,
        "topic_slug": Topic.objects.get(pk=topic["topic"]).slug if topic else Topic.objects.first().slug,
        "outlet": outlet["outlet"] if outlet else "",
        "article_slug": Article.objects.order_by("pk")[articles // 2].slug,
        "quote_public_id": Quote.objects.order_by("pk").values_list("public_id", flat=True)[quotes // 2],
    }


def public_pages(facts: dict) -> list[tuple[str, str, str]]:
    quotes = reverse("quote_list")
    speaker_slug = facts["top_speaker_slug"]
    speaker = reverse("speaker_detail", args=[speaker_slug])
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
        ("speaker_feed", "Atom feed of the most quoted speaker", reverse("speaker_feed", args=[speaker_slug])),
        ("topic_feed", "Atom feed of the biggest topic", reverse("topic_feed", args=[facts["topic_slug"]])),
    ]


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
    """SQL queries of one GET, with the page size multiplied by factor."""
    size = settings.ARCHIVE_PAGE_SIZE * factor
    with override_settings(ARCHIVE_PAGE_SIZE=size), CaptureQueriesContext(connection) as queries:
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
    """The search page, newest first and best first, for a term in about a tenth of the quotes (the design's
    80,000 in a million) and one in half of them; best first is compared with its bare FTS5 query."""
    figures = []
    page = reverse("search")
    for term, share in SEARCH_TERMS:
        url = page + "?" + urlencode({"q": term})
        progress(f"measuring search for {term!r}")
        value, detail = time_page(client, url, requests)
        label = f"p95, search “{term}” ({share}), newest first"
        figures.append(latency(f"search_date_{term}", label, value, detail, PAGE_TARGET))
        best, detail = time_page(client, url + "&order=relevance", requests)
        bare = bare_fts_ms(term, requests) if best is not None and connection.vendor == "sqlite" else None
        ratio = best / bare if best is not None and bare else None
        if ratio is not None:
            detail = f"page {best:.1f} ms, bare FTS query {bare:.1f} ms"
        label, ok = f"search “{term}” best first / bare FTS query", None if ratio is None else ratio <= 1.5
        figures.append(Figure(f"search_relevance_{term}", label, ratio, "x", "<= 1.5x the bare FTS query", ok, detail))
    term = SEARCH_TERMS[0][0]
    url = page + "?" + urlencode({"q": term, "type": "articles"})
    value, detail = time_page(client, url, requests)
    figures.append(
        latency("search_articles", f"p95, article search “{term}”, newest first", value, detail, PAGE_TARGET)
    )
    return figures


def bare_fts_ms(term: str, requests: int) -> float | None:
    """p95 of the FTS5 ranking query alone (first page of 20)."""
    fts, match = search.QUOTES.fts, search_sqlite.fts5_query(search_query.parse(term))
    sql = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY rank LIMIT 20"
    samples = []
    with connection.cursor() as cursor:
        for _ in range(requests + 1):
            began = time.perf_counter()
            cursor.execute(sql, [match])
            cursor.fetchall()
            samples.append(1000 * (time.perf_counter() - began))
    return p95(samples[1:])


def admin_figures(requests: int, progress: Callable[[str], None]) -> list[Figure]:
    user = get_user_model().objects.create_superuser("benchmark", "benchmark@example.invalid", None)
    client = Client()
    client.force_login(user)
    figures = []
    for model in (Quote, Article, Speaker):
        name = model._meta.model_name
        url = reverse(f"admin:archive_{name}_changelist")
        progress(f"measuring {url}")
        value, detail = time_page(client, url, requests)
        figures.append(latency(f"admin_{name}", f"p95, admin change list, {name}", value, detail, ADMIN_TARGET))
    return figures


def run_worker(articles: int, requests: int, result: Path, progress: Callable[[str], None]) -> None:
    """The measuring half of the command, on the fresh database its parent chose; writes the report as JSON."""
    db_path = check_worker_database()
    # WhiteNoise warns that collectstatic never ran; the measured pages do not serve static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    call_command("migrate", verbosity=0)
    if Article.objects.exists():
        raise RuntimeError("the benchmark builds its own archive: the database must be empty")
    # Production settings for the measurements: no query log, no template debug information.
    settings.DEBUG = False
    corpus = Corpus(build_templates(), articles)
    with tempfile.TemporaryDirectory(prefix="archive-benchmark-files-") as scratch:
        import_figures, import_facts = measure_import(corpus, Path(scratch), progress)
    refresh_after_import()  # as import_seeds does after writing rows
    page_figures, facts = measure_pages(requests, progress)
    if db_path is not None and installed():
        ours = {f.key: f.value for f in page_figures}
        page_figures += datasette_figures(db_path, facts, ours, requests, progress)
    # Export figures last, as in the table of targets.
    figures = sorted(import_figures + page_figures, key=lambda f: f.key.startswith("export"))
    described = {**facts, **import_facts, "database": connection.vendor}
    report = {"corpus": described, "figures": [asdict(f) for f in figures]}
    result.write_text(json.dumps(report, indent=2))
