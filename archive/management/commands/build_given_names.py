"""Learn the given-name pronoun table (archive/ingest/language/given_names.tsv) from gold-annotated articles, or with
--census DIR build census_given_names.tsv from the 1990 Census name files in DIR."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from archive.ingest.language import given_names

from ._learning import LearningCommand


class Command(LearningCommand):
    help = (
        'Read every gold JSON file in --gold and the text its "file" field names (from --docs, default the same '
        "folder), learn which given names the articles call he or she, and write given_names.tsv."
    )
    default_output = given_names.TABLE

    def add_source_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--gold", type=Path, metavar="DIR", help="e.g. ../shared/polnear/train")
        source.add_argument(
            "--census",
            type=Path,
            metavar="DIR",
            help="instead, a folder with dist.male.first, dist.female.first and dist.all.last (1990 US Census)",
        )

    def handle(self, *args, census: Path | None = None, **options):
        if census is None:
            return super().handle(*args, **options)
        files = [census / name for name in ("dist.male.first", "dist.female.first", "dist.all.last")]
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"not found: {', '.join(missing)}")
        output = options["output"] if options["output"] != given_names.TABLE else given_names.CENSUS_TABLE
        table = given_names.from_census(*(path.read_text(encoding="latin-1") for path in files))
        given_names.write(table, output)
        self.stdout.write(f"{len(table)} given names from the census")
        self.stdout.write(f"Wrote {output}")

    def learn(self, documents, output):
        table = given_names.learn(documents)
        given_names.write(table, output)
        counts = {pronoun: sum(1 for p, _ in table.values() if p == pronoun) for pronoun in ("he", "she")}
        return f"{len(table)} given names ({counts['he']} he, {counts['she']} she)"
