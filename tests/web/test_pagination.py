"""Keyset pages (archive/pagination.py): following "next" or "previous" from either end visits every row once, in
order, whatever the ties on the date and the rows without a date; counts stop at COUNT_LIMIT."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from archive import pagination
from archive.models import Quote

pytestmark = pytest.mark.usefixtures("quotes")

URL = "/quotes/"


@pytest.fixture
def quotes(make_quote, monkeypatch, settings):
    """37 quotes in pages of 5, numbered up to page 2 only: from page 3 on, pages go by cursor. Dates repeat (the
    id breaks the tie) and four quotes have none (they come last)."""
    settings.ARCHIVE_PAGE_SIZE = 5
    monkeypatch.setattr(pagination, "NUMBERED_PAGES", 2)
    made = [make_quote() for _ in range(37)]
    for n, quote in enumerate(made):
        date = None if n % 9 == 0 else datetime(2020, 1 + n % 4, 1, tzinfo=UTC)
        Quote.objects.filter(pk=quote.pk).update(published_at=date)
    return [q.pk for q in Quote.objects.newest_first()]


def page_of(client, value=None):
    response = client.get(URL, {"page": value} if value is not None else {})
    assert response.status_code == 200
    return response.context["page_obj"]


def ids(page) -> list[int]:
    return [quote.pk for quote in page.object_list]


def test_following_next_from_the_first_page_visits_every_quote_once_in_order(client, quotes):
    page, seen, values = page_of(client), [], []
    while True:
        seen += ids(page)
        if not page.has_next():
            break
        values.append(page.next_page_number())
        page = page_of(client, values[-1])
    assert seen == quotes
    assert values[0] == "2"  # numbered while cheap, then by cursor
    assert all(value.startswith("next.") for value in values[1:]) and len(values) == 7


def test_following_previous_from_the_last_page_visits_every_quote_once_in_order(client, quotes):
    page, seen = page_of(client, "last"), []
    while True:
        seen = ids(page) + seen
        if not page.has_previous():
            break
        page = page_of(client, page.previous_page_number())
    assert seen == quotes
    assert page.number == 1


def test_the_last_page_holds_the_last_quotes_and_links_back(client, quotes):
    page = page_of(client, "last")
    assert ids(page) == quotes[-len(page.object_list) :]
    assert page.has_previous() and not page.has_next()
    html = client.get(URL, {"page": "last"}).content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_a_page_number_past_the_end_shows_the_last_page(client, quotes):
    assert ids(page_of(client, 2)) == quotes[5:10]
    assert ids(page_of(client, 99)) == ids(page_of(client, "last"))


def test_a_cursor_past_the_end_shows_the_last_page(client, quotes):
    last = Quote.objects.get(pk=quotes[-1])
    assert ids(page_of(client, "next." + pagination.encode(last))) == ids(page_of(client, "last"))


def test_a_cursor_back_to_the_start_shows_page_one(client, quotes):
    second = Quote.objects.get(pk=quotes[2])
    page = page_of(client, "prev." + pagination.encode(second))
    assert page.number == 1 and ids(page) == quotes[:5]


def test_a_value_that_names_no_page_shows_the_first_page(client):
    first = page_of(client).object_list
    for value in ("abc", "0", "-3", "next.x.1", "prev.12"):
        assert page_of(client, value).object_list == first, value


def test_the_count_stops_at_the_limit(client, monkeypatch):
    assert page_of(client).paginator.count == 37
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 30)
    page = page_of(client)
    assert isinstance(page.paginator.count, pagination.MoreThan) and page.paginator.num_pages is None
    html = client.get(URL).content.decode()
    assert "More than 30 quotes, newest first." in html
    assert 'href="?page=last"' in html  # the last page has no number


def test_a_cursor_page_runs_the_same_queries_as_a_numbered_one(client, quotes, django_assert_num_queries):
    cursor = "next." + pagination.encode(Quote.objects.get(pk=quotes[12]))
    # Expect 8 queries: the outlets of the filter, the page of quotes (joined with their speakers and articles),
    # the count, the topics for the topic choice, the facets' window of ids and their two queries, the footer's
    # count of verified quotes
    for value in (None, 2, cursor):
        with django_assert_num_queries(8):
            client.get(URL, {"page": value} if value else {})
