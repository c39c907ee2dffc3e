"""Learn the role-word table (archive/ingest/language/role_words.tsv) from gold-annotated articles."""

from __future__ import annotations

from archive.ingest.language import role_words

from ._learning import LearningCommand


class Command(LearningCommand):
    help = (
        'Read every gold JSON file in --gold and the text its "file" field names (from --docs, default the same '
        'folder), learn which capitalised words before a speaker\'s full name are roles ("Actor", '
        '"Assemblywoman"), and write role_words.tsv.'
    )
    default_output = role_words.TABLE

    def learn(self, documents, output):
        table = role_words.learn(documents)
        role_words.write(table, output)
        return f"{len(table)} role words"
