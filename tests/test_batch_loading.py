"""The import's writer, many articles per transaction (archive/batch_loading.py): the same archive as loading the
articles one by one, a constant number of queries per batch, and one bad article costing only itself."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.batch_loading import load_batch_for_import, load_in_batches
from archive.import_parsing import parse_files
from archive.ingest import parse_document
from archive.ingest.parsed import ParsedQuote
from archive.ingest.prepare import PreparedArticle
from archive.loading import CREATED, FAILED, UNCHANGED, UPDATED, ArchiveLoader, load_for_import
from archive.measure.benchmark.corpus import Corpus, build_templates
from archive.models import Article, Quote, Speaker, Topic
from archive.slugs import unique_slug, unique_slugs
from tests.test_import_jobs import snapshot

SEEDS = Path(settings.BASE_DIR) / "seeds"


def corpus(count: int) -> list:
    """The seeds, then synthetic seed-like articles (which share speakers), each parsed."""
    documents = [(path.name, path.read_bytes()) for path in sorted(SEEDS.iterdir())]
    documents += list(Corpus(build_templates(), count).documents(0, count))
    return [parse_document(data, name) for name, data in documents]


def with_the_same_title(parsed: list) -> list:
    # Every third article titled alike, so that slugs collide within a batch and with the archive.
    return [replace(p, title="Talks on trade") if n % 3 == 0 else p for n, p in enumerate(parsed)]


def public_ids() -> list:
    return sorted(Quote.objects.values_list("article__content_hash", "start", "public_id"))


@pytest.mark.django_db
def test_batches_give_the_archive_that_one_article_at_a_time_gives():
    parsed = with_the_same_title(corpus(30))
    loader = ArchiveLoader()
    one_by_one = [load_for_import(loader, p).action for p in parsed]
    expected, expected_ids = snapshot(), public_ids()
    Article.objects.all().delete()
    Speaker.objects.all().delete()

    batched = [outcome.action for _, outcome in load_in_batches(loader, ((n, (p, "")) for n, p in enumerate(parsed)),
                                                                 size=7)]  # fmt: skip

    assert batched == one_by_one == [CREATED] * len(parsed)
    assert snapshot() == expected
    assert public_ids() == expected_ids
    assert len({slug for _, slug, *_ in expected["articles"]}) == len(parsed)


@pytest.mark.django_db
def test_an_article_seen_earlier_in_the_batch_or_in_the_archive_is_updated_or_left_alone():
    first, second, third = corpus(0)[:3]
    loader = ArchiveLoader()
    load_for_import(loader, first)
    corrected = replace(second, body=second.body + "\n\nA correction.", quotes=[])  # same url: the same article

    outcomes = load_batch_for_import(loader, [first, second, third, second, corrected])

    assert [o.action for o in outcomes] == [UNCHANGED, CREATED, CREATED, UNCHANGED, UPDATED]
    assert Article.objects.count() == 3


@pytest.mark.django_db
def test_one_bad_article_fails_alone_and_the_rest_of_its_batch_is_written():
    parsed = corpus(4)
    broken = replace(parsed[2], quotes=[ParsedQuote(text="x", start=5, end=5, kind="direct", speaker=None)])
    batch = [*parsed[:2], broken, *parsed[3:]]

    outcomes = load_batch_for_import(ArchiveLoader(), batch)

    assert [o.action for o in outcomes] == [CREATED, CREATED, FAILED, *[CREATED] * (len(batch) - 3)]
    assert "could not be saved" in outcomes[2].reason
    assert Article.objects.count() == len(batch) - 1
    assert not Article.objects.filter(content_hash=broken.content_hash).exists()


@pytest.mark.django_db
def test_a_batch_of_new_articles_reads_in_the_same_queries_however_many_articles():
    parsed = corpus(40)
    Topic.objects.create(name="Trade test", slug="trade-test", keywords="trade*")
    loader = ArchiveLoader()

    def queries(batch) -> tuple[int, int]:
        """(reads, writes) of loading the batch."""
        with CaptureQueriesContext(connection) as captured:
            outcomes = load_batch_for_import(loader, batch)
        assert {o.action for o in outcomes} == {CREATED}
        statements = [query["sql"].split(None, 1)[0] for query in captured.captured_queries]
        return statements.count("SELECT"), statements.count("INSERT")

    # Titles unique, so no slug is looked up twice; the second batch is four times the first.
    unique = [replace(p, title=f"Article {n}") for n, p in enumerate(parsed)]
    small, large = queries(unique[:9]), queries(unique[9:45])
    assert small[0] == large[0]
    # One insert per table, which the database driver may split into chunks of rows (SQLite: 999 values at most)
    assert large[1] < len(unique[9:45]) / 2


@pytest.mark.django_db
def test_slugs_given_together_are_the_slugs_given_one_by_one():
    titles = ["Talks on trade", "Talks on trade", "Other news", "Talks on trade", "", ""]
    for title in ("Talks on trade", "Talks on trade 2"):
        Article.objects.create(title=title, slug=unique_slug(Article, title), content_hash=title, body="x")
    Article.objects.create(title="t", slug="talks-on-trade-3", content_hash="h3", body="x")

    together = unique_slugs(Article, titles)
    one_by_one = []
    for n, title in enumerate(titles):
        one_by_one.append(unique_slug(Article, title))
        Article.objects.create(title=title, slug=one_by_one[-1], content_hash=f"new{n}", body="x")

    assert together == one_by_one == [
        "talks-on-trade-4", "talks-on-trade-5", "other-news", "talks-on-trade-6", "article", "article-2"
    ]  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_parsing_workers_hand_the_writer_prepared_articles(tmp_path):
    Topic.objects.create(name="Energy test", slug="energy-test", keywords="energy")
    for name, data in Corpus(build_templates(), 6).documents(0, 6):
        (tmp_path / name).write_bytes(data)
    files = sorted(tmp_path.iterdir())
    loader = ArchiveLoader()

    results = list(parse_files(files, 2, settings.ARCHIVE_MAX_FILE_BYTES, loader.preparer))

    prepared = [item for _, (item, _) in results]
    assert all(isinstance(item, PreparedArticle) for item in prepared)
    assert prepared == [loader.preparer(parse_document(path.read_bytes(), path.name)) for path in files]
    assert pickle.loads(pickle.dumps(prepared)) == prepared
    assert any("energy-test" in item.topics for item in prepared)
    assert all(len(item.quote_topics) == len(item.parsed.quotes) for item in prepared)
