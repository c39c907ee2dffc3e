"""A query's terms in; the SQLite FTS5 MATCH expression and the cheapest plan for a page in date order out
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


# Measured on a million quotes (microseconds): walking the (published_at, id) index, per entry passed; fetching
# and sorting the matches, per match. A page in the middle of 80,000 matches costs 140 ms either way; a first
# or last page, or any page of a word in fewer than 2,000 quotes, 1 to 20 ms.
WALK_COST, SORT_COST = 0.25, 2.0


def sqlite_date_plan(offset: int, limit: int, matches: int, rows: int) -> str:
    """How to read matches offset..offset+limit newest first: the cheapest of three plans.

    "newest" walks the date index from the newest row and keeps the matches: it passes rows/matches index
    entries per match, cheap for a common word and an early page. "oldest" walks it from the other end, for
    the last pages. "sort" fetches every match and sorts them, cheap for a rare word. (The FTS rowid is the
    row's id, which follows import order, not publication: the index alone cannot give date order.)
    """
    spacing = rows / max(matches, 1)
    costs = {
        "newest": WALK_COST * (offset + limit) * spacing,
        "oldest": WALK_COST * (matches - offset) * spacing,
        "sort": SORT_COST * matches,
    }
    return min(costs, key=costs.get)
