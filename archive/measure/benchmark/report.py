"""The benchmark's figures, the table it prints, and the parent process that runs the measuring worker.

The command runs in two processes. The parent picks a fresh SQLite file, starts ``manage.py benchmark --worker``
with ``DATABASE_URL`` pointing there (so the user's database is never opened), and prints the worker's figures as a
table. The worker (timing.py) migrates the empty file, generates documents, parses and imports them, and measures
the pages.
"""

from __future__ import annotations

import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

MANAGE_PY = Path(settings.BASE_DIR) / "manage.py"
DB_CHECK_VARIABLE = "ARCHIVE_BENCHMARK_DB"  # set by the parent; the worker refuses to run on any other database


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
        f"quotes); {corpus.get('database', 'sqlite')}; "
        f"import: {corpus['import_actions']}, {corpus['import_errors']} errors"
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


def worker_environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        **{DB_CHECK_VARIABLE: database_url},
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


def run_benchmark(articles: int, requests: int, keep: Path | None, database: str | None,
                  progress: Callable[[str], None]) -> dict:  # fmt: skip
    """Build and measure the synthetic archive in a worker process on a fresh SQLite file (or the empty database
    at `database`); returns its report."""
    with tempfile.TemporaryDirectory(prefix="archive-benchmark-") as tmp:
        db_path = keep.resolve() if keep else Path(tmp) / "benchmark.sqlite3"
        url = database or f"sqlite:///{db_path}"
        result = Path(tmp) / "report.json"
        args = ["benchmark", "--worker", "--articles", str(articles), "--requests", str(requests)]
        progress(f"Building {articles:,} synthetic articles in {database or db_path}")
        status, _, _ = run_in_subprocess([*args, "--result", str(result)], worker_environment(url))
        if status != 0 or not result.exists():
            raise RuntimeError(f"the benchmark worker failed (exit status {status}); see its output above")
        return json.loads(result.read_text())


def check_worker_database() -> Path | None:
    """The worker's SQLite file (None for another database), after making sure it is the one its parent chose."""
    expected = os.environ.get(DB_CHECK_VARIABLE)
    if not expected or os.environ.get("DATABASE_URL") != expected:
        raise RuntimeError("the benchmark worker only runs on the database its parent chose")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return None
    name = Path(str(settings.DATABASES["default"]["NAME"]))
    if f"sqlite:///{name}" != expected:
        raise RuntimeError("the benchmark worker only runs on the SQLite file its parent chose")
    return name
