"""Score quote, speaker and metadata extraction against gold annotations (docs/gold-format.md)."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.measure import extraction


class Command(BaseCommand):
    help = (
        'For each gold JSON file in --gold, parse the document its "file" field names (from --docs, default '
        "seeds/), score quotes (precision, recall, F1), attribution, speakers and metadata, and print a table "
        "per file, the totals and the speakers quoted in two or more articles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold JSON files")
        parser.add_argument("--docs", type=Path, metavar="DIR", help="folder of the documents (default: seeds/)")
        parser.add_argument(
            "--json", dest="json_path", type=Path, metavar="FILE", help="also write per-file scores and totals here"
        )
        parser.add_argument("--details", action="store_true", help="list every miss under its file")

    def handle(self, *args, gold: Path, docs: Path | None, json_path: Path | None, details: bool, **options):
        docs = docs if docs is not None else Path(settings.BASE_DIR) / "seeds"
        if not gold.is_dir():
            raise CommandError(f"{gold} is not a folder")
        if not extraction.gold_files(gold):
            raise CommandError(f"no gold JSON files in {gold}")
        run = extraction.evaluate(gold, docs)
        for problem in run.problems:
            self.stderr.write(f"skipped {problem}")
        for line in extraction.report(run.scores, extraction.recurring_speakers(run.articles), details):
            self.stdout.write(line)
        if json_path is not None:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(json.dumps(run.as_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {json_path}")
