"""Pages of a newest-first list (quotes or articles) that cost the same on the first page and the last.

An OFFSET reads and throws away every row before the page (1.4 s for the last page of 1.4 million quotes), and a
COUNT reads every row of the list. Here the first NUMBERED_PAGES pages keep their numbers (a small OFFSET), later
pages are found by keyset: a "next" or "previous" link carries the date and id of the row it continues from, and
the database seeks to it in the (…, published_at, id) index. The last page is read backwards from the end. Rows
are counted up to COUNT_LIMIT; a longer list says "More than 1,000".

The page value in the query string is a number, "last", or a cursor: "next.<microseconds>.<id>" (the rows after
that one) or "prev.<microseconds>.<id>" (the rows before it); "none" stands for an unknown date (such rows come
last, newest id first).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger
from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator as DjangoPaginator
from django.db import models
from django.db.models import BooleanField, DateTimeField, F, Func, Value
from django.db.models.sql.where import WhereNode

NUMBERED_PAGES = 20
COUNT_LIMIT = 1000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class MoreThan(int):
    """A count known only to exceed its value: reads "More than 1,000" in a page, compares as 1,000 in code."""

    def __str__(self) -> str:
        return f"More than {int(self):,}"


class KeyCompare(Func):
    """(published_at, id) < or > (date, id) as one row-value comparison, which both SQLite and PostgreSQL answer
    by seeking in an index ending in (published_at, id); Django spells it as an OR on SQLite, which they scan."""

    output_field = BooleanField()

    def __init__(self, operator: str, date: datetime, pk: int):
        super().__init__(F("published_at"), F("pk"), Value(date, output_field=DateTimeField()), Value(pk))
        self.operator = operator

    def as_sql(self, compiler, connection, **extra):
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, more = compiler.compile(expression)
            parts.append(sql)
            params.extend(more)
        return f"(({parts[0]}, {parts[1]}) {self.operator} ({parts[2]}, {parts[3]}))", params


def encode(row) -> str:
    date = "none" if row.published_at is None else str((row.published_at - EPOCH) // timedelta(microseconds=1))
    return f"{date}.{row.pk}"


def decode(text: str) -> tuple[datetime | None, int] | None:
    date, _, pk = text.partition(".")
    try:
        moment = None if date == "none" else EPOCH + timedelta(microseconds=int(date))
        return moment, int(pk)
    except (ValueError, OverflowError):
        return None


def following(queryset: models.QuerySet, key: tuple[datetime | None, int], limit: int) -> list:
    """Up to limit rows after key in newest-first order (dated rows, then undated ones by id)."""
    date, pk = key
    if date is None:
        parts = [queryset.filter(published_at=None, pk__lt=pk).order_by("-pk")]
    else:
        dated = queryset.filter(KeyCompare("<", date, pk)).order_by("-published_at", "-pk")
        parts = [dated, queryset.filter(published_at=None).order_by("-pk")]
    return fill(parts, limit)


def preceding(queryset: models.QuerySet, key: tuple[datetime | None, int], limit: int) -> list:
    """Up to limit rows before key in newest-first order, nearest first."""
    date, pk = key
    if date is None:
        undated = queryset.filter(published_at=None, pk__gt=pk).order_by("pk")
        parts = [undated, queryset.exclude(published_at=None).order_by("published_at", "pk")]
    else:
        parts = [queryset.filter(KeyCompare(">", date, pk)).order_by("published_at", "pk")]
    return fill(parts, limit)


def fill(parts: list[models.QuerySet], limit: int) -> list:
    """Rows from each queryset in turn until limit: the second is read only when the first runs out."""
    rows: list = []
    for part in parts:
        if len(rows) >= limit:
            break
        rows += rows_at(part, 0, limit - len(rows))
    return rows


def rows_at(queryset: models.QuerySet, offset: int, limit: int) -> list:
    """Rows offset..offset+limit of queryset, in one query that first picks their ids from the listed table alone.

    With the joins of select_related in the same SELECT, SQLite's planner may take a joined table as the outer
    loop once ANALYZE has run, and sort every row: the home page's five latest quotes took a second at 137,000
    quotes, scanning the articles. Inside "id IN (SELECT id … LIMIT n)" only the listed table's indexes compete;
    the joins then fetch n rows by primary key."""
    ids = queryset.values("pk")[offset : offset + limit]
    rows = queryset.all()
    # The ids carry every filter: repeated outside, a filter's index would lead the outer loop again (every quote
    # of a speaker, say). Its joins and the order stay (the order sorts the few rows).
    rows.query.where = WhereNode()
    return list(rows.filter(pk__in=ids))


class Paginator:
    """What the templates read of a paginator: the count (or MoreThan) and the number of pages when known."""

    def __init__(self, queryset: models.QuerySet, per_page: int):
        self.queryset, self.per_page = queryset, per_page

    @property
    def count(self) -> int:
        if not hasattr(self, "_count"):
            counted = self.queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()
            self._count = MoreThan(COUNT_LIMIT) if counted > COUNT_LIMIT else counted
        return self._count

    @property
    def num_pages(self) -> int | None:
        if isinstance(self.count, MoreThan):
            return None
        return max(1, -(-self.count // self.per_page))

    def page(self, value: str | None) -> Page:
        """The page a query-string value names; a number past the end gives the last page (past NUMBERED_PAGES
        of a list longer than COUNT_LIMIT, the last numbered one). Raises InvalidPage for a value naming none."""
        value = (value or "1").strip()
        kind, _, rest = value.partition(".")
        key = decode(rest) if kind in ("next", "prev") else None
        if key is not None:
            return self.after(key) if kind == "next" else self.before(key)
        if value == "last":
            return self.last()
        try:
            number = int(value)
        except ValueError:
            raise InvalidPage(f"No page {value!r}") from None
        if number < 1:
            raise InvalidPage(f"No page {value!r}")
        if number > NUMBERED_PAGES:
            # A counted list is short enough for any offset into it; a longer one has its first pages numbered.
            pages = self.num_pages
            number = NUMBERED_PAGES if pages is None else min(number, pages)
        return self.numbered(number)

    def get_page(self, value: str | None) -> Page:
        """As page(), but the first page for a value that names none (a list beside another on the page)."""
        try:
            return self.page(value)
        except InvalidPage:
            return self.numbered(1)

    def numbered(self, number: int) -> Page:
        start = (number - 1) * self.per_page
        rows = rows_at(self.queryset, start, self.per_page + 1)
        if not rows and number > 1:
            return self.last()  # past the end
        return Page(self, rows[: self.per_page], number, has_next=len(rows) > self.per_page, has_previous=number > 1)

    def last(self) -> Page:
        pages = self.num_pages
        size = self.count - (pages - 1) * self.per_page if pages else self.per_page
        rows = preceding(self.queryset, (None, 0), size)[::-1]
        return Page(self, rows, pages, has_next=False, has_previous=pages is None or pages > 1)

    def after(self, key) -> Page:
        rows = following(self.queryset, key, self.per_page + 1)
        if not rows:
            return self.last()
        return Page(self, rows[: self.per_page], None, has_next=len(rows) > self.per_page, has_previous=True)

    def before(self, key) -> Page:
        rows = preceding(self.queryset, key, self.per_page + 1)
        if len(rows) <= self.per_page:
            return self.numbered(1)  # back at the start: page 1 as it is
        return Page(self, rows[: self.per_page][::-1], None, has_next=True, has_previous=True)


class Page:
    """One page, with the query-string values of its neighbours in next_page_number / previous_page_number (the
    names Django's pages use, so that one template serves both)."""

    def __init__(self, paginator: Paginator, rows: list, number: int | None, *, has_next: bool, has_previous: bool):
        self.paginator, self.object_list, self.number = paginator, rows, number
        self._has_next, self._has_previous = has_next, has_previous

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self._has_previous

    def has_other_pages(self) -> bool:
        return self._has_next or self._has_previous

    def next_page_number(self) -> str:
        if self.number is not None and self.number < NUMBERED_PAGES:
            return str(self.number + 1)
        return "next." + encode(self.object_list[-1])

    def previous_page_number(self) -> str:
        if self.number is not None and self.number <= NUMBERED_PAGES:
            return str(self.number - 1)
        return "prev." + encode(self.object_list[0])


class KeysetPaged:
    """For list views ordered newest first: pages through Paginator above instead of Django's."""

    def paginate_queryset(self, queryset, page_size):
        # A value that names no page (an old or mangled link) shows the first page rather than a 404.
        page = Paginator(queryset, page_size).get_page(self.request.GET.get(self.page_kwarg))
        return page.paginator, page, page.object_list, page.has_other_pages()


class ResultsPaginator(DjangoPaginator):
    """Django's paginator, for search results (search.Results) whose count may be a MoreThan (PostgreSQL counts
    matches up to COUNT_LIMIT): past it, pages go on being numbered, each read with one match more to know whether
    another follows, and "last" counts the matches to the end for that page alone."""

    @property
    def num_pages(self) -> int | None:
        if isinstance(self.count, MoreThan):
            return None
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        return -(-max(1, self.count - self.orphans) // self.per_page)

    def validate_number(self, number):
        if not isinstance(self.count, MoreThan):
            return super().validate_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def get_page(self, number):
        """As Django's: a value that is no number gives the first page, one out of range the last."""
        if number == "last":
            return self.last()
        try:
            number = self.validate_number(number)
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            return self.last()
        return self.page(number)

    def page(self, number):
        if not isinstance(self.count, MoreThan):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            return self.last()  # past the end
        return ResultsPage(rows[: self.per_page], number, self, has_next=len(rows) > self.per_page)

    def last(self):
        if isinstance(self.count, MoreThan):
            self.count = self.object_list.exact_count()  # Django's count is a cached_property: this replaces it
        return super().page(self.num_pages)


class ResultsPage(DjangoPage):
    def __init__(self, object_list, number, paginator, *, has_next: bool):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self) -> bool:
        return self._has_next
