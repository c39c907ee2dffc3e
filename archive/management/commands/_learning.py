"""What the commands that relearn a table from gold-annotated articles share (build_given_names, build_role_words):
their arguments and the reading of each gold file with the text it names. Not a command (the leading underscore)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class LearningCommand(BaseCommand):
    default_output: Path  # the table the ingest module reads

    def add_arguments(self, parser):
        self.add_source_arguments(parser)
        parser.add_argument("--docs", type=Path, metavar="DIR", help="folder of the texts (default: --gold)")
        parser.add_argument("--output", type=Path, default=self.default_output, metavar="FILE")

    def add_source_arguments(self, parser):
        """Where the table is learnt from; a command with another source puts both in one required choice."""
        parser.add_argument("--gold", type=Path, required=True, metavar="DIR", help="e.g. ../shared/polnear/train")

    def handle(self, *args, gold: Path, docs: Path | None, output: Path, **options):
        paths = sorted(gold.glob("*.json"))
        if not paths:
            raise CommandError(f"no gold JSON files in {gold}")
        summary = self.learn(gold_documents(paths, docs or gold), output)
        self.stdout.write(f"{summary} from {len(paths)} files")
        self.stdout.write(f"Wrote {output}")

    def learn(self, documents: Iterator[tuple[str, dict]], output: Path) -> str:
        """Learn the table from (text, gold record) pairs, write it to output, and say what it holds."""
        raise NotImplementedError


def gold_documents(paths: list[Path], docs: Path) -> Iterator[tuple[str, dict]]:
    """(text, gold record) for each gold file whose text is in docs."""
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        text_path = docs / record.get("file", "")
        if text_path.is_file():
            yield text_path.read_text(encoding="utf-8"), record
