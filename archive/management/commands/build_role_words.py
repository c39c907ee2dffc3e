"""Learn the role-word table (archive/ingest/language/role_words.tsv) from gold-annotated articles."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.language import role_words


class Command(BaseCommand):
    help = (
        'Read every gold JSON file in --gold and the text its "file" field names (from --docs, default the same '
        'folder), learn which capitalised words before a speaker\'s full name are roles ("Actor", '
        '"Assemblywoman"), and write role_words.tsv.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, required=True, metavar="DIR", help="e.g. ../shared/polnear/train")
        parser.add_argument("--docs", type=Path, metavar="DIR", help="folder of the texts (default: --gold)")
        parser.add_argument("--output", type=Path, default=role_words.TABLE, metavar="FILE")

    def handle(self, *args, gold: Path, docs: Path | None, output: Path, **options):
        import json

        docs = docs or gold
        paths = sorted(gold.glob("*.json"))
        if not paths:
            raise CommandError(f"no gold JSON files in {gold}")

        def documents():
            for path in paths:
                record = json.loads(path.read_text(encoding="utf-8"))
                text_path = docs / record.get("file", "")
                if text_path.is_file():
                    yield text_path.read_text(encoding="utf-8"), record

        table = role_words.learn(documents())
        role_words.write(table, output)
        self.stdout.write(f"{len(table)} role words from {len(paths)} files")
        self.stdout.write(f"Wrote {output}")
