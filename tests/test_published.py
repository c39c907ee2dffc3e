"""Publication times keep the page's zone when it names one, and say nothing of a zone when it does not."""

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from archive.loading import ArchiveLoader
from archive.models import Article, Quote
from archive.published import as_printed, stored_instant, utc_offset_minutes
from tests.test_loading import parsed_article

EST = timezone(timedelta(hours=-5))


def test_a_zoned_time_is_stored_as_its_instant_and_its_offset():
    printed = datetime(2016, 9, 27, 22, 47, tzinfo=EST)
    assert stored_instant(printed) == datetime(2016, 9, 28, 3, 47, tzinfo=UTC)
    assert utc_offset_minutes(printed) == -300
    assert as_printed(stored_instant(printed), -300) == printed
    assert as_printed(stored_instant(printed), -300).isoformat() == "2016-09-27T22:47:00-05:00"


def test_a_time_without_a_zone_is_stored_as_printed_and_given_back_without_one():
    printed = datetime(2016, 9, 27, 22, 47)
    assert utc_offset_minutes(printed) is None
    assert as_printed(stored_instant(printed), None) == printed
    assert as_printed(stored_instant(printed), None).tzinfo is None


def test_odd_offsets_survive_in_minutes():
    printed = datetime(2021, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=5, minutes=45)))
    assert utc_offset_minutes(printed) == 345
    assert as_printed(stored_instant(printed), 345) == printed


def test_nothing_in_nothing_out():
    assert stored_instant(None) is None and utc_offset_minutes(None) is None and as_printed(None, 60) is None


@pytest.mark.django_db
def test_the_loader_keeps_the_pages_offset_and_its_quotes_copy_it():
    ArchiveLoader().load(parsed_article(published_at=datetime(2016, 9, 27, 22, 47, tzinfo=EST)))
    article = Article.objects.get()
    assert article.published_at == datetime(2016, 9, 28, 3, 47, tzinfo=UTC)
    assert article.published_utc_offset == -300
    assert set(Quote.objects.values_list("published_utc_offset", flat=True)) == {-300}
    # The page's own day, not the next UTC day.
    assert article.published_as_printed.date().isoformat() == "2016-09-27"


@pytest.mark.django_db
def test_the_loader_invents_no_zone_for_a_time_printed_without_one():
    ArchiveLoader().load(parsed_article(published_at=datetime(2023, 6, 8, 12, 48)))
    article = Article.objects.get()
    assert article.published_utc_offset is None
    assert article.published_as_printed == datetime(2023, 6, 8, 12, 48)


@pytest.mark.django_db
def test_a_reimport_that_learns_the_zone_updates_article_and_quotes():
    ArchiveLoader().load(parsed_article(published_at=datetime(2016, 9, 27, 22, 47)))
    ArchiveLoader().load(parsed_article(published_at=datetime(2016, 9, 27, 22, 47, tzinfo=EST)))
    assert Article.objects.get().published_utc_offset == -300
    assert set(Quote.objects.values_list("published_utc_offset", "published_at")) == {
        (-300, datetime(2016, 9, 28, 3, 47, tzinfo=UTC))
    }


@pytest.mark.django_db
def test_pages_and_downloads_print_the_time_as_the_page_did(client):
    ArchiveLoader().load(parsed_article(published_at=datetime(2016, 9, 27, 22, 47, tzinfo=EST)))
    article = Article.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<time datetime="2016-09-27T22:47:00-05:00">27 September 2016</time>' in page
    quote = Quote.objects.first()
    page = client.get(quote.get_absolute_url()).content.decode()
    assert '<time datetime="2016-09-27T22:47:00-05:00">27 September 2016</time>' in page
    rows = json.loads(b"".join(client.get("/quotes/export.json").streaming_content))
    assert {row["published_at"] for row in rows["quotes"]} == {"2016-09-27T22:47:00-05:00"}


@pytest.mark.django_db
def test_pages_and_downloads_give_no_offset_for_a_time_without_a_zone(client):
    ArchiveLoader().load(parsed_article(published_at=datetime(2023, 6, 8, 12, 48)))
    page = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert '<time datetime="2023-06-08T12:48:00">8 June 2023</time>' in page
    rows = json.loads(b"".join(client.get("/quotes/export.json").streaming_content))
    assert {row["published_at"] for row in rows["quotes"]} == {"2023-06-08T12:48:00"}


@pytest.mark.django_db
def test_the_batch_writer_keeps_the_offset_too(tmp_path):
    from django.core.management import call_command

    page = (
        "<html><head><title>New pier to open in spring</title>"
        '<meta name="date" content="2016-09-27 10:47 PM EST"></head><body><article>'
        + "<p>The council met on Tuesday to discuss the pier and its costs for the town.</p>" * 5
        + "</article></body></html>"
    )
    # Two new pages: a batch of one goes the one-article way.
    (tmp_path / "pier.html").write_text(page)
    (tmp_path / "pier-again.html").write_text(page.replace("New pier", "Second pier").replace("council", "mayor"))
    call_command("import_seeds", str(tmp_path), jobs=1, verbosity=0)
    assert Article.objects.count() == 2
    for article in Article.objects.all():
        assert article.published_utc_offset == -300
        assert article.published_at == datetime(2016, 9, 28, 3, 47, tzinfo=UTC)
    assert set(Quote.objects.values_list("published_utc_offset", flat=True)) <= {-300}
