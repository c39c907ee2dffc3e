"""Unique slugs: the lowest free number, in a fixed number of queries however many rows share a title."""

import pytest

from archive.models import Article, Speaker
from archive.slugs import unique_slug


def make_article(slug: str) -> Article:
    return Article.objects.create(title="Live updates", slug=slug, body="x", raw_text="x", content_hash=slug)


@pytest.mark.django_db
def test_a_free_slug_is_the_title_itself():
    assert unique_slug(Article, "Live updates") == "live-updates"


@pytest.mark.django_db
def test_a_taken_slug_gets_the_lowest_free_number():
    make_article("live-updates")
    assert unique_slug(Article, "Live updates") == "live-updates-2"
    make_article("live-updates-2")
    make_article("live-updates-4")
    assert unique_slug(Article, "Live updates") == "live-updates-3"


@pytest.mark.django_db
def test_slugs_that_only_begin_alike_are_not_taken_for_numbered_ones():
    make_article("live-updates")
    make_article("live-updates-from-kyiv")
    make_article("live-updatesx")
    assert unique_slug(Article, "Live updates") == "live-updates-2"


@pytest.mark.django_db
def test_the_hundredth_live_updates_costs_four_queries_not_a_hundred(django_assert_num_queries):
    make_article("live-updates")
    for n in range(2, 101):
        make_article(f"live-updates-{n}")
    # The plain slug, then live-updates-2..17, 18..81 and 82..337 (batches growing fourfold): four, not a hundred.
    with django_assert_num_queries(4):
        assert unique_slug(Article, "Live updates") == "live-updates-101"


@pytest.mark.django_db
def test_a_row_keeps_its_own_slug_when_excluded():
    speaker = Speaker.objects.create(name="Jane Roe", slug="jane-roe")
    assert unique_slug(Speaker, "Jane Roe", exclude_pk=speaker.pk) == "jane-roe"
    assert unique_slug(Speaker, "Jane Roe") == "jane-roe-2"
