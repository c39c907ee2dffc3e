"""archive/search.py: reading a reader's query, the index kept in step with the rows, ordering, snippets, admin.

The same tests run on SQLite and on PostgreSQL (scripts/test); the few about one backend's machinery say so.
"""

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import search, search_query, search_sqlite
from archive.ingest.parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from archive.ingest.read import content_hash
from archive.loading import ArchiveLoader
from archive.models import Article, Quote
from archive.search_query import MARK_END, MARK_START, Term, parse
from archive.search_sqlite import fts5_query

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 machinery")
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes")

NASTY = [
    '"',
    "'",
    "AND",
    "NOT",
    "OR",
    "(",
    ")",
    "*",
    "NEAR(",
    "a:b",
    "\x00",
    "-",
    "^",
    "text:gas",
    '"gas',
    "x" * 10_000,
]


def found(text: str, **kwargs) -> list[str]:
    return [quote.text for quote in search.search_quotes(text, **kwargs)[:50]]


# Reading the query (no database)


def test_it_keeps_words_phrases_and_prefixes():
    assert parse('gas "oil prices" reconstruct* rec* re*') == (
        Term(("gas",)),
        Term(("oil", "prices")),
        Term(("reconstruct",), prefix=True),
        Term(("rec",), prefix=True),
        Term(("re",)),  # too short to be a prefix
    )


def test_it_drops_everything_but_words():
    assert parse('AND (gas) OR "NEAR(" a:b *\x00 -oil') == (
        Term(("AND",)),
        Term(("gas",)),
        Term(("OR",)),
        Term(("NEAR",)),
        Term(("a",)),
        Term(("b",)),
        Term(("oil",)),
    )
    assert parse("") == parse(None) == parse('"" * () ::') == ()


def test_an_unclosed_quote_makes_a_phrase_of_the_rest():
    assert parse('gas "oil prices') == (Term(("gas",)), Term(("oil", "prices")))


def test_it_keeps_each_term_once_and_a_dozen_at_most():
    assert parse("Gas gas GAS") == (Term(("Gas",)),)
    assert len(parse(" ".join(f"word{n}" for n in range(50)))) == search_query.MAX_TERMS


def test_the_fts5_query_quotes_every_term():
    assert fts5_query(parse('NOT gas "oil prices" reconstr*')) == (
        '"NOT" AND "gas" AND "oil prices" AND ("reconstr"* OR "reconst" OR "recons" OR "recon" OR "reco")'
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_the_fts5_query_is_only_quoted_words(text):
    for term in parse(text):
        assert all(word.isalnum() for word in term.words)
    query = fts5_query(parse(text))
    assert query.count('"') % 2 == 0
    bare = query.replace('"', "").replace("*", "").replace(" ", "").replace("(", "").replace(")", "")
    # Outside the quoted strings, only AND, OR, brackets and stars.
    assert not re.sub(r'"[^"]*"', "", query).replace("AND", "").replace("OR", "").strip(" ()*")
    assert bare.isalnum() or not query


def test_marked_text_is_escaped_and_only_the_marks_become_html():
    html = search_query.marked_html(f"<b>{MARK_START}gas{MARK_END} & <script>{MARK_START}oil")
    assert html == "&lt;b&gt;<mark>gas</mark> &amp; &lt;script&gt;<mark>oil</mark>"
    assert search_query.marked_html(f"{MARK_END}a{MARK_START}{MARK_START}b") == "a<mark>b</mark>"


def test_text_escaped_by_the_database_is_unescaped_once_then_escaped():
    assert search_query.marked_html(f"&amp;lt;&lt;i&gt; {MARK_START}x{MARK_END}", escaped=True) == (
        "&amp;lt;&lt;i&gt; <mark>x</mark>"
    )


def test_a_snippet_says_where_it_cuts_the_text():
    text = "One two three four five"
    assert search_query.snippet(f"two {MARK_START}three{MARK_END}", text) == "…two <mark>three</mark>…"
    assert (
        search_query.snippet(f"{MARK_START}One{MARK_END} two three four five", text)
        == "<mark>One</mark> two three four five"
    )


# Searching


@pytest.fixture
def quotes(make_article, make_quote, make_speaker):
    ann = make_speaker("Ann Lee")
    older = make_article(
        title="Energy outlook",
        body="“Gas prices will fall,” said Ann Lee. “Gas, gas and more gas,” she said. “Oil is late,” she added.",
        published_at=datetime(2021, 1, 1, tzinfo=UTC),
    )
    newer = make_article(
        title="Spring works",
        body="“The gas pipeline opens in spring,” Ann Lee said. “Rejected gas words,” she said.",
        published_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    return {
        "prices": make_quote("Gas prices will fall", article=older, speaker=ann),
        "more": make_quote("Gas, gas and more gas", article=older, speaker=ann),
        "oil": make_quote("Oil is late", article=older, speaker=ann),
        "pipeline": make_quote("The gas pipeline opens in spring", article=newer, speaker=ann),
        "rejected": make_quote("Rejected gas words", article=newer, speaker=ann, status=Quote.Status.REJECTED),
    }


@pytest.mark.usefixtures("quotes")
def test_it_finds_quotes_with_every_word_in_any_case():
    assert found("GAS fall") == ["Gas prices will fall"]
    assert found("oil") == ["Oil is late"]


@pytest.mark.usefixtures("quotes")
def test_it_finds_other_forms_of_a_word():
    assert found("price") == ["Gas prices will fall"]
    assert found("opening") == ["The gas pipeline opens in spring"]


@pytest.mark.usefixtures("quotes")
def test_it_finds_phrases_and_prefixes():
    assert found('"prices will fall"') == ["Gas prices will fall"]
    assert found('"fall prices"') == []
    assert found("pipel*") == ["The gas pipeline opens in spring"]


def test_a_prefix_finds_words_whose_stem_is_shorter_than_it(make_quote):
    make_quote("The negotiations went on all night")
    make_quote("Negotiators met at dawn")
    make_quote("A negative answer")
    assert sorted(found("negotiat*")) == ["Negotiators met at dawn", "The negotiations went on all night"]
    assert "The negotiations went on all night" in found("negotiations")
    assert found("negat*") == ["A negative answer"]


@pytest.mark.usefixtures("quotes")
def test_it_orders_newest_first_by_default_and_best_first_on_request():
    by_date = found("gas")
    assert by_date[0] == "The gas pipeline opens in spring"
    assert set(by_date) == {"The gas pipeline opens in spring", "Gas prices will fall", "Gas, gas and more gas"}
    # Four times the word in four words: the best match, though not the newest.
    assert found("gas", order=search.RELEVANCE)[0] == "Gas, gas and more gas"


@pytest.mark.usefixtures("quotes")
def test_date_order_is_the_lists_order_from_either_end(make_quote, make_article):
    for n in range(6):
        quote = make_quote(f"Gas note {n}", article=make_article(body=f"“Gas note {n},” said X."))
        if n % 2:
            Quote.objects.filter(pk=quote.pk).update(published_at=None)  # undated: listed last
    expected = [q.text for q in search.filter_quotes(Quote.objects.public(), "gas").order_by(*search.NEWEST_FIRST)]
    results = search.search_quotes("gas")
    assert len(expected) == 9
    assert [q.text for q in results[0:50]] == expected
    assert [q.text for q in results[2:5]] == expected[2:5]  # read from the newest end
    assert [q.text for q in results[7:50]] == expected[7:]  # from the oldest end
    assert [q.text for q in results[5:9]] == expected[5:9]


def test_a_new_date_moves_a_quote_in_date_order(make_quote, make_article):
    early = make_quote(
        "Tolls rise", article=make_article(body="“Tolls rise,” said X.", published_at=datetime(2020, 1, 1, tzinfo=UTC))
    )
    make_quote(
        "Tolls fall", article=make_article(body="“Tolls fall,” said Y.", published_at=datetime(2022, 1, 1, tzinfo=UTC))
    )
    assert found("tolls") == ["Tolls fall", "Tolls rise"]
    article = early.article
    article.published_at = datetime(2024, 1, 1, tzinfo=UTC)
    article.save()  # the quote's copy of the date follows, and its place in the index with it
    assert found("tolls") == ["Tolls rise", "Tolls fall"]
    assert [a.title for a in search.search_articles("tolls")][0] == article.title


@sqlite_only
@pytest.mark.usefixtures("quotes")
def test_a_snippet_reads_its_text_through_the_key_index():
    # FTS5 reads a match's text from the view by its key: without the expression index, a scan of every quote.
    with connection.cursor() as cursor:
        for view, index in (
            ("archive_quote_fts_source", "archive_quote_search_key"),
            ("archive_article_fts_source", "archive_article_search_key"),
        ):
            cursor.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {view} WHERE search_key = 1")
            plan = " ".join(row[-1] for row in cursor.fetchall())
            assert f"USING INDEX {index}" in plan, plan


@pytest.mark.usefixtures("quotes")
def test_it_counts_public_matches_and_never_returns_rejected_quotes():
    results = search.search_quotes("gas")
    assert results.count() == len(results) == 3
    assert "Rejected gas words" not in found("rejected gas")
    assert "Rejected gas words" not in found("gas", order=search.RELEVANCE)


@pytest.mark.usefixtures("quotes")
@pytest.mark.parametrize("text", NASTY)
def test_odd_input_never_raises(text):
    for order in search.ORDERS:
        results = search.search_quotes(text, order=order)
        assert results.count() >= 0
        assert isinstance(results[0:20], list)
        assert isinstance(search.search_articles(text, order=order)[0:20], list)
    assert search.filter_quotes(Quote.objects.all(), text).count() >= 0


# The searches only read: the rows of the one database fixture serve every example.
@pytest.mark.usefixtures("quotes")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_arbitrary_input_never_raises(text):
    for order in search.ORDERS:
        assert isinstance(search.search_quotes(text, order=order)[0:5], list)
        assert isinstance(search.search_articles(text, order=order)[0:5], list)
    assert Quote.objects.filter(search.quote_match(text, include_rejected=True)).count() >= 0


def test_quote_snippets_escape_the_text_and_mark_the_matches(make_quote):
    make_quote("Evil <script>alert(1)</script> plans & more")
    [quote] = search.search_quotes("plans")[0:1]
    assert quote.snippet == "Evil &lt;script&gt;alert(1)&lt;/script&gt; <mark>plans</mark> &amp; more"


def test_article_snippets_mark_the_title_and_a_stretch_of_the_body(make_article):
    body = " ".join(["Filler words here."] * 40 + ["The harbour reopened today."] + ["More filler."] * 40)
    make_article(title="Harbour <news>", body=body)
    [article] = search.search_articles("harbour")[0:1]
    assert article.title_snippet == "<mark>Harbour</mark> &lt;news&gt;"
    assert "<mark>harbour</mark> reopened" in article.snippet
    assert article.snippet.startswith("…") and article.snippet.endswith("…")
    assert len(article.snippet) < 400


def test_articles_match_on_title_subtitle_or_body_and_rank_the_title_first(make_article):
    make_article(title="Weather", body="The ferry was late. " * 5 + "Ferry.")
    make_article(title="Ferry news", body="Nothing else here.")
    make_article(title="Other", subtitle="About a ferry", body="Nothing.")
    assert search.search_articles("ferry").count() == 3
    assert search.search_articles("ferry", order=search.RELEVANCE)[0].title == "Ferry news"


# Keeping the index in step


def test_a_new_changed_or_deleted_quote_is_found_accordingly(make_quote):
    quote = make_quote("Bridges will be rebuilt")
    assert found("bridges") == ["Bridges will be rebuilt"]
    quote.article.body = quote.article.body.replace("Bridges", "Tunnels")
    quote.text = "Tunnels will be rebuilt"
    quote.save()
    assert found("bridges") == [] and found("tunnels") == ["Tunnels will be rebuilt"]
    quote.delete()
    assert found("tunnels") == []


def test_rejecting_a_quote_takes_it_out_and_restoring_it_puts_it_back(make_quote):
    quote = make_quote("Harvest was good")
    Quote.objects.filter(pk=quote.pk).update(status=Quote.Status.REJECTED)
    assert found("harvest") == []
    Quote.objects.filter(pk=quote.pk).update(status=Quote.Status.VERIFIED)
    assert found("harvest") == ["Harvest was good"]
    Quote.objects.filter(pk=quote.pk).update(status=Quote.Status.REJECTED)
    Quote.objects.filter(pk=quote.pk).delete()
    assert found("harvest") == []
    assert search.search_quotes("harvest").count() == 0


def test_bulk_created_quotes_are_found(make_article):
    article = make_article(body="One river. Two rivers. Three mountains.")
    Quote.objects.bulk_create(
        [Quote(article=article, text=text, start=article.body.index(text), end=article.body.index(text) + len(text))
         for text in ("One river", "Two rivers", "Three mountains")]
    )  # fmt: skip
    assert sorted(found("river")) == ["One river", "Two rivers"]


def test_an_article_is_found_by_its_new_text_after_an_edit_and_not_after_deletion(make_article):
    article = make_article(title="Canal plans", body="Old text about locks.")
    assert search.search_articles("locks").count() == 1
    article.body = "New text about weirs."
    article.save()
    assert search.search_articles("locks").count() == 0
    assert search.search_articles("weirs").count() == 1
    article.delete()
    assert search.search_articles("canal").count() == 0


def loaded(body: str, quote_text: str) -> ParsedArticle:
    start = body.index(quote_text)
    return ParsedArticle(
        source_file="roe.txt",
        raw_text=body,
        content_hash=content_hash(body),
        title="Minister on ports",
        outlet="Example News",
        published_at=datetime(2023, 6, 8, 12, 48),
        body=body,
        speakers=[ParsedSpeaker(name="Jane Roe")],
        quotes=[ParsedQuote(quote_text, start, start + len(quote_text), "direct", "Jane Roe")],
    )


def test_the_loader_keeps_the_index_in_step_on_import_and_re_import(db):
    ArchiveLoader().load(loaded("“Ports will be dredged,” Jane Roe said.", "Ports will be dredged"))
    assert found("dredged") == ["Ports will be dredged"]
    assert search.search_articles("dredged").count() == 1
    changed = loaded("“Ports will be deepened,” Jane Roe said.", "Ports will be deepened")
    ArchiveLoader().load(replace(changed, content_hash=content_hash("other")))
    assert found("dredged") == [] and found("deepened") == ["Ports will be deepened"]
    assert search.search_articles("dredged").count() == 0


@pytest.mark.usefixtures("quotes")
@sqlite_only
def test_the_sqlite_index_agrees_with_its_rows():
    with connection.cursor() as cursor:
        for table in ("archive_quote_fts", "archive_article_fts"):
            cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


@sqlite_only
def test_the_triggers_survive_every_migration(db):
    # Django remakes a SQLite table to change a column, which drops its triggers and indexes: 0013 says how to
    # restore them.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'")
        names = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%search_key'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert names == {
        f"archive_{kind}_fts_{event}"
        for kind in ("quote", "article", "speakeralias")
        for event in ("insert", "update", "delete")
    }
    assert indexes == {"archive_quote_search_key", "archive_article_search_key"}


@pytest.mark.usefixtures("quotes")
@postgres_only
def test_postgresql_searches_through_the_gin_indexes():
    with connection.cursor() as cursor:
        # Only bitmap scans left, which a GIN index serves: the stored vectors' indexes (migration 0008).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        for queryset in (
            Quote.objects.filter(search.quote_match("gas")),
            Article.objects.filter(search.article_match("gas")),
        ):
            plan = queryset.explain()
            assert "_search_vector" in plan, plan


@pytest.mark.usefixtures("quotes")
@postgres_only
def test_postgresql_ranks_by_the_stored_vectors_without_parsing_the_text_again():
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        best = [q.text for q in search.search_quotes("gas", order=search.RELEVANCE, snippets=False)[0:10]]
    assert best[0] == "Gas, gas and more gas"
    ranking = next(q["sql"] for q in queries.captured_queries if "ts_rank" in q["sql"])
    assert '"archive_quote".search_vector' in ranking and "to_tsvector" not in ranking, ranking


# Admin


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def admin_results(client, model: str, q: str) -> list:
    response = client.get(reverse(f"admin:archive_{model}_changelist"), {"q": q})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.mark.usefixtures("quotes")
def test_the_quote_admin_searches_text_names_and_titles_and_finds_rejected_quotes(editor_client):
    assert {q.text for q in admin_results(editor_client, "quote", "gas")} == {
        "Gas prices will fall", "Gas, gas and more gas", "The gas pipeline opens in spring", "Rejected gas words",
    }  # fmt: skip
    assert len(admin_results(editor_client, "quote", "Ann oil")) == 1  # a name and a word of the text
    assert len(admin_results(editor_client, "quote", '"energy outlook"')) == 3
    assert [q.text for q in admin_results(editor_client, "quote", '"prices will"')] == ["Gas prices will fall"]
    for text in NASTY:
        admin_results(editor_client, "quote", text)


def test_the_article_admin_searches_the_text_as_well_as_titles_and_outlets(editor_client, make_article):
    make_article(title="Ports", body="Dredging starts in May.", outlet="Harbour Times")
    make_article(title="Roads", body="Nothing about the sea.")
    assert [a.title for a in admin_results(editor_client, "article", "dredging")] == ["Ports"]
    assert [a.title for a in admin_results(editor_client, "article", "harbour")] == ["Ports"]
    assert [a.title for a in admin_results(editor_client, "article", "road")] == ["Roads"]
    for text in NASTY:
        admin_results(editor_client, "article", text)


def test_the_search_key_is_the_one_the_migration_indexed():
    from importlib import import_module

    migration = import_module("archive.migrations.0013_sqlite_search_in_date_order")
    assert search_sqlite.date_key() == migration.key()
    assert search_sqlite.date_key("archive_quote") == migration.key("archive_quote")


@pytest.mark.usefixtures("quotes")
@postgres_only
def test_postgresql_date_order_walks_the_newest_rows_then_sorts_every_match_when_they_are_old(
    make_quote, make_article, monkeypatch
):
    from django.test.utils import CaptureQueriesContext

    # Past COUNT_LIMIT matches (3 here) a first page is looked for among the newest WALK_ROWS rows (8 here): a
    # word in the newest rows is found there; one whose matches are all older is read from the index and sorted.
    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    monkeypatch.setattr(search, "WALK_ROWS", 8)
    monkeypatch.setattr(search, "WALK_DENSITY", 2)
    for n in range(12):
        day = datetime(2010 + n, 1, 1, tzinfo=UTC)
        text = f"{'Tanker' if n < 5 else 'Ferry'} remark {n}"
        make_quote(text, article=make_article(body=f"“{text},” said X.", published_at=day))
    Quote.objects.filter(text__startswith=("Ferry remark 11")).update(published_at=None)  # undated: listed last
    for word in ("ferry", "tanker"):
        expected = [q.pk for q in search.filter_quotes(Quote.objects.public(), word).order_by(*search.NEWEST_FIRST)]
        with CaptureQueriesContext(connection) as queries:
            results = search.search_quotes(word, snippets=False)
            assert str(results.count()) == "More than 3"
            assert [q.pk for q in results[0:3]] == expected[0:3]
        plans = [q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"]]
        walk = 'LIMIT 8) "archive_quote"'
        if word == "ferry":  # 6 matches among the newest 8 rows
            assert len(plans) == 1 and walk in plans[0], plans
        else:  # none of the newest 8: every match, sorted
            assert len(plans) == 2 and walk in plans[0] and "OFFSET 0) m" in plans[1], plans
        assert [q.pk for q in results[2:5]] == expected[2:5]  # a deeper page: the planner's plan
    assert search.search_quotes("tanker", snippets=False).ids(50) == [
        q.pk for q in search.filter_quotes(Quote.objects.public(), "tanker").order_by(*search.NEWEST_FIRST)
    ]


def test_the_postgresql_date_plans_rewrite_only_the_tables_from():
    from archive.search_postgres import pg_sort_matches, pg_walk_newest

    sql = 'SELECT "t"."id" AS "pk" FROM "t" WHERE "t".x = %s ORDER BY 1 LIMIT 5'
    assert pg_walk_newest(sql, "t", 100) == (
        'SELECT "t"."id" AS "pk" FROM (SELECT * FROM "t" ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 100) "t" '
        'WHERE "t".x = %s ORDER BY 1 LIMIT 5'
    )
    assert pg_sort_matches("SELECT 1", 40, 20) == (
        "SELECT m.pk FROM (SELECT 1 OFFSET 0) m ORDER BY m.published_at DESC NULLS LAST, m.pk DESC LIMIT 20 OFFSET 40"
    )


@sqlite_only
def test_past_a_capped_count_the_last_page_is_read_from_the_oldest_end(make_quote, make_article, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(search, "COUNT_LIMIT", 2)
    for n in range(5):
        make_quote(f"Buoy note {n}", article=make_article(body=f"“Buoy note {n},” said X."))
    expected = [q.text for q in search.filter_quotes(Quote.objects.public(), "buoy").order_by(*search.NEWEST_FIRST)]
    results = search.search_quotes("buoy", snippets=False)
    assert str(results.count()) == "More than 2"
    assert [q.text for q in results[3:4]] == expected[3:4]  # capped: read from the newest end
    assert results.exact_count() == 5
    with CaptureQueriesContext(connection) as queries:
        assert [q.text for q in results[4:5]] == expected[4:5]
    assert any("ORDER BY rowid LIMIT" in q["sql"] for q in queries.captured_queries), queries.captured_queries
