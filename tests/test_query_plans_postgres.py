"""On PostgreSQL the lists read their rows from the newest-first indexes of migration 0012, after ANALYZE, instead of
sorting the table (PostgreSQL sorts NULL highest, so the plain (published_at, id) indexes do not give the lists'
order "newest first, undated last")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.test_query_plans import archive  # noqa: F401 - the fixture: 600 articles, 6,000 quotes, ANALYZE

PAGES = [
    ("/", "quote_newest_pg"),
    ("/quotes/", "quote_newest_pg"),
    ("/quotes/?page=last", "quote_newest_pg"),
    ("/quotes/?outlet=Morning+Star", "quote_outlet_newest_pg"),
    ("/quotes/?kind=interview_answer", "quote_kind_newest_pg"),
    ("/quotes/?speaker=speaker-0", "quote_speaker_newest_pg"),
    ("/speakers/speaker-0/", "quote_speaker_newest_pg"),
    ("/articles/", "article_newest_pg"),
]


def row_query_plan(client, url: str) -> str:
    """The plan of the query that picks the page's row ids (a subquery with an ORDER BY and a LIMIT)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    sql = next(
        q["sql"] for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and "IN (SELECT" in q["sql"] and "LIMIT" in q["sql"]
        and "COUNT(" not in q["sql"] and "GROUP BY" not in q["sql"]
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(("url", "index"), PAGES)
def test_the_lists_read_the_newest_first_index_after_analyze(client, archive, url, index):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's own indexes (SQLite's plans are tested in test_query_plans.py)")
    plan = row_query_plan(client, url)
    assert index in plan, plan
    assert "Sort Key: u0.published_at" not in plan, plan


def test_the_outlet_choices_skip_through_the_outlet_index(archive):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's own plan (SQLite's is tested in test_query_plans.py)")
    from archive.filters import printed_outlets

    assert printed_outlets() == sorted(["Daily Planet", "Morning Star", "Evening Post", "Harbour Times"])
    with CaptureQueriesContext(connection) as queries:
        printed_outlets()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + queries.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan on archive_article" not in plan, plan
    assert "archive_article_outlet" in plan, plan
