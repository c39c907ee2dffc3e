"""SQLite: the FTS5 indexes keyed in date order (search_sqlite.date_key: the minute of the row's date, then its id),
so that a newest-first page of matches is the index's own order, read backwards, and stops at the page.

Keyed by id (0004), a newest-first page of a common word had to walk the date index probing each row, or fetch and
sort every match: 190 and 560 ms at 100,000 articles for a common and a very common word. Keyed by date, under a
millisecond for any word at any depth FTS5 can skip to.

The index reads the rows' text through views whose key column is that expression, and the expression indexes here
make that read a lookup (the same text as search_sqlite.date_key(), or SQLite would not use them: a test checks the
plan). The triggers follow a change of date too, which moves a row's key. PostgreSQL and others: nothing.
"""

from django.db import migrations

TOKENIZE = "porter unicode61 remove_diacritics 2"
PREFIX = "3"
# search_sqlite.date_key() at the time of this migration.
KEY = "(COALESCE(CAST(julianday({row}published_at) * 1440 AS INTEGER), 0) * 2147483648 + {row}id)"


def key(row=""):
    return KEY.format(row=f"{row}." if row else "")


QUOTE_TRIGGERS = [
    f"""CREATE TRIGGER archive_quote_fts_insert AFTER INSERT ON archive_quote
    WHEN new.status <> 'rejected' BEGIN
        INSERT INTO archive_quote_fts(rowid, text) VALUES ({key("new")}, new.text);
    END""",
    f"""CREATE TRIGGER archive_quote_fts_delete AFTER DELETE ON archive_quote
    WHEN old.status <> 'rejected' BEGIN
        INSERT INTO archive_quote_fts(archive_quote_fts, rowid, text) VALUES ('delete', {key("old")}, old.text);
    END""",
    # Only a change of text or date, or into or out of "rejected", touches the index: verifying a quote does not.
    f"""CREATE TRIGGER archive_quote_fts_update AFTER UPDATE OF id, text, status, published_at ON archive_quote
    WHEN old.id IS NOT new.id OR old.text IS NOT new.text OR old.published_at IS NOT new.published_at
        OR (old.status = 'rejected') IS NOT (new.status = 'rejected') BEGIN
        INSERT INTO archive_quote_fts(archive_quote_fts, rowid, text)
            SELECT 'delete', {key("old")}, old.text WHERE old.status <> 'rejected';
        INSERT INTO archive_quote_fts(rowid, text) SELECT {key("new")}, new.text WHERE new.status <> 'rejected';
    END""",
]

ARTICLE_TRIGGERS = [
    f"""CREATE TRIGGER archive_article_fts_insert AFTER INSERT ON archive_article BEGIN
        INSERT INTO archive_article_fts(rowid, title, subtitle, body)
            VALUES ({key("new")}, new.title, new.subtitle, new.body);
    END""",
    f"""CREATE TRIGGER archive_article_fts_delete AFTER DELETE ON archive_article BEGIN
        INSERT INTO archive_article_fts(archive_article_fts, rowid, title, subtitle, body)
            VALUES ('delete', {key("old")}, old.title, old.subtitle, old.body);
    END""",
    f"""CREATE TRIGGER archive_article_fts_update AFTER UPDATE OF id, title, subtitle, body, published_at
    ON archive_article
    WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.subtitle IS NOT new.subtitle
        OR old.body IS NOT new.body OR old.published_at IS NOT new.published_at BEGIN
        INSERT INTO archive_article_fts(archive_article_fts, rowid, title, subtitle, body)
            VALUES ('delete', {key("old")}, old.title, old.subtitle, old.body);
        INSERT INTO archive_article_fts(rowid, title, subtitle, body)
            VALUES ({key("new")}, new.title, new.subtitle, new.body);
    END""",
]

# A later migration that remakes archive_quote or archive_article on SQLite (Django copies the table to change most
# columns) drops their triggers and indexes with the old table: it must run SQLITE_TRIGGERS and SQLITE_KEY_INDEXES
# again. tests/test_search.py checks that they exist after every migration.
SQLITE_TRIGGERS = QUOTE_TRIGGERS + ARTICLE_TRIGGERS
SQLITE_KEY_INDEXES = [
    f"CREATE INDEX archive_quote_search_key ON archive_quote ({key()})",
    f"CREATE INDEX archive_article_search_key ON archive_article ({key()})",
]

SQLITE_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS archive_{kind}_fts_{event}"
        for kind in ("quote", "article")
        for event in ("insert", "update", "delete")
    ),
    "DROP TABLE IF EXISTS archive_article_fts",
    "DROP TABLE IF EXISTS archive_quote_fts",
    "DROP VIEW IF EXISTS archive_quote_fts_source",
    "DROP VIEW IF EXISTS archive_article_fts_source",
    "DROP INDEX IF EXISTS archive_quote_search_key",
    "DROP INDEX IF EXISTS archive_article_search_key",
]

SQLITE_CREATE = [
    *SQLITE_KEY_INDEXES,
    f"CREATE VIEW archive_quote_fts_source AS SELECT {key()} AS search_key, text FROM archive_quote "
    "WHERE status <> 'rejected'",
    f"CREATE VIEW archive_article_fts_source AS SELECT {key()} AS search_key, title, subtitle, body "
    "FROM archive_article",
    "CREATE VIRTUAL TABLE archive_quote_fts USING fts5(text, content='archive_quote_fts_source', "
    f"content_rowid='search_key', tokenize='{TOKENIZE}', prefix='{PREFIX}')",
    "CREATE VIRTUAL TABLE archive_article_fts USING fts5(title, subtitle, body, content='archive_article_fts_source', "
    f"content_rowid='search_key', tokenize='{TOKENIZE}', prefix='{PREFIX}')",
    *SQLITE_TRIGGERS,
    "INSERT INTO archive_quote_fts(archive_quote_fts) VALUES ('rebuild')",
    "INSERT INTO archive_article_fts(archive_article_fts) VALUES ('rebuild')",
    # bm25 weights of title, subtitle and body, used by ORDER BY rank: a word in the title counts most.
    "INSERT INTO archive_article_fts(archive_article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_DROP + SQLITE_CREATE:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    from importlib import import_module

    keyed_by_id = import_module("archive.migrations.0004_full_text_search")
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_DROP + keyed_by_id.SQLITE_TABLES + keyed_by_id.SQLITE_TRIGGERS + keyed_by_id.SQLITE_FILL:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_postgres_newest_first_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
