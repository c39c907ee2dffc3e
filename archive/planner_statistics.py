"""Fresh planner statistics after an import, on PostgreSQL.

PostgreSQL plans from statistics that autovacuum gathers some time after rows arrive, or never where autovacuum is
off (as on the machines this was measured on): an archive imported in one go was planned as if empty, and lists took
2-4 times as long (the quote list filtered by outlet 161 ms at 10,000 articles, 77 ms after ANALYZE). An import
that wrote rows therefore analyzes the tables it wrote. SQLite is left alone: its list queries are written to walk
their index with or without statistics (tests/test_query_plans.py), and a full ANALYZE of a big file takes long.
"""

from __future__ import annotations

from django.db import connection

__all__ = ["refresh_after_import"]

WRITTEN_TABLES = (
    "archive_article",
    "archive_quote",
    "archive_speaker",
    "archive_speakeralias",
    "archive_article_topics",
    "archive_quote_topics",
)


def refresh_after_import() -> bool:
    """Analyze the tables an import writes, where the database needs it; True when it did."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(WRITTEN_TABLES))
    return True
