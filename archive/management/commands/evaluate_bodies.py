"""Score the HTML body extraction on an article-extraction-benchmark folder, ours next to trafilatura's."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.measure import bodies


class Command(BaseCommand):
    help = (
        "Extract the article body of every page in DIR/html/ with parse_html and with trafilatura, score each "
        "against DIR/ground-truth.json (shingle F1, precision, recall, exact accuracy) and print a table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--aeb", type=Path, required=True, metavar="DIR", help="benchmark folder")
        parser.add_argument(
            "--json", dest="json_path", type=Path, metavar="FILE", help="also write totals and per-page scores here"
        )
        parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages (in name order)")

    def handle(self, *args, aeb: Path, json_path: Path | None, limit: int | None, **options):
        if not (aeb / "ground-truth.json").is_file() or not (aeb / "html").is_dir():
            raise CommandError(f"{aeb} needs ground-truth.json and an html/ folder")
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1")
        try:
            pages, problems = bodies.load(aeb, limit)
        except ValueError as exc:
            raise CommandError(f"ground-truth.json is not valid JSON: {exc}") from None
        for problem in problems:
            self.stderr.write(f"skipped {problem}")
        if not pages:
            raise CommandError(f"no readable page with a ground truth in {aeb}")
        runs = bodies.run(pages)
        for line in bodies.table(runs):
            self.stdout.write(line)
        self.stdout.write(f"{len(pages)} pages of {aeb}; {bodies.versions()}")
        if json_path is not None:
            write_json(json_path, bodies.as_json(runs))
            self.stdout.write(f"Wrote {json_path}")


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
