"""Facets of a list of quotes: how many are by each speaker, on each topic, from each outlet, checked or not, and
from each year, each a link that narrows the list. Also a speaker's topics and their quotes per month.

Bounded so that they cost the same at a million quotes as at a thousand: counts are taken over the newest
`WINDOW` quotes of the list (read from the date index, or from the search index's ids), and the page says so when
the list is longer. Two GROUP BY queries over at most WINDOW rows each.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import BooleanField, CharField, Count, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Substr
from django.urls import reverse

from .filters import outlet_key, outlet_label
from .models import Quote, Speaker
from .pagination import MoreThan

WINDOW = 1000
TOP = 8


def date_prefix(length: int):
    """The first characters of published_at as text ("2024" or "2024-03"), in UTC as stored. Django's ExtractYear
    and TruncMonth run a Python function per row on SQLite: ten times slower over a speaker's thousands of quotes."""
    return Substr(Cast("published_at", CharField()), 1, length)


class AnyOf(Func):
    """field is one of ids, the ids one parameter: an array on PostgreSQL, a JSON array on SQLite (see among)."""

    output_field = BooleanField()

    def __init__(self, field: str, ids: list[int]):
        super().__init__(F(field))
        self.ids = [int(pk) for pk in ids]

    def as_sql(self, compiler, connection, **extra):  # other databases: one parameter per id
        sql, params = compiler.compile(self.get_source_expressions()[0])
        if not self.ids:
            return "1 = 0", []
        return f"{sql} IN ({', '.join(['%s'] * len(self.ids))})", [*params, *self.ids]

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"{sql} = ANY(%s::bigint[])", [*params, self.ids]

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"{sql} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(self.ids)]


def among(field: str, ids: list[int]) -> AnyOf:
    """A condition: field is one of ids (a window of up to WINDOW quotes), the ids passed as one parameter: as 1,000
    parameters of "IN (...)" they cost 10 ms of Python per query at any archive size (Django prepares each value,
    and psycopg splits the statement at each placeholder), more than the query itself: on SQLite at 10,000 articles
    a facet's grouping took 14 ms that way and 6 ms with the ids as one JSON array. The plans are the same:
    PostgreSQL reads "IN (list)" as "= ANY(array)", SQLite looks each id up from the array's table."""
    return AnyOf(field, ids)


@dataclass(frozen=True)
class Entry:
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    entries: list[Entry]


def quote_facets(quotes, request, total: int, words: str = "") -> dict:
    """Facets of `quotes` (a queryset in list order, or the ids of a search's newest matches).

    On the quote list each entry adds its filter to the current query; from the search page (`words` given) it
    opens the quote list filtered by those words and the entry.
    """
    # The window's ids are read first and given as values: as a subquery, PostgreSQL hashed it against a scan of
    # every topic link (29 ms at 10,000 articles, growing with the archive) instead of 1,000 index lookups (2 ms).
    ids = quotes if isinstance(quotes, list) else list(quotes.values_list("pk", flat=True)[:WINDOW])
    rows = Quote.objects.filter(among("pk", ids)).order_by()
    current = request.GET if not words else {}
    base = reverse("quote_list") + "?"  # once: each of the ~40 links would resolve the route again

    def link(**changes) -> str:
        query = {key: value for key, value in current.items() if key != "page"} if current else {"text": words}
        query.update(changes)
        return base + urlencode(query)

    def entry(label, count, name, value, **more) -> Entry:
        return Entry(label, count, link(**{name: value}, **more), str(current.get(name, "")) == str(value))

    # One GROUP BY for speakers, outlets, statuses and years (at most WINDOW groups), summed here per facet. On the
    # quote's own columns (its copy of the outlet, its speaker's id), each group's speaker looked up by id after
    # grouping: joined before it, PostgreSQL hashed every speaker and every article of the archive for 1,000 rows.
    speakers: Counter = Counter()
    outlets: dict[str, list] = {}
    statuses: Counter = Counter()
    years: Counter = Counter()
    speaker = Speaker.objects.filter(pk=OuterRef("speaker")).order_by()
    grouped = (
        rows.values("speaker", "outlet", "status", year=date_prefix(4))
        .annotate(n=Count("pk"))
        .annotate(name=Subquery(speaker.values("name")[:1]), slug=Subquery(speaker.values("slug")[:1]))
        .values_list("name", "slug", "outlet", "status", "year", "n")
    )
    for name, slug, outlet, status, year, n in grouped:
        if slug:
            speakers[(name, slug)] += n
        if outlet:
            spellings = outlets.setdefault(outlet_key(outlet), [set(), 0])
            spellings[0].add(outlet)
            spellings[1] += n
        statuses[status] += n
        if year:
            years[int(year)] += n
    topics = (
        Quote.topics.through.objects.filter(among("quote_id", ids))
        .values("topic__name", "topic__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic__name")[:TOP]
    )
    top_speakers = sorted(speakers.items(), key=lambda item: (-item[1], item[0][0]))[:TOP]
    outlet_entries = sorted(
        (entry(outlet_label(sorted(names)), n, "outlet", outlet_label(sorted(names))) for names, n in outlets.values()),
        key=lambda e: (-e.count, e.label),
    )[:TOP]
    return {
        "counted": min(int(total), WINDOW),
        "total": total,
        "partial": isinstance(total, MoreThan) or total > WINDOW,
        "facets": [
            Facet(
                "status",
                "Review",
                [
                    entry(label, statuses[value], "status", value)
                    for value, label in (
                        (Quote.Status.VERIFIED, "Verified"),
                        (Quote.Status.UNREVIEWED, "Not yet checked"),
                    )
                    if statuses.get(value)
                ],
            ),
            Facet(
                "speaker",
                "Speakers",
                [entry(name, n, "speaker", slug) for (name, slug), n in top_speakers],
            ),
            Facet("topic", "Topics", [entry(r["topic__name"], r["n"], "topic", r["topic__slug"]) for r in topics]),
            Facet("outlet", "Outlets", outlet_entries),
            Facet(
                "year",
                "Years",
                [
                    Entry(
                        str(y),
                        n,
                        link(date_from=f"{y}-01-01", date_to=f"{y}-12-31"),
                        current.get("date_from") == f"{y}-01-01",
                    )
                    for y, n in sorted(years.items(), reverse=True)
                ],
            ),
        ],
    }


def speaker_window(speaker: Speaker) -> list[int]:
    """The ids of the speaker's newest WINDOW public quotes, read from the (speaker, published_at, id) index: the
    speaker's topics and timeline are counted over these, so a speaker with 60,000 quotes costs what one with
    1,000 does (the page says so when there are more). Read once, as values (see quote_facets)."""
    return list(speaker.quotes.public().newest_first().values_list("pk", flat=True)[:WINDOW])


def speaker_topics(window: list[int], limit: int = 12) -> list[dict]:
    """The topics of a speaker's window of quotes (speaker_window), most frequent first."""
    return list(
        Quote.topics.through.objects.filter(among("quote_id", window))
        .values("topic__name", "topic__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic__name")[:limit]
    )


def speaker_timeline(window: list[int]) -> list[dict]:
    """A speaker's window of quotes (speaker_window) per month, oldest first, each with the share of the busiest
    month (for a bar)."""
    months = list(
        Quote.objects.filter(among("pk", window))
        .filter(~Q(published_at=None))
        .order_by()
        .annotate(month=date_prefix(7))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    busiest = max((m["n"] for m in months), default=0)
    return [
        {"month": date(int(m["month"][:4]), int(m["month"][5:7]), 1), "count": m["n"], "max": busiest} for m in months
    ]
