"""A query's terms and a searched model in; the PostgreSQL tsquery, the stored search vector and the escaped text
its headlines read out (the PostgreSQL backend of search.py, which runs the queries)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import F, TextField, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Replace

from .search_query import Term, stem_candidates

if TYPE_CHECKING:
    from .search import Target

# PostgreSQL's text search configuration; migration 0004 indexes with the same one.
PG_CONFIG = "english"


def pg_query(terms: tuple[Term, ...]):
    """A PostgreSQL tsquery with the same meaning: each term a word, a phrase or a prefix, all required."""
    from django.contrib.postgres.search import SearchQuery

    query = None
    for term in terms:
        if term.prefix:
            # A word of letters and digits quoted as a lexeme: nothing in it is tsquery syntax.
            part = SearchQuery(f"'{term.words[0]}':*", config=PG_CONFIG, search_type="raw")
            for stem in stem_candidates(term.words[0]):
                part |= SearchQuery(f"'{stem}'", config=PG_CONFIG, search_type="raw")
        elif len(term.words) > 1:
            part = SearchQuery(" ".join(term.words), config=PG_CONFIG, search_type="phrase")
        else:
            part = SearchQuery(term.words[0], config=PG_CONFIG, search_type="plain")
        query = part if query is None else query & part
    return query


def pg_escaped(field: str):
    """A text column with & < > escaped, as PostgreSQL reads it for search: raw, its parser takes "<script>" or
    "<b>" for markup, leaves their words out of the index and drops them from a headline (a quote is exact)."""
    replaced = F(field)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        replaced = Replace(replaced, Value(char), Value(entity), output_field=TextField())
    return replaced


def pg_vector(target: Target):
    """The row's stored search vector (PostgreSQL: the generated column of migration 0008, GIN-indexed): a match
    reads the index, and ranking reads the stored vector rather than parsing each match's text again."""
    from django.contrib.postgres.search import SearchVectorField

    return StoredVector(output_field=SearchVectorField())


class StoredVector(Expression):
    """The search_vector column of the queried table, which the models do not declare (SQLite has none)."""

    def as_sql(self, compiler, connection):
        # The query's own alias of its table: "U0" inside a subquery.
        return f"{compiler.quote_name_unless_alias(compiler.query.get_initial_alias())}.search_vector", []


# Newest first: two plans for PostgreSQL, chosen by search.py from the (capped) count of matches. Both rewrite the
# FROM of Django's query for the page's ids, where the table is named once and has no join.
NEWEST_FIRST_SQL = "published_at DESC NULLS LAST, id DESC"
# A first page of a common word is looked for among the newest WALK_ROWS rows (~10 ms of index entries at most),
# for up to WALK_ROWS // WALK_DENSITY matches (a word in at least 1% of them).
WALK_ROWS, WALK_DENSITY = 10_000, 100


def pg_walk_newest(sql: str, table: str, rows: int) -> str:
    """The query, over the newest `rows` rows of the table only (read from its newest-first index): for a common
    word its page is among them, and a word whose matches are old costs `rows` index entries, not the table."""
    quoted = f'FROM "{table}" '
    assert quoted in sql, sql
    newest = f'FROM (SELECT * FROM "{table}" ORDER BY {NEWEST_FIRST_SQL} LIMIT {int(rows)}) "{table}" '
    return sql.replace(quoted, newest, 1)


def pg_sort_matches(sql: str, offset: int, limit: int) -> str:
    """The ids of matches offset..offset+limit, newest first, from `sql` selecting every match's "pk" and
    published_at: read first (from the GIN index) and then sorted. Behind OFFSET 0 the planner cannot walk the date
    index instead, testing every row it passes."""
    return (
        f"SELECT m.pk FROM ({sql} OFFSET 0) m ORDER BY m.published_at DESC NULLS LAST, m.pk DESC "
        f"LIMIT {int(limit)} OFFSET {int(offset)}"
    )
