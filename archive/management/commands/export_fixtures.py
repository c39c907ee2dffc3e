"""Write the archive as a JSON fixture that `loaddata` restores into any database."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Parents before children, so that a plain loaddata resolves every natural key on the way.
EXPORTED_MODELS = ["archive.topic", "archive.speaker", "archive.speakeralias", "archive.article", "archive.quote"]


class Command(BaseCommand):
    help = "Export the archive to fixtures/archive.json: stable order, natural keys, UTF-8, streamed."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=Path(settings.BASE_DIR) / "fixtures" / "archive.json")

    def handle(self, *args, output: Path, **options):
        output.parent.mkdir(parents=True, exist_ok=True)
        # dumpdata walks each table in primary-key order with a server-side iterator, so memory stays flat.
        call_command(
            "dumpdata",
            *EXPORTED_MODELS,
            natural_foreign=True,
            natural_primary=True,
            indent=2,
            output=str(output),
            verbosity=0,
        )
        with output.open("rb+") as handle:
            # dumpdata ends without a newline; add one so the file is a well-formed text file.
            handle.seek(-1, 2)
            if handle.read(1) != b"\n":
                handle.write(b"\n")
        self.stdout.write(f"Wrote {output}")
