"""Datasette's pages beside ours, on the same SQLite file in the same run, when Datasette is installed (a
development dependency): its table page (as it ships, then with facet suggestions and the count turned off), a
speaker's quotes, a newest-first search of a common word, and a speaker facet over a search."""

from __future__ import annotations

import asyncio
import importlib.util
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from .report import Figure, p95

TIME_BUDGET = 10.0  # seconds of requests per page at most, as for our pages

# (key, label, Datasette's address after /<database>/archive_quote, the key of our equivalent page)
PAGES = [
    ("table", "quote table page", "?_size=20", "quote_list"),
    ("table_lean", "quote table page, no facet suggestions or count", "?_size=20&_nocount=1&_nofacet=1", "quote_list"),
    ("speaker", "the most quoted speaker's quotes, newest first", "?{speaker}&_sort_desc=published_at&_size=20",
     "quote_list_speaker"),
    ("search", "search “security”, newest first", "?_search=security&_sort_desc=published_at&_size=20",
     "search_date_security"),
    ("search_common", "search “Azerbaijan”, newest first", "?_search=Azerbaijan&_sort_desc=published_at&_size=20",
     "search_date_Azerbaijan"),
    ("search_facet", "speaker facet over search “security”", "?_search=security&_facet=speaker_id&_size=20",
     "search_date_security"),
]  # fmt: skip


DATASETTE_FTS = """
DROP TABLE IF EXISTS datasette_quote_fts;
CREATE VIRTUAL TABLE datasette_quote_fts USING fts5(text, content='archive_quote', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO datasette_quote_fts(datasette_quote_fts) VALUES ('rebuild');
"""


def installed() -> bool:
    return importlib.util.find_spec("datasette") is not None


def datasette_figures(db_path: Path, facts: dict, ours: dict[str, float | None], requests: int,
                      progress: Callable[[str], None]) -> list[Figure]:  # fmt: skip
    """p95 of each Datasette page, and its ratio to our equivalent page (above 1: we answer faster)."""
    from datasette import __version__
    from datasette.app import Datasette

    database = db_path.stem
    # Our quote index is keyed in date order, which Datasette cannot read; it gets the index a Datasette user would
    # make (as `sqlite-utils enable-fts` does: the table's text, keyed by its rowid), built here, outside the timing.
    progress("building Datasette's search index")
    with sqlite3.connect(db_path) as connection:
        connection.executescript(DATASETTE_FTS)
    search_index = {"fts_table": "datasette_quote_fts", "fts_pk": "id"}
    metadata = {"databases": {database: {"tables": {"archive_quote": search_index}}}}
    app = Datasette([str(db_path)], metadata=metadata)
    speaker = urlencode({"speaker_id": facts.get("top_speaker_pk", "")})
    figures = []
    for key, label, query, our_key in PAGES:
        url = f"/{database}/archive_quote" + query.format(speaker=speaker)
        progress(f"measuring Datasette {url}")
        value, detail = asyncio.run(time_datasette(app, url, requests))
        ratio = None if value is None or not ours.get(our_key) else value / ours[our_key]
        if ratio is not None:
            detail = f"Datasette {value:.1f} ms, ours {ours[our_key]:.1f} ms"
        ok = None if ratio is None else ratio >= 1
        label = f"Datasette {__version__} / ours, {label}"
        figures.append(Figure(f"datasette_{key}", label, ratio, "x", ">= 1x (we answer no slower)", ok, detail))
    return figures


async def time_datasette(app, url: str, requests: int) -> tuple[float | None, str]:
    response = await app.client.get(url)
    if response.status_code != 200:
        return None, f"HTTP {response.status_code}"
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < requests and (len(samples) < 5 or time.perf_counter() - started < TIME_BUDGET):
        began = time.perf_counter()
        await app.client.get(url)
        samples.append(1000 * (time.perf_counter() - began))
    return p95(samples), "" if len(samples) == requests else f"{len(samples)} requests"
