"""Quotes keep a copy of their article's outlet, indexed with the date: the outlet filter walks
(outlet, published_at, id) and stops at the page instead of joining every article of the outlet and sorting.

The column is added with ALTER TABLE … ADD COLUMN: Django would copy archive_quote on SQLite to add a NOT NULL
column, which fails on the full-text view over it (0004) and rewrites a million rows."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

OUTLET = models.CharField(blank=True, default="", editable=False, max_length=200)


def copy_outlets(apps, schema_editor):
    Article = apps.get_model("archive", "Article")
    Quote = apps.get_model("archive", "Quote")
    Quote.objects.update(outlet=Subquery(Article.objects.filter(pk=OuterRef("article_id")).values("outlet")[:1]))


class Migration(migrations.Migration):
    dependencies = [("archive", "0008_readers_public_ids_and_former_slugs")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name="quote", name="outlet", field=OUTLET)],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE archive_quote ADD COLUMN outlet varchar(200) NOT NULL DEFAULT ''",
                    "ALTER TABLE archive_quote DROP COLUMN outlet",
                )
            ],
        ),
        migrations.RunPython(copy_outlets, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(fields=["outlet", "published_at", "id"], name="quote_outlet_date_idx"),
        ),
    ]
