"""Build a synthetic archive of N seed-like articles in a temporary SQLite file; print the performance table."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.measure.benchmark import report as reporting
from archive.measure.benchmark import timing


class Command(BaseCommand):
    help = (
        "Measure import speed, page latencies, query counts and export memory on a synthetic archive of N "
        "seed-like articles, built in a temporary SQLite file or an empty database given by --database (never the "
        "configured database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="size of the synthetic archive (default 2000)")
        parser.add_argument("--requests", type=int, default=30, help="requests per page for the p95 (default 30)")
        parser.add_argument("--json", dest="json_path", type=Path, help="also write the figures to this JSON file")
        parser.add_argument("--keep", type=Path, metavar="DB_PATH", help="build the archive here and keep it")
        parser.add_argument(
            "--database",
            metavar="URL",
            help="build the archive in this empty database instead (e.g. postgres://user@host/name); it is kept",
        )
        # The measuring half, run by the command itself in a subprocess pointed at the temporary database.
        parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)

    def handle(self, *args, articles, requests, json_path, keep, database, worker, result, **options):
        if articles < 2 or requests < 1:
            raise CommandError("--articles must be at least 2 and --requests at least 1")
        if worker:
            try:
                timing.run_worker(articles, requests, result, self.progress)
            except RuntimeError as exc:
                raise CommandError(str(exc)) from None
            return
        if keep is not None:
            self.check_keep(keep)
        if database and database == os.environ.get("DATABASE_URL"):
            raise CommandError("--database must not be the configured database")
        try:
            report = reporting.run_benchmark(articles, requests, keep, database, self.progress)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(reporting.render_table(report))
        if json_path is not None:
            json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
            self.stdout.write(f"Wrote {json_path}")

    def check_keep(self, keep: Path):
        default = Path(str(settings.DATABASES["default"].get("NAME", ""))).resolve()
        if keep.resolve() == default:
            raise CommandError("--keep must not be the configured database")
        if keep.exists():
            raise CommandError(f"{keep} exists: the benchmark builds a fresh archive; remove it or pick another path")

    def progress(self, message: str):
        self.stderr.write(message)
