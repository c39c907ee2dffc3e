"""PostgreSQL: indexes in the lists' own order, (… published_at DESC NULLS LAST, id DESC).

Every list is ordered newest first with undated rows last. SQLite sorts NULL lowest, so its (published_at, id)
indexes read backwards give exactly that order; PostgreSQL sorts NULL highest, so the same index read backwards
gives the undated rows first, and the planner sorted the whole table instead (the quote list 196 ms, the home page
119 ms at 10,000 articles; 52 and 18 ms with these). Either direction of these indexes serves both the first page
and the last (read backwards). SQLite gets nothing: its indexes already fit."""

from django.db import migrations

NEWEST_FIRST = "published_at DESC NULLS LAST, id DESC"

INDEXES = {
    "quote_newest_pg": ("archive_quote", NEWEST_FIRST),
    "quote_speaker_newest_pg": ("archive_quote", f"speaker_id, {NEWEST_FIRST}"),
    "quote_outlet_newest_pg": ("archive_quote", f"outlet, {NEWEST_FIRST}"),
    "quote_kind_newest_pg": ("archive_quote", f"kind, {NEWEST_FIRST}"),
    "article_newest_pg": ("archive_article", NEWEST_FIRST),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, (table, columns) in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0011_article_published_utc_offset")]

    operations = [migrations.RunPython(create, drop)]
