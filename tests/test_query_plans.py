"""The list pages' queries walk the index meant for them, and still do after ANALYZE.

SQLite plans from its statistics: once ANALYZE has run, the planner may prefer another index and sort every row
(the home page was seen switching to a one-second plan at a million quotes). Each page here is requested on a
generated archive after ANALYZE, and the plan of its page query (EXPLAIN QUERY PLAN) must name the intended index
and must not sort the list in a temporary B-tree.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import models as archive_models
from archive.models import Article, Quote, Speaker, Topic
from archive.pagination import encode

pytestmark = pytest.mark.sqlite_only

OUTLETS = ("Daily Planet", "Morning Star", "Evening Post", "Harbour Times")


@pytest.fixture
def archive(db, monkeypatch, settings):
    """600 articles and 6,000 quotes over four outlets, 40 speakers, a big topic (on 40% of the quotes) and a
    small one (on 5 quotes), then ANALYZE. A topic is "small" under 200 links here (SMALL_TOPIC)."""
    monkeypatch.setattr(archive_models, "SMALL_TOPIC", 200)
    settings.ALLOWED_HOSTS = ["testserver"]
    rng = random.Random(12)
    speakers = Speaker.objects.bulk_create(Speaker(name=f"Speaker {n}", slug=f"speaker-{n}") for n in range(40))
    big = Topic.objects.create(name="Big", slug="big")
    small = Topic.objects.create(name="Small", slug="small")
    start = datetime(2015, 1, 1, tzinfo=UTC)
    body = "Words. " + "x" * 200
    articles = Article.objects.bulk_create(
        Article(
            title=f"Story {n}", slug=f"story-{n}", outlet=OUTLETS[n % 4], source_file=f"{n}.txt",
            content_hash=f"{n:064x}", body=body, raw_text=body,
            published_at=start + timedelta(hours=rng.randrange(24 * 365 * 5)),
        )
        for n in range(600)
    )  # fmt: skip
    quotes = []
    for article in articles:
        for n in range(10):
            quote = Quote(article=article, speaker=rng.choice(speakers), text="x" * (n + 1), start=10, end=11 + n,
                          kind=rng.choice(Quote.Kind.values), status=rng.choice(Quote.Status.values))  # fmt: skip
            quote.follow_article()
            quotes.append(quote)
    Quote.objects.bulk_create(quotes)
    links = [Quote.topics.through(quote_id=q.pk, topic_id=big.pk) for q in quotes if rng.random() < 0.4]
    links += [Quote.topics.through(quote_id=q.pk, topic_id=small.pk) for q in quotes[:5]]
    Quote.topics.through.objects.bulk_create(links)
    article_links = Article.topics.through
    article_links.objects.bulk_create(article_links(article_id=a.pk, topic_id=big.pk) for a in articles)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"speaker": speakers[0].slug, "cursor": Quote.objects.newest_first()[500]}


def page_query_plan(client, url: str, table: str) -> tuple[str, str]:
    """The plan of the query that reads the page's rows (from `table`, picking their ids in a subquery with an
    ORDER BY and a LIMIT): (the outer query's steps, the id subquery's steps)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    sql = next(
        q["sql"] for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"] and "IN (SELECT" in q["sql"]
        and "LIMIT" in q["sql"] and "COUNT(" not in q["sql"] and "GROUP BY" not in q["sql"]
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        steps = cursor.fetchall()  # (id, parent, _, detail)
    inner = {step[0] for step in steps if step[-1].startswith("LIST SUBQUERY")}
    for step in steps:  # the subquery's steps, however deep
        if step[1] in inner:
            inner.add(step[0])
    outer = [step[-1] for step in steps if step[0] not in inner or step[-1].startswith("LIST SUBQUERY")]
    return "\n".join(outer), "\n".join(step[-1] for step in steps if step[0] in inner)


def walks(plan: tuple[str, str], index: str, table: str) -> bool:
    """The ids are read walking `index` without sorting them; the outer query only fetches those rows by id."""
    outer, inner = plan
    fetched_by_id = outer.startswith(f"SEARCH {table} USING INTEGER PRIMARY KEY") and "SCAN" not in outer
    return fetched_by_id and index in inner and "TEMP B-TREE" not in inner


PAGES = [
        ("/quotes/", "quote_date_idx"),
        ("/quotes/?outlet=Morning+Star", "quote_outlet_date_idx"),
        ("/quotes/?kind=interview_answer", "quote_kind_date_idx"),
        ("/quotes/?speaker=speaker-0", "quote_speaker_date_idx"),
        ("/quotes/?topic=big", "quote_date_idx"),
        ("/quotes/?date_from=2016-01-01&date_to=2016-03-31", "quote_date_idx"),
        ("/quotes/?page=last", "quote_date_idx"),
        ("/quotes/?outlet=Morning+Star&page=last", "quote_outlet_date_idx"),
        ("/speakers/speaker-0/", "quote_speaker_date_idx"),
        ("/speakers/speaker-0/?page=last", "quote_speaker_date_idx"),
        ("/topics/big/", "quote_date_idx"),
        ("/topics/big/feed/", "quote_date_idx"),
        ("/", "quote_date_idx"),
]  # fmt: skip


def test_the_lists_walk_their_index_in_date_order_after_analyze(client, archive):
    # One archive for every page (building it is the slow part); each wrong plan is listed.
    wrong = {}
    for url, index in PAGES:
        plan = page_query_plan(client, url, "archive_quote")
        if not walks(plan, index, "archive_quote"):
            wrong[url] = plan
    for url in ("/articles/", "/articles/?page=last", "/topics/big/"):
        plan = page_query_plan(client, url, "archive_article")
        if not walks(plan, "article_date_idx", "archive_article"):
            wrong[url] = plan
    # Deep pages seek to their cursor in the index (a row-value range), rather than walking to it.
    key = encode(archive["cursor"])
    for url, seek in ((f"/quotes/?page=next.{key}", "<"), (f"/quotes/?page=prev.{key}", ">")):
        plan = page_query_plan(client, url, "archive_quote")
        if not walks(plan, f"USING INDEX quote_date_idx (published_at{seek}?)", "archive_quote"):
            wrong[url] = plan
    # A small topic is read through its links, and its few rows sorted.
    outer, inner = page_query_plan(client, "/quotes/?topic=small", "archive_quote")
    if "USING INTEGER PRIMARY KEY" not in inner or "archive_quote_topics" not in inner:
        wrong["/quotes/?topic=small"] = (outer, inner)
    assert not wrong, "\n\n".join(f"{url}:\n{outer}\n  ids:\n{inner}" for url, (outer, inner) in wrong.items())


def test_the_outlet_choices_skip_through_the_outlet_index(archive):
    # The quote list reads its outlet choices on every request: a lookup per outlet, not a read of every article.
    from archive.filters import printed_outlets

    assert printed_outlets() == sorted(OUTLETS)
    with CaptureQueriesContext(connection) as queries:
        printed_outlets()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[0]["sql"])
        plan = "\n".join(row[-1] for row in cursor.fetchall())
    # Each step a SEARCH in the outlet index for the next name (outlet>?), never a SCAN of the articles.
    steps = [line for line in plan.splitlines() if "archive_article" in line or line.startswith("SEARCH a ")]
    assert steps and all(line.startswith("SEARCH") and "(outlet>?)" in line for line in steps), plan
