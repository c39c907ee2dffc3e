"""Learn the given-name pronoun table (archive/ingest/language/given_names.tsv) from gold-annotated articles."""

from __future__ import annotations

from archive.ingest.language import given_names

from ._learning import LearningCommand


class Command(LearningCommand):
    help = (
        'Read every gold JSON file in --gold and the text its "file" field names (from --docs, default the same '
        "folder), learn which given names the articles call he or she, and write given_names.tsv."
    )
    default_output = given_names.TABLE

    def learn(self, documents, output):
        table = given_names.learn(documents)
        given_names.write(table, output)
        counts = {pronoun: sum(1 for p, _ in table.values() if p == pronoun) for pronoun in ("he", "she")}
        return f"{len(table)} given names ({counts['he']} he, {counts['she']} she)"
