"""Import article files (page copies and HTML pages) into the archive."""

from __future__ import annotations

import os
import sys
import warnings
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from archive.ingest import read
from archive.ingest.pipeline import parse_document
from archive.loading import ArchiveLoader

PROGRESS_EVERY = 500


class DryRunRollback(Exception):
    """Raised inside the transaction of a dry run so that nothing is written."""


def shown(path: Path | str) -> str:
    """A path as printable text: a file name that is not valid UTF-8 must not stop the import, nor the output."""
    return os.fsencode(path).decode("utf-8", errors="replace")


class Command(BaseCommand):
    help = "Import article files and folders (default: seeds/). Re-running it creates nothing new."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders (.txt, .html, .htm, .html.gz)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args, paths: list[Path], dry_run: bool, verbosity: int, **options):
        paths = paths or [Path(settings.BASE_DIR) / "seeds"]
        files, problems = read.find_documents(paths)
        counts = Counter()
        for path, reason in problems:
            self.report_error(path, reason, counts)
        try:
            loader = ArchiveLoader()
        except DatabaseError as exc:
            # The usual cause is a database never migrated; a traceback would hide the one line that matters.
            raise CommandError(
                f"the database cannot be read ({type(exc).__name__}: {exc}); run `manage.py migrate` first?",
                returncode=1,
            ) from None
        for number, path in enumerate(files, 1):
            self.import_one(loader, path, dry_run, verbosity, counts)
            if number % PROGRESS_EVERY == 0 and verbosity >= 1:
                self.stderr.write(f"… {number:,} of {len(files):,} files")
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['skipped']} skipped, {counts['errors']} errors"
        )
        if counts["errors"]:
            raise CommandError(f"{counts['errors']} file(s) could not be imported", returncode=1)

    def import_one(self, loader: ArchiveLoader, path: Path, dry_run: bool, verbosity: int, counts: Counter):
        try:
            data = read.read_bytes(path, settings.ARCHIVE_MAX_FILE_BYTES)
            # Parsers of third-party pages warn about odd markup (bs4's "looks like a file name"): the user
            # acts on a file's line, not on a library's warning, and the page is still read.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed = parse_document(data, shown(path.name))
        except read.UnreadableDocument as exc:
            self.report_error(path, str(exc), counts)
            return
        except Exception as exc:  # noqa: BLE001 - one bad file must never stop the others
            self.report_error(path, f"could not be parsed ({type(exc).__name__}: {exc})", counts)
            return
        try:
            with transaction.atomic():
                result = loader.load(parsed)
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except Exception as exc:  # noqa: BLE001 - the article's transaction is rolled back; the others go on
            self.report_error(path, f"could not be saved ({type(exc).__name__}: {exc})", counts)
            return
        counts[result.action] += 1
        if verbosity >= 2 or (dry_run and result.action != "unchanged"):
            detail = f", {result.quotes_flagged} curated quote(s) lost their text" if result.quotes_flagged else ""
            self.stdout.write(f"{shown(path)}: {result.action}, {len(parsed.quotes)} quotes{detail}")

    def report_error(self, path: Path, reason: str, counts: Counter):
        counts["errors"] += 1
        counts["skipped"] += 1
        # One line, no traceback: the file and the reason are what the user can act on.
        reason = " ".join(reason.split())
        self.stderr.write(self.style.ERROR(f"{shown(path)}: {reason}"))
        sys.stderr.flush()
