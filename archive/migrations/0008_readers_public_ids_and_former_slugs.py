"""Stable public ids of quotes (their addresses), given to every existing quote, and the former addresses of
speakers and articles. Neither copies a table on SQLite, so the search triggers of 0004 stay in place."""

import django.db.models.deletion
from django.db import migrations, models

from archive.public_ids import public_id_for


def assign_public_ids(apps, schema_editor):
    Quote = apps.get_model("archive", "Quote")
    taken = set()
    rows = Quote.objects.filter(public_id__isnull=True).values_list("pk", "article__content_hash", "start", "end")
    for pk, content_hash, start, end in rows.order_by("pk").iterator(chunk_size=2000):
        salt = 0
        public_id = public_id_for(content_hash, start, end)
        while public_id in taken:
            salt += 1
            public_id = public_id_for(content_hash, start, end, salt)
        taken.add(public_id)
        Quote.objects.filter(pk=pk).update(public_id=public_id)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0007_desk_review_history'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleFormerSlug',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=200, unique=True)),
            ],
            options={
                'ordering': ['slug'],
            },
        ),
        migrations.CreateModel(
            name='SpeakerFormerSlug',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=200, unique=True)),
            ],
            options={
                'ordering': ['slug'],
            },
        ),
        migrations.AddField(
            model_name='quote',
            name='public_id',
            field=models.CharField(blank=True, editable=False, max_length=20, null=True),
        ),
        migrations.RunPython(assign_public_ids, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='quote',
            constraint=models.UniqueConstraint(condition=models.Q(('public_id__isnull', False)), fields=('public_id',), name='quote_unique_public_id'),
        ),
        migrations.AddField(
            model_name='articleformerslug',
            name='article',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='former_slugs', to='archive.article'),
        ),
        migrations.AddField(
            model_name='speakerformerslug',
            name='speaker',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='former_slugs', to='archive.speaker'),
        ),
    ]
