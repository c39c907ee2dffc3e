"""An article-extraction-benchmark folder in, each engine's body scores out: our importer next to trafilatura's.

The folder holds ``html/<id>.html.gz`` (or ``.html``) and ``ground-truth.json`` mapping ``<id>`` to
``{"articleBody": ...}``, the layout of scrapinghub/article-extraction-benchmark. Every engine reads the same pages in
the same run, so library versions and page sets cannot differ between the rows compared.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import trafilatura
from bs4 import BeautifulSoup

from ..ingest import read
from ..ingest.layout import html_scorer
from ..ingest.layout.html_page import parse_html
from . import body_score


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    truth: str


@dataclass
class EngineRun:
    name: str
    scores: body_score.Scores
    exceptions: int
    seconds: float
    pages: dict[str, dict] = field(default_factory=dict)  # id -> precision, recall, exact, error


def _trafilatura(**options) -> Callable[[str], str]:
    def extract(html: str) -> str:
        return trafilatura.extract(html, include_comments=False, **options) or ""

    return extract


def _own_scorer(html: str) -> str:
    return html_scorer.extract(BeautifulSoup(html, "lxml")).text


# The importer first; then trafilatura as the benchmark runs it (tables included by default), its two modes and
# both without tables; then our own scorer alone, to show what it brings without trafilatura to reconcile with.
ENGINES: dict[str, Callable[[str], str]] = {
    "parse_html": lambda html: parse_html(html).body,
    "trafilatura": _trafilatura(),
    "trafilatura precision": _trafilatura(favor_precision=True),
    "trafilatura recall": _trafilatura(favor_recall=True),
    "trafilatura no tables": _trafilatura(include_tables=False),
    "trafilatura precision no tables": _trafilatura(favor_precision=True, include_tables=False),
    "own scorer only": _own_scorer,
}


def versions() -> str:
    return f"trafilatura {metadata.version('trafilatura')}, beautifulsoup4 {metadata.version('beautifulsoup4')}"


def load(folder: Path, limit: int | None = None) -> tuple[list[Page], list[str]]:
    """The pages with a ground truth, in name order, and one line per page that could not be used."""
    truths = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    files = sorted(p for p in (folder / "html").iterdir() if p.name.endswith((".html.gz", ".html")))
    pages: list[Page] = []
    problems: list[str] = []
    for path in files:
        if limit is not None and len(pages) >= limit:
            break
        page_id = path.name.removesuffix(".gz").removesuffix(".html")
        if page_id not in truths:
            problems.append(f"{path.name}: no ground truth")
            continue
        try:
            html = read.decode(read.read_bytes(path))
        except read.UnreadableDocument as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        pages.append(Page(id=page_id, html=html, truth=truths[page_id].get("articleBody") or ""))
    return pages, problems


def run(pages: list[Page], engines: dict[str, Callable[[str], str]] | None = None) -> list[EngineRun]:
    runs = []
    for name, engine in (engines or ENGINES).items():
        scored: list[body_score.PageScore] = []
        details: dict[str, dict] = {}
        exceptions = 0
        started = time.perf_counter()
        for page in pages:
            error = ""
            try:
                predicted = engine(page.html)
            except Exception as exc:  # counted and shown: one engine failing a page must not end the run
                exceptions += 1
                error = f"{type(exc).__name__}: {exc}"[:200]
                predicted = ""
            score = body_score.score_page(page.truth, predicted)
            scored.append(score)
            details[page.id] = {"precision": score.precision, "recall": score.recall, "exact": score.exact}
            if error:
                details[page.id]["error"] = error
        seconds = time.perf_counter() - started
        runs.append(EngineRun(name, body_score.aggregate(scored), exceptions, seconds, details))
    return runs


HEADER = ("engine", "pages", "exceptions", "F1", "precision", "recall", "accuracy", "seconds")


def table(runs: list[EngineRun]) -> list[str]:
    """A fixed-width table, one line per engine."""
    width = max([len(HEADER[0])] + [len(r.name) for r in runs])
    lines = [f"{HEADER[0]:<{width}}  " + "  ".join(f"{h:>10}" for h in HEADER[1:])]
    for r in runs:
        s = r.scores
        cells = (s.pages, r.exceptions, f"{s.f1:.4f}", f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.accuracy:.4f}")
        lines.append(f"{r.name:<{width}}  " + "  ".join(f"{c:>10}" for c in cells) + f"  {r.seconds:>10.1f}")
    return lines


def as_json(runs: list[EngineRun]) -> dict:
    return {
        "engines": [
            {
                "engine": r.name,
                "pages": r.scores.pages,
                "exceptions": r.exceptions,
                "f1": r.scores.f1,
                "precision": r.scores.precision,
                "recall": r.scores.recall,
                "accuracy": r.scores.accuracy,
                "seconds": round(r.seconds, 3),
            }
            for r in runs
        ],
        "pages": {r.name: r.pages for r in runs},
    }
