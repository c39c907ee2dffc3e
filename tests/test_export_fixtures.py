import itertools
import json
import math
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import fixtures_export
from archive.fixtures_export import EXPORTED_MODELS, FullPrecisionEncoder
from archive.models import Article, Quote, Speaker, SpeakerAlias, Topic
from tests.test_fixture_roundtrip import curate

COMMITTED = Path(settings.BASE_DIR) / "fixtures" / "archive.json"
TIMESTAMPS = ("created_at", "updated_at")


def export(path: Path) -> bytes:
    call_command("export_fixtures", "--output", str(path), stdout=StringIO())
    return path.read_bytes()


def without_timestamps(data: bytes) -> list[dict]:
    records = json.loads(data)
    for record in records:
        for field in TIMESTAMPS:
            record["fields"].pop(field, None)
    return records


# Transactional: flush truncates tables, which PostgreSQL refuses inside the test's open transaction.
@pytest.mark.django_db(transaction=True)
def test_export_then_flush_then_loaddata_then_export_gives_the_same_bytes(tmp_path):
    call_command("import_seeds", stdout=StringIO())
    first = export(tmp_path / "first.json")

    call_command("flush", "--no-input", verbosity=0)
    assert Article.objects.count() == 0 and Topic.objects.count() == 0
    call_command("loaddata", str(tmp_path / "first.json"), verbosity=0)

    assert export(tmp_path / "second.json") == first


@pytest.mark.django_db
def test_the_export_uses_natural_keys_and_the_contract_field_names(tmp_path):
    call_command("import_seeds", stdout=StringIO())
    records = json.loads(export(tmp_path / "out.json"))
    by_model = {}
    for record in records:
        assert "pk" not in record
        by_model.setdefault(record["model"], []).append(record["fields"])
    assert {
        "title",
        "subtitle",
        "outlet",
        "section",
        "author",
        "published_at",
        "url",
        "source_file",
        "content_hash",
        "body",
        "raw_text",
        "slug",
        "topics",
        "import_warnings",
    } <= set(by_model["archive.article"][0])
    assert {"article", "speaker", "text", "start", "end", "kind", "status", "topics"} <= set(
        by_model["archive.quote"][0]
    )
    assert {"name", "slug", "description"} <= set(by_model["archive.speaker"][0])
    assert {"speaker", "name"} <= set(by_model["archive.speakeralias"][0])
    assert {"name", "slug", "description", "parent", "keywords"} <= set(by_model["archive.topic"][0])
    assert len(by_model["archive.quote"]) == Quote.objects.count()
    assert len(by_model["archive.speakeralias"]) == SpeakerAlias.objects.count()
    assert len(by_model["archive.speaker"]) == Speaker.objects.count()
    quote = by_model["archive.quote"][0]
    assert isinstance(quote["article"], list) and len(quote["article"][0]) == 64  # the article's content hash


@pytest.mark.django_db
def test_the_committed_fixture_matches_a_fresh_import_of_the_seeds(tmp_path):
    """Fails when the extraction changed and fixtures/archive.json was not regenerated
    (run: python manage.py import_seeds && python manage.py export_fixtures on a fresh database)."""
    call_command("import_seeds", stdout=StringIO())
    fresh = export(tmp_path / "fresh.json")
    assert without_timestamps(COMMITTED.read_bytes()) == without_timestamps(fresh)


@pytest.mark.django_db
def test_the_export_reads_each_table_in_a_fixed_number_of_queries(tmp_path, django_assert_max_num_queries):
    """No query per quote for its article's natural key or its topics: joined, and prefetched a chunk at a time."""
    call_command("import_seeds", stdout=StringIO())
    assert Quote.objects.count() > 20
    # One per table, and one per table's many-to-many links (articles' and quotes' topics).
    with django_assert_max_num_queries(9):
        records = json.loads(export(tmp_path / "out.json"))
    assert len(records) == sum(m.objects.count() for m in (Topic, Speaker, SpeakerAlias, Article, Quote))
    # Public ids travel with the quotes: the addresses after a restore are the same.
    assert all(len(r["fields"]["public_id"]) == 10 for r in records if r["model"] == "archive.quote")
    # Timestamps keep their microseconds (Django's own encoder cuts them to milliseconds).
    assert any(len(record["fields"].get("created_at", "")) == len("2025-01-02T03:04:05.123456Z") for record in records)


def django_serializer_output() -> str:
    """What Django's own JSON serializer writes for the exported models (natural keys, indent 2): the format the
    streamed export must keep, byte for byte."""
    stream = StringIO()
    querysets = [apps.get_model(label)._default_manager.order_by("pk") for label in EXPORTED_MODELS]
    JSONSerializer().serialize(
        itertools.chain.from_iterable(querysets),
        stream=stream,
        cls=FullPrecisionEncoder,
        indent=2,
        ensure_ascii=False,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    return stream.getvalue()


@pytest.mark.django_db
def test_the_streamed_export_is_byte_for_byte_what_djangos_serializer_writes(tmp_path):
    call_command("import_seeds", stdout=StringIO())
    curate()  # verified, rejected, unattributed quotes; a merge; nested topics; former slugs
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).update(
        published_at=None, import_warnings=["no date", "títle “cut”\n"]
    )
    assert export(tmp_path / "out.json").decode("utf-8") == django_serializer_output()


@pytest.mark.django_db
def test_the_export_reads_a_chunk_of_rows_at_a_time_and_chunks_change_nothing(tmp_path, monkeypatch):
    call_command("import_seeds", stdout=StringIO())
    whole = export(tmp_path / "whole.json")
    monkeypatch.setattr(fixtures_export, "DEFAULT_CHUNK_ROWS", 7)
    monkeypatch.setattr(fixtures_export, "CHUNK_ROWS", {"archive.article": 2})
    with CaptureQueriesContext(connection) as queries:
        chunked = export(tmp_path / "chunked.json")
    assert chunked == whole
    # The quotes' topic links are read once per chunk of quotes, not once per quote nor all at once.
    link_reads = [q for q in queries.captured_queries if 'FROM "archive_quote_topics"' in q["sql"]]
    assert len(link_reads) == math.ceil(Quote.objects.count() / 7)
