"""PostgreSQL: the search vectors stored in generated columns (search_vector) with GIN indexes on them, in place of
the expression indexes of 0004. A match reads the index either way; ranking by relevance now reads each match's
stored vector instead of parsing its text again (0.6 to 1.3 s for a common word at a million quotes).

The columns are the database's alone (search.py reads them, the models do not declare them): SQLite has no such
column and keeps its FTS5 tables, and the fixtures stay as they are. Other databases get nothing."""

from django.db import migrations


def escaped(column):
    # As search.pg_escaped: & < > escaped, or the parser takes "<script>" for markup and drops its words.
    return f"REPLACE(REPLACE(REPLACE({column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def vector(column, weight=None):
    made = f"to_tsvector('english'::regconfig, COALESCE({escaped(column)}, ''))"
    return f"setweight({made}, '{weight}')" if weight else made


ARTICLE_VECTOR = f"{vector('title', 'A')} || {vector('subtitle', 'B')} || {vector('body', 'D')}"

PG_CREATE = [
    f"ALTER TABLE archive_quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector('text')}) STORED",
    "CREATE INDEX archive_quote_search_vector ON archive_quote USING gin (search_vector)",
    "DROP INDEX IF EXISTS archive_quote_text_search",
    f"ALTER TABLE archive_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({ARTICLE_VECTOR}) STORED",
    "CREATE INDEX archive_article_search_vector ON archive_article USING gin (search_vector)",
    "DROP INDEX IF EXISTS archive_article_text_search",
]

PG_DROP = [
    f"CREATE INDEX archive_quote_text_search ON archive_quote USING gin (({vector('text')}))",
    f"CREATE INDEX archive_article_text_search ON archive_article USING gin (({ARTICLE_VECTOR}))",
    "ALTER TABLE archive_quote DROP COLUMN search_vector",
    "ALTER TABLE archive_article DROP COLUMN search_vector",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("archive", "0009_scale_quote_outlet")]

    operations = [migrations.RunPython(run(PG_CREATE), run(PG_DROP))]
