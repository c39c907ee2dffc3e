"""A query's terms in, the SQLite FTS5 MATCH expression out; and the date-ordered key of the FTS5 indexes
(the FTS5 backend of search.py, which runs the SQL)."""

from __future__ import annotations

from .search_query import Term, stem_candidates


def fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts5_query(terms: tuple[Term, ...]) -> str:
    """An FTS5 MATCH expression: every term an FTS5 string (so no operator or column name), all required.

    A prefix with its shorter stems is a group in brackets, which FTS5 joins to the rest only with an explicit AND.
    """
    parts = []
    for term in terms:
        string = fts5_string(" ".join(term.words))
        if term.prefix:
            shorter = [fts5_string(stem) for stem in stem_candidates(term.words[0])]
            string = "(" + " OR ".join([string + "*", *shorter]) + ")" if shorter else string + "*"
        parts.append(string)
    return " AND ".join(parts)


# The FTS5 indexes are keyed in date order: a row's key is the minute of its date (Julian), then its id (migration
# 0013), so that FTS5, which returns its matches in key order either way, gives a page newest first by reading just
# that page: 0.2 ms for a word in 40% of 1.4 million quotes, where walking the date index and probing each row, or
# fetching and sorting every match, took 70 to 530 ms. Undated rows get minute 0 and come last, as in the lists.
# (Julian days, not strftime('%s'): a "%s" in SQL that Django passes parameters with becomes a placeholder.)
ID_BITS = 31  # ids up to 2,147,483,647; Julian minutes up to the year 3454
ID_MASK = (1 << ID_BITS) - 1


def date_key(table: str = "") -> str:
    """The SQL of a row's key in the FTS5 index, its columns named through `table` when given. Unqualified, the
    text of migration 0013's expression indexes, which SQLite reads a match's text by for its snippet."""
    column = f"{table}." if table else ""
    return f"(COALESCE(CAST(julianday({column}published_at) * 1440 AS INTEGER), 0) * {1 << ID_BITS} + {column}id)"


ROW_ID = f"(rowid & {ID_MASK})"  # the row id held in an FTS5 row's key
