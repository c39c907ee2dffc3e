"""Full-text indexes of quotes and articles, for archive/search.py.

SQLite: FTS5 tables over the rows' own text (external content: the words are indexed, the text is not copied),
kept in step by triggers on insert, update and delete, which fire for the ORM, bulk_create, raw SQL and
loaddata alike. The quote index reads a view of the public quotes, so a rejected quote is never indexed and a
reader's search is counted in the index alone. PostgreSQL: GIN indexes over the same tsvector expressions
search.py queries with. Other databases get nothing, and search.py cannot serve them.

(Replaced by 0013, which keys the SQLite indexes in date order: its SQLITE_TRIGGERS and SQLITE_KEY_INDEXES are the
ones to restore.) A later migration that remakes archive_quote or archive_article on SQLite (Django copies the table to change
most columns) drops their triggers with the old table: it must run SQLITE_TRIGGERS again.
tests/test_search.py checks that they exist after every migration.
"""

from django.db import migrations

TOKENIZE = "porter unicode61 remove_diacritics 2"
# A prefix query (search.py allows word* from three letters) merges the lists of every word it starts: "w1*"
# took 13 s over a million quotes. An index of three-letter prefixes answers those from one list.
PREFIX = "3"

SQLITE_TABLES = [
    "CREATE VIEW archive_quote_fts_source AS SELECT id, text FROM archive_quote WHERE status <> 'rejected'",
    "CREATE VIRTUAL TABLE archive_quote_fts USING fts5("
    f"text, content='archive_quote_fts_source', content_rowid='id', tokenize='{TOKENIZE}', prefix='{PREFIX}')",
    "CREATE VIRTUAL TABLE archive_article_fts USING fts5("
    f"title, subtitle, body, content='archive_article', content_rowid='id', tokenize='{TOKENIZE}', prefix='{PREFIX}')",
]

# FTS5 removes a row from an external-content index by being told the words it indexed: every 'delete' passes
# the old values, and only for a row that was indexed (a quote that was not rejected).
SQLITE_TRIGGERS = [
    """CREATE TRIGGER archive_quote_fts_insert AFTER INSERT ON archive_quote
    WHEN new.status <> 'rejected' BEGIN
        INSERT INTO archive_quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER archive_quote_fts_delete AFTER DELETE ON archive_quote
    WHEN old.status <> 'rejected' BEGIN
        INSERT INTO archive_quote_fts(archive_quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    # Only a change of text, or into or out of "rejected", touches the index: verifying a quote does not.
    """CREATE TRIGGER archive_quote_fts_update AFTER UPDATE OF id, text, status ON archive_quote
    WHEN old.id IS NOT new.id OR old.text IS NOT new.text
        OR (old.status = 'rejected') IS NOT (new.status = 'rejected') BEGIN
        INSERT INTO archive_quote_fts(archive_quote_fts, rowid, text)
            SELECT 'delete', old.id, old.text WHERE old.status <> 'rejected';
        INSERT INTO archive_quote_fts(rowid, text) SELECT new.id, new.text WHERE new.status <> 'rejected';
    END""",
    """CREATE TRIGGER archive_article_fts_insert AFTER INSERT ON archive_article BEGIN
        INSERT INTO archive_article_fts(rowid, title, subtitle, body)
            VALUES (new.id, new.title, new.subtitle, new.body);
    END""",
    """CREATE TRIGGER archive_article_fts_delete AFTER DELETE ON archive_article BEGIN
        INSERT INTO archive_article_fts(archive_article_fts, rowid, title, subtitle, body)
            VALUES ('delete', old.id, old.title, old.subtitle, old.body);
    END""",
    """CREATE TRIGGER archive_article_fts_update AFTER UPDATE OF id, title, subtitle, body ON archive_article
    WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.subtitle IS NOT new.subtitle
        OR old.body IS NOT new.body BEGIN
        INSERT INTO archive_article_fts(archive_article_fts, rowid, title, subtitle, body)
            VALUES ('delete', old.id, old.title, old.subtitle, old.body);
        INSERT INTO archive_article_fts(rowid, title, subtitle, body)
            VALUES (new.id, new.title, new.subtitle, new.body);
    END""",
]

SQLITE_FILL = [
    "INSERT INTO archive_quote_fts(archive_quote_fts) VALUES ('rebuild')",
    "INSERT INTO archive_article_fts(archive_article_fts) VALUES ('rebuild')",
    # bm25 weights of title, subtitle and body, used by ORDER BY rank: a word in the title counts most.
    "INSERT INTO archive_article_fts(archive_article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
]

SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS archive_{kind}_fts_{event}" for kind in ("quote", "article")
      for event in ("insert", "update", "delete")),
    "DROP TABLE IF EXISTS archive_article_fts",
    "DROP TABLE IF EXISTS archive_quote_fts",
    "DROP VIEW IF EXISTS archive_quote_fts_source",
]

# The expressions Django writes for search.pg_vector(): PostgreSQL uses an expression index only for the same
# expression. tests/test_search.py checks that the planner can. The text is read with & < > escaped, so that
# the parser does not take "<script>" for markup and leave its words out.
def escaped(column):
    return f"REPLACE(REPLACE(REPLACE({column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def pg_vector(column, weight=None):
    vector = f"to_tsvector('english'::regconfig, COALESCE({escaped(column)}, ''))"
    return f"setweight({vector}, '{weight}')" if weight else vector


PG_CREATE = [
    f"CREATE INDEX archive_quote_text_search ON archive_quote USING gin ({pg_vector('text')})",
    "CREATE INDEX archive_article_text_search ON archive_article USING gin (("
    f"{pg_vector('title', 'A')} || {pg_vector('subtitle', 'B')} || {pg_vector('body', 'D')}))",
]

PG_DROP = [
    "DROP INDEX IF EXISTS archive_article_text_search",
    "DROP INDEX IF EXISTS archive_quote_text_search",
]


def run(statements):
    def operation(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_starting_topics")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_TABLES + SQLITE_TRIGGERS + SQLITE_FILL, "postgresql": PG_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": PG_DROP}),
        ),
    ]
