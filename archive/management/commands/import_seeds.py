"""Import article files (page copies and HTML pages) into the archive."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from archive.ingest import find_documents
from archive.loading import FAILED, UNCHANGED, ArchiveLoader, ImportOutcome, import_file, printable

PROGRESS_EVERY = 500


class Command(BaseCommand):
    help = "Import article files and folders (default: seeds/). Re-running it creates nothing new."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders (.txt, .html, .htm, .html.gz)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args, paths: list[Path], dry_run: bool, verbosity: int, **options):
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
        for number, path in enumerate(files, 1):
            outcome = import_file(loader, path, settings.ARCHIVE_MAX_FILE_BYTES, dry_run=dry_run)
            self.report(path, outcome, counts, dry_run, verbosity)
            if number % PROGRESS_EVERY == 0 and verbosity >= 1:
                self.stderr.write(f"… {number:,} of {len(files):,} files")
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
