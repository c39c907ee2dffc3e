"""Full-text search of quotes and articles: a reader's words in, matching rows with highlighted snippets out.

SQLite (the default) answers from FTS5 tables that triggers keep in step with the rows (migration 0004); PostgreSQL
from GIN indexes over ``to_tsvector``. Nothing outside this module knows which: the query each backend reads is
built in search_sqlite.py and search_postgres.py, the reader's terms and the snippets in search_query.py. The
reader's text never reaches SQL as syntax: `parse` keeps only words, "quoted phrases" and word* prefixes, each
backend's query is built from those and passed as a parameter, so quotes, operators, brackets, colons and NUL bytes
mean nothing special, and a query left without words matches nothing.

The quote index holds public quotes only (its source is a view without the rejected ones), so a reader's
search is counted and paged inside the index: a count there takes 3 ms where one through ``id IN (search)``
takes 90. Editors' searches in the admin add the rejected quotes back (`filter_quotes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe
from django.utils.text import smart_split, unescape_string_literal

from .models import Article, Quote
from .pagination import COUNT_LIMIT, MoreThan
from .search_postgres import (
    PG_CONFIG,
    WALK_DENSITY,
    WALK_ROWS,
    pg_escaped,
    pg_query,
    pg_sort_matches,
    pg_vector,
    pg_walk_newest,
)
from .search_query import MARK_END, MARK_START, Term, parse, snippet
from .search_sqlite import ROW_ID, date_key, fts5_query

DATE, RELEVANCE = "date", "relevance"
ORDERS = (DATE, RELEVANCE)
NEWEST_FIRST = (F("published_at").desc(nulls_last=True), "-id")


# What is searched


@dataclass(frozen=True)
class Target:
    model: type
    fts: str  # SQLite: the FTS5 table, keyed in date order (search_sqlite.date_key)
    snippets: tuple[tuple[str, str, int, int], ...]  # (attribute, field, FTS5 column, words) of each snippet


QUOTES = Target(Quote, "archive_quote_fts", (("snippet", "text", 0, 60),))
ARTICLES = Target(
    Article,
    "archive_article_fts",
    (("title_snippet", "title", 0, 0), ("snippet", "body", 2, 30)),  # 0 words: the whole field
)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


# Filtering a queryset (the quote list's text filter, the admin)


def matching(target: Target, terms: tuple[Term, ...]) -> Q:
    """A condition on the target's rows: they contain every term. Public quotes only, on SQLite."""
    if not terms:
        return Q(pk__in=[])
    if _postgres():
        from django.contrib.postgres.search import SearchVectorExact

        # "vector @@ query" on the row itself: through "id IN (matches)" PostgreSQL joined the table to itself,
        # three times slower (344 ms against 118 for a word in 80,000 of a million quotes).
        return Q(SearchVectorExact(pg_vector(target), pg_query(terms)))
    return Q(pk__in=RawSQL(f"SELECT {ROW_ID} FROM {target.fts} WHERE {target.fts} MATCH %s", [fts5_query(terms)]))


def quote_match(text: str, *, include_rejected: bool = False) -> Q:
    """A condition on quotes: their text contains the words of `text`. To combine with other conditions."""
    terms = parse(text)
    found = matching(QUOTES, terms)
    if include_rejected and terms and not _postgres():
        # The SQLite index leaves rejected quotes out; an editor looking for one gets a substring search among
        # them (the status index finds them, and there are few).
        rejected = Q(status=Quote.Status.REJECTED)
        for term in terms:
            rejected &= Q(text__icontains=" ".join(term.words))
        found |= rejected
    return found


def admin_words(search_term: str) -> list[tuple[str, str]]:
    """An admin search split as Django splits it, on spaces with "a quoted phrase" kept whole: for each
    piece, (the text a substring search looks for, the query for the index, a phrase still in its quotes)."""
    words = []
    for bit in smart_split(search_term.replace("\x00", "")):
        plain = bit
        if bit[:1] in ('"', "'") and bit[0] == bit[-1] and len(bit) > 1:
            plain = unescape_string_literal(bit)
        words.append((plain, bit))
    return words


def article_match(text: str) -> Q:
    """A condition on articles: their title, subtitle or body contain the words of `text`."""
    return matching(ARTICLES, parse(text))


def filter_quotes(queryset: QuerySet, text: str, *, include_rejected: bool = False) -> QuerySet:
    """The quotes of `queryset` that contain the words of `text`; its order and other filters stay."""
    return queryset.filter(quote_match(text, include_rejected=include_rejected))


# Searching: pages of matches, counted and ordered in the index


def search_quotes(text: str, queryset: QuerySet | None = None, order: str = DATE, snippets: bool = True) -> Results:
    """Public quotes containing the words of `text`, newest first or best first, as a Paginator takes them.

    `queryset` gives the rows their related objects and deferred fields; it must not filter them (use
    `filter_quotes` for that), because counts and pages are taken in the index of all public quotes.
    """
    return Results(QUOTES, parse(text), queryset if queryset is not None else Quote.objects.public(), order, snippets)


def search_articles(text: str, queryset: QuerySet | None = None, order: str = DATE, snippets: bool = True) -> Results:
    """Articles whose title, subtitle or body contain the words of `text`; see `search_quotes`."""
    return Results(ARTICLES, parse(text), queryset if queryset is not None else Article.objects.all(), order, snippets)


class Results:
    """The matches of one search: ``count()`` and slices of rows, which is all a Paginator asks.

    A slice costs two queries, its ids then its rows (with their snippets); the count one more.
    """

    def __init__(self, target: Target, terms: tuple[Term, ...], queryset: QuerySet, order: str, snippets: bool):
        self.target, self.terms, self.queryset, self.snippets = target, terms, queryset, snippets
        self.order = order if order in ORDERS else DATE

    @cached_property
    def _count(self) -> int:
        """The number of matches up to COUNT_LIMIT, else MoreThan(COUNT_LIMIT), as the lists count: counted to the
        end, a word in half the quotes of 10,000 articles took 100-130 ms on PostgreSQL (every match's row read; and
        the search page counts quotes and articles), and one in 40% of 1.4 million quotes 110 ms in FTS5."""
        if not self.terms:
            return 0
        if _postgres():
            found = self.queryset.filter(matching(self.target, self.terms)).order_by().values("pk")
            counted = found[: COUNT_LIMIT + 1].count()
        else:
            fts = self.target.fts
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH %s LIMIT %s)"
            counted = self._fetch_ids(sql, [fts5_query(self.terms), COUNT_LIMIT + 1])[0]
        return MoreThan(COUNT_LIMIT) if counted > COUNT_LIMIT else counted

    def count(self) -> int:
        """The number of matches, or a MoreThan past COUNT_LIMIT."""
        return self._count

    def exact_count(self) -> int:
        """The number of matches, counted to the end: for the last page only."""
        if not isinstance(self.count(), MoreThan):
            return self._count
        if _postgres():
            # Not kept as the count: _pg_ids chooses its plan by whether the count was capped.
            return self.queryset.filter(matching(self.target, self.terms)).order_by().count()
        # Kept: SQLite then reads the last page from the oldest end of its date-keyed index.
        fts = self.target.fts
        self._count = self._fetch_ids(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH %s", [fts5_query(self.terms)])[0]
        return self._count

    def ids(self, limit: int) -> list[int]:
        """The ids of the first `limit` matches in this order, without their rows."""
        return self._ids(0, limit) if self.terms else []

    def newest_ids(self, limit: int) -> list[int]:
        """The ids of the newest `limit` matches, whatever the order of the page (facets count over them): read
        from the date index, where best-first would rank every match again for the window."""
        return self._ids(0, limit, DATE) if self.terms else []

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        if isinstance(item, int):
            rows = self[item : item + 1]
            if not rows:
                raise IndexError(item)
            return rows[0]
        if not isinstance(item, slice):
            raise TypeError(f"search results are read by index or slice, not {type(item).__name__}")
        start, stop = item.start or 0, item.stop if item.stop is not None else self.count()
        if stop <= start or not self.terms:
            return []
        ids = self._ids(start, stop - start)
        if not ids:
            return []
        by_id = {row.pk: row for row in self._rows(ids)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def _ids(self, offset: int, limit: int, order: str | None = None) -> list[int]:
        order = order or self.order
        if _postgres():
            return self._pg_ids(offset, limit, order)
        fts, match, found = self.target.fts, fts5_query(self.terms), ROW_ID
        if order == RELEVANCE:
            sql = f"SELECT {found} FROM {fts} WHERE {fts} MATCH %s ORDER BY rank LIMIT %s OFFSET %s"
            return self._fetch_ids(sql, [match, limit, offset])
        # The index is keyed in date order: newest first is its own order backwards. A page past the middle of
        # an exact count is read from the oldest end, so that the last page costs what the first does.
        matches = self.count()
        if isinstance(matches, MoreThan) or offset <= matches - offset - limit:
            sql = f"SELECT {found} FROM {fts} WHERE {fts} MATCH %s ORDER BY rowid DESC LIMIT %s OFFSET %s"
            return self._fetch_ids(sql, [match, limit, offset])
        limit = min(limit, matches - offset)
        if limit <= 0:
            return []
        sql = f"SELECT {found} FROM {fts} WHERE {fts} MATCH %s ORDER BY rowid LIMIT %s OFFSET %s"
        return self._fetch_ids(sql, [match, limit, matches - offset - limit])[::-1]

    @staticmethod
    def _fetch_ids(sql: str, params: list) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def _pg_ids(self, offset: int, limit: int, order: str) -> list[int]:
        from django.contrib.postgres.search import SearchRank

        found = self.queryset.filter(matching(self.target, self.terms))
        if order == RELEVANCE:
            found = found.annotate(_rank=SearchRank(pg_vector(self.target), pg_query(self.terms)))
            found = found.order_by("-_rank", "-id")
            return list(found.values_list("pk", flat=True)[offset : offset + limit])
        ids = found.order_by(*NEWEST_FIRST).values_list("pk", flat=True)[offset : offset + limit]
        if isinstance(self.count(), MoreThan):
            if offset + limit > WALK_ROWS // WALK_DENSITY:
                # A deep page or the facets' window of a common word: the planner weighs walking the date index
                # against sorting every match, from its estimate of the word's frequency.
                return list(ids)
            # A first page of a common word: walk the newest WALK_ROWS rows. PostgreSQL's planner would walk the
            # date index for any word it expects to be common, to the end if the word's matches are all old (242 ms
            # for a word in 2,000 quotes of one year at 10,000 articles; 37 ms this way).
            sql, params = ids.query.sql_with_params()
            walked = self._fetch_ids(pg_walk_newest(sql, self.target.model._meta.db_table, WALK_ROWS), params)
            if len(walked) == limit:
                return walked
        # Few matches (counted, at most COUNT_LIMIT), or too few among the newest rows: every match, sorted by date.
        sql, params = found.order_by().values("pk", "published_at").query.sql_with_params()
        return self._fetch_ids(pg_sort_matches(sql, offset, limit), params)

    def _rows(self, ids: list[int]) -> list:
        rows = self.queryset.filter(pk__in=ids).order_by()
        if not self.snippets:
            return list(rows)
        if _postgres():
            return self._pg_rows(rows)
        fts, table = self.target.fts, self.target.model._meta.db_table
        match = fts5_query(self.terms)
        annotations = {}
        for attribute, _field, column, words in self.target.snippets:
            function = (
                f"snippet({fts}, {column}, %s, %s, '…', {words})" if words else f"highlight({fts}, {column}, %s, %s)"
            )
            annotations[f"_marked_{attribute}"] = RawSQL(
                f"SELECT {function} FROM {fts} WHERE {fts} MATCH %s AND rowid = {date_key(table)}",
                [MARK_START, MARK_END, match],
            )
        rows = list(rows.annotate(**annotations))
        for row in rows:
            for attribute, *_ in self.target.snippets:
                setattr(row, attribute, snippet(getattr(row, f"_marked_{attribute}")))
        return rows

    def _pg_rows(self, rows: QuerySet) -> list:
        from django.contrib.postgres.search import SearchHeadline

        query = pg_query(self.terms)
        annotations = {}
        for attribute, field, _column, words in self.target.snippets:
            options = {"highlight_all": True} if not words else {"max_words": words, "min_words": words // 2}
            annotations[f"_marked_{attribute}"] = SearchHeadline(
                pg_escaped(field), query, config=PG_CONFIG, start_sel=MARK_START, stop_sel=MARK_END, **options
            )
        rows = list(rows.annotate(**annotations))
        for row in rows:
            for attribute, field, _column, words in self.target.snippets:
                marked = getattr(row, f"_marked_{attribute}")
                # The full text is at hand for a quote; an article's body is left in the database.
                full = getattr(row, field) if words and field in row.__dict__ else None
                html = snippet(marked, full, escaped=True)
                if words and full is None:
                    html = mark_safe(f"…{html}…")
                setattr(row, attribute, html)
        return rows
