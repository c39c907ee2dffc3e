"""Score quote, speaker and metadata extraction against gold annotations (docs/gold-format.md)."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.measure import error_classes, extraction, extraction_report


class Command(BaseCommand):
    help = (
        'For each gold JSON file in --gold, parse the document its "file" field names (from --docs, default '
        "seeds/), score quotes (precision, recall, F1), attribution, speakers and metadata, and print a table "
        "per file, the totals, the errors by class and the speakers quoted in two or more articles; or, with "
        "--compare, what changed between two --json runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, metavar="DIR", help="folder of gold JSON files")
        parser.add_argument("--docs", type=Path, metavar="DIR", help="folder of the documents (default: seeds/)")
        parser.add_argument(
            "--json", dest="json_path", type=Path, metavar="FILE", help="also write per-file scores and totals here"
        )
        parser.add_argument("--details", action="store_true", help="list every miss under its file")
        parser.add_argument(
            "--compare",
            nargs=2,
            type=Path,
            metavar=("BEFORE", "AFTER"),
            help="instead of scoring, compare two --json runs: totals, error classes, misses fixed and new",
        )

    def handle(self, *args, gold, docs, json_path, details, compare, **options):
        if compare:
            try:
                before, after = (json.loads(path.read_text(encoding="utf-8")) for path in compare)
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot read a run to compare: {exc}") from exc
            for line in error_classes.compare(before, after):
                self.stdout.write(line)
            return
        if gold is None:
            raise CommandError("--gold DIR is required (or --compare BEFORE.json AFTER.json)")
        docs = docs if docs is not None else Path(settings.BASE_DIR) / "seeds"
        if not gold.is_dir():
            raise CommandError(f"{gold} is not a folder")
        if not extraction.gold_files(gold):
            raise CommandError(f"no gold JSON files in {gold}")
        run = extraction.evaluate(gold, docs)
        for problem in run.problems:
            self.stderr.write(f"skipped {problem}")
        for line in extraction_report.report(run.scores, extraction.recurring_speakers(run.articles), details):
            self.stdout.write(line)
        if json_path is not None:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(json.dumps(run.as_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {json_path}")
