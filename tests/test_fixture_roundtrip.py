"""Nothing lost: export_fixtures, flush, loaddata gives back every row of every model, field for field.

Rows are compared by natural key (primary keys are not part of the fixture contract), foreign keys as the natural
key they point to, many-to-many links as sorted natural keys, timestamps included.
"""

from __future__ import annotations

from datetime import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from archive.curation import merge_speakers, reassign_quotes, set_status
from archive.management.commands.export_fixtures import EXPORTED_MODELS, NOT_EXPORTED
from archive.models import Article, Quote, Speaker, Topic
from archive.tagging import tag_quotes


def natural(obj) -> tuple | None:
    return None if obj is None else tuple(obj.natural_key())


def row(obj: models.Model) -> dict:
    values = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.is_relation:
            values[field.name] = natural(getattr(obj, field.name))
        else:
            values[field.name] = field.value_from_object(obj)
    for field in obj._meta.many_to_many:
        values[field.name] = sorted(natural(related) for related in getattr(obj, field.name).all())
    return values


def snapshot() -> dict[str, dict[tuple, dict]]:
    tables = {}
    for label in EXPORTED_MODELS:
        model = apps.get_model(label)
        tables[label] = {natural(obj): row(obj) for obj in model._default_manager.all()}
    return tables


def curate() -> None:
    """Every kind of editor's work, so that the fixture has to carry all of it."""
    quotes = list(Quote.objects.order_by("pk"))
    set_status(Quote.objects.filter(pk__in=[q.pk for q in quotes[:5]]), Quote.Status.VERIFIED)
    set_status(Quote.objects.filter(pk__in=[q.pk for q in quotes[5:8]]), Quote.Status.REJECTED)
    reassign_quotes(Quote.objects.filter(pk=quotes[8].pk), None)
    Quote.objects.filter(pk=quotes[9].pk).update(anchored=False)
    target = Speaker.objects.get(name="David Eidelman")
    merge_speakers(target, [Speaker.objects.get(name="Sergei Auslander")])
    parent = Topic.objects.create(name="Region", slug="region", description="Where it happens", keywords="Caucasus")
    child = Topic.objects.create(name="Baku", slug="baku", parent=parent, keywords="Baku\nAbsheron")
    Article.objects.first().topics.add(parent, child)
    tag_quotes(Quote.objects.filter(pk__in=[q.pk for q in quotes[:3]]), [child])
    # A renamed article keeps its old address (the merge above kept the merged speaker's).
    renamed = Article.objects.order_by("pk").last()
    renamed.slug = "a-new-address"
    renamed.save()


def test_every_exported_model_is_every_model_of_the_archive():
    managed = {m._meta.label_lower for m in apps.get_app_config("archive").get_models() if m._meta.managed}
    assert managed - set(NOT_EXPORTED) <= set(EXPORTED_MODELS)


def round_trip(tmp_path) -> tuple[dict, dict]:
    call_command("import_seeds", stdout=StringIO(), stderr=StringIO())
    curate()
    before = snapshot()
    assert all(before.values())
    assert Article.objects.filter(published_at=None).exists()  # a date-less article travels too
    fixture = tmp_path / "archive.json"
    call_command("export_fixtures", "--output", str(fixture), stdout=StringIO())

    call_command("flush", "--no-input", verbosity=0)
    assert not any(apps.get_model(label).objects.exists() for label in EXPORTED_MODELS)
    call_command("loaddata", str(fixture), verbosity=0)
    return before, snapshot()


def to_milliseconds(tables: dict) -> dict:
    def cut(value):
        return value.replace(microsecond=value.microsecond // 1000 * 1000) if isinstance(value, datetime) else value

    return {
        label: {key: {name: cut(value) for name, value in values.items()} for key, values in rows.items()}
        for label, rows in tables.items()
    }


def assert_same(before: dict, after: dict) -> None:
    for label in EXPORTED_MODELS:
        assert after[label].keys() == before[label].keys(), label
        for key, values in before[label].items():
            assert after[label][key] == values, (label, key)


# Transactional: flush truncates tables, which PostgreSQL refuses inside the test's open transaction.
@pytest.mark.django_db(transaction=True)
def test_export_flush_loaddata_restores_every_row_link_and_timestamp_to_the_millisecond(tmp_path):
    before, after = round_trip(tmp_path)
    assert_same(to_milliseconds(before), to_milliseconds(after))


@pytest.mark.django_db(transaction=True)
def test_export_flush_loaddata_restores_timestamps_to_the_microsecond(tmp_path):
    before, after = round_trip(tmp_path)
    assert_same(before, after)
