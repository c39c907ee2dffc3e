"""An index of the words of every speaker alias, for speakers.find_speakers ("bride" finds Jim Bridenstine).

find_speakers asked for aliases with a word starting with each typed word by scanning every alias (LIKE over the
folded key): 9 ms at 10,000 articles (6,500 aliases), growing with the archive. The words are indexed instead:
SQLite, an FTS5 table over a view of the folded keys with apostrophes dropped (prefix indexes for two and three
letters), kept in step by triggers; PostgreSQL, a GIN index over the same words as a 'simple' tsvector, which a
prefix tsquery (word:*) reads. Other databases get nothing, and find_speakers scans as before.
"""

from django.db import migrations

# The words: the folded key (models.name_key), apostrophes dropped, so "O'Neill" is found by "oneill".
PLAIN = "REPLACE(key, '''', '')"

SQLITE_TRIGGERS = [
    """CREATE TRIGGER archive_speakeralias_fts_insert AFTER INSERT ON archive_speakeralias BEGIN
        INSERT INTO archive_speakeralias_fts(rowid, plain) VALUES (new.id, REPLACE(new.key, '''', ''));
    END""",
    """CREATE TRIGGER archive_speakeralias_fts_delete AFTER DELETE ON archive_speakeralias BEGIN
        INSERT INTO archive_speakeralias_fts(archive_speakeralias_fts, rowid, plain)
            VALUES ('delete', old.id, REPLACE(old.key, '''', ''));
    END""",
    """CREATE TRIGGER archive_speakeralias_fts_update AFTER UPDATE OF id, key ON archive_speakeralias
    WHEN old.id IS NOT new.id OR old.key IS NOT new.key BEGIN
        INSERT INTO archive_speakeralias_fts(archive_speakeralias_fts, rowid, plain)
            VALUES ('delete', old.id, REPLACE(old.key, '''', ''));
        INSERT INTO archive_speakeralias_fts(rowid, plain) VALUES (new.id, REPLACE(new.key, '''', ''));
    END""",
]

SQLITE_CREATE = [
    f"CREATE VIEW archive_speakeralias_fts_source AS SELECT id, {PLAIN} AS plain FROM archive_speakeralias",
    "CREATE VIRTUAL TABLE archive_speakeralias_fts USING fts5(plain, content='archive_speakeralias_fts_source', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    *SQLITE_TRIGGERS,
    "INSERT INTO archive_speakeralias_fts(archive_speakeralias_fts) VALUES ('rebuild')",
]

SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS archive_speakeralias_fts_{event}" for event in ("insert", "update", "delete")),
    "DROP TABLE IF EXISTS archive_speakeralias_fts",
    "DROP VIEW IF EXISTS archive_speakeralias_fts_source",
]

# The expression speakers.py queries with: PostgreSQL uses an expression index only for the same expression.
PG_WORDS = f"to_tsvector('simple'::regconfig, {PLAIN})"
PG_CREATE = [f"CREATE INDEX archive_speakeralias_words ON archive_speakeralias USING gin (({PG_WORDS}))"]
PG_DROP = ["DROP INDEX IF EXISTS archive_speakeralias_words"]


def run(statements):
    def operation(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("archive", "0013_sqlite_search_in_date_order")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": PG_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": PG_DROP}),
        ),
    ]
