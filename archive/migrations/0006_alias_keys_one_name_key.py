"""Alias keys recomputed with the one name key (ingest.language.names.key): hyphens, every apostrophe, the dotless i
and look-alike Cyrillic and Greek letters are now folded the same way within an article and across the archive."""

from django.db import migrations


def refold(apps, schema_editor):
    from archive.ingest.language.names import key

    SpeakerAlias = apps.get_model("archive", "SpeakerAlias")
    changed = []
    for alias in SpeakerAlias.objects.only("id", "name", "key").iterator(chunk_size=2000):
        new = key(alias.name)[:200]
        if new != alias.key:
            alias.key = new
            changed.append(alias)
    SpeakerAlias.objects.bulk_update(changed, ["key"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("archive", "0005_quote_kind_date_index")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
