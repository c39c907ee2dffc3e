"""Import article files (page copies and HTML pages) into the archive."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from archive.batch_loading import load_in_batches
from archive.import_parsing import parse_files, printable
from archive.ingest import find_documents
from archive.loading import FAILED, UNCHANGED, ArchiveLoader, ImportOutcome
from archive.planner_statistics import refresh_after_import

PROGRESS_SECONDS = 1.0  # how often a terminal's progress line is redrawn


class Command(BaseCommand):
    help = "Import article files and folders (default: seeds/). Re-running it creates nothing new."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders (.txt, .html, .htm, .html.gz)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="processes that parse files while this one writes them (default: the number of cores)",
        )

    def handle(self, *args, paths: list[Path], dry_run: bool, jobs: int, verbosity: int, **options):
        if jobs < 1:
            raise CommandError("--jobs must be at least 1")
        paths = paths or [Path(settings.BASE_DIR) / "seeds"]
        files, problems = find_documents(paths)
        counts = Counter()
        for path, reason in problems:
            self.report(path, ImportOutcome(FAILED, reason=reason), counts, dry_run, verbosity)
        try:
            loader = ArchiveLoader()
        except DatabaseError as exc:
            # The usual cause is a database never migrated; a traceback would hide the one line that matters.
            raise CommandError(
                f"the database cannot be read ({type(exc).__name__}: {exc}); run `manage.py migrate` first?",
                returncode=1,
            ) from None
        progress = Progress(self.stderr, len(files)) if verbosity >= 1 and self.stderr.isatty() else None
        # The workers parse and prepare; this process writes, many articles per transaction.
        parsed = parse_files(files, jobs, settings.ARCHIVE_MAX_FILE_BYTES, loader.preparer)
        for path, outcome in load_in_batches(loader, parsed, dry_run=dry_run):
            self.report(path, outcome, counts, dry_run, verbosity)
            if progress:
                progress.step()
        if progress:
            progress.done()
        if not dry_run and counts["created"] + counts["updated"]:
            refresh_after_import()
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['skipped']} skipped, {counts['errors']} errors"
        )
        if counts["errors"]:
            raise CommandError(f"{counts['errors']} file(s) could not be imported", returncode=1)

    def report(self, path: Path, outcome: ImportOutcome, counts: Counter, dry_run: bool, verbosity: int):
        if outcome.action == FAILED:
            counts["errors"] += 1
            counts["skipped"] += 1
            # One line, no traceback: the file and the reason are what the user can act on.
            reason = printable(" ".join(outcome.reason.split()))
            self.stderr.write(self.style.ERROR(f"{printable(path)}: {reason}"))
            sys.stderr.flush()
            return
        counts[outcome.action] += 1
        if verbosity >= 2 or (dry_run and outcome.action != UNCHANGED):
            detail = f", {outcome.quotes_flagged} curated quote(s) lost their text" if outcome.quotes_flagged else ""
            self.stdout.write(f"{printable(path)}: {outcome.action}, {outcome.quotes} quotes{detail}")


class Progress:
    """A line redrawn on a terminal at most once a second: files done, the rate, and the time left."""

    def __init__(self, stream, total: int):
        self.stream, self.total, self.done_count = stream, total, 0
        self.started = self.shown = time.monotonic()

    def step(self) -> None:
        self.done_count += 1
        now = time.monotonic()
        if now - self.shown >= PROGRESS_SECONDS:
            self.shown = now
            rate = self.done_count / (now - self.started)
            left = (self.total - self.done_count) / rate if rate else 0
            self.stream.write(
                f"\r{self.done_count:,} of {self.total:,} files, {rate:,.1f}/s, {format_seconds(left)} left ",
                ending="",
            )
            self.stream.flush()

    def done(self) -> None:
        if self.shown != self.started:
            self.stream.write("")  # end the progress line


def format_seconds(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
