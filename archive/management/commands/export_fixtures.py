"""Write the archive as a JSON fixture that `loaddata` restores into any database."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from archive.fixtures_export import EXPORTED_MODELS, NOT_EXPORTED, write_fixture

__all__ = ["EXPORTED_MODELS", "NOT_EXPORTED", "Command"]


class Command(BaseCommand):
    help = "Export the archive to fixtures/archive.json: stable order, natural keys, UTF-8, streamed."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=Path(settings.BASE_DIR) / "fixtures" / "archive.json")

    def handle(self, *args, output: Path, **options):
        output.parent.mkdir(parents=True, exist_ok=True)
        # Written record by record as the rows are read (fixtures_export.py): memory does not grow with the archive.
        with output.open("w", encoding="utf-8", newline="\n") as stream:
            write_fixture(stream)
        self.stdout.write(f"Wrote {output}")
