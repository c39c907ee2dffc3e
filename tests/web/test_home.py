from datetime import UTC, datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Quote, Topic

URL = reverse("home")
XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_it_shows_the_latest_articles_newest_first(client, make_article):
    make_article(title="Older news", published_at=datetime(2022, 1, 1, tzinfo=UTC))
    make_article(title="Fresh news", published_at=datetime(2024, 1, 1, tzinfo=UTC))
    response = client.get(URL)
    assert response.status_code == 200
    assert [article.title for article in response.context["latest_articles"]] == ["Fresh news", "Older news"]
    html = response.content.decode()
    assert html.index("Fresh news") < html.index("Older news")
    assert "1 January 2024" in html


def test_it_shows_the_latest_public_quotes(client, make_quote, make_speaker):
    ann = make_speaker("Ann Lee")
    make_quote("We will build the bridge", speaker=ann)
    make_quote("A rejected misreading", speaker=ann, status=Quote.Status.REJECTED)
    html = client.get(URL).content.decode()
    assert "We will build the bridge" in html
    assert "A rejected misreading" not in html


def test_it_ranks_the_most_quoted_speakers_counting_public_quotes_only(client, make_quote, make_speaker):
    ann, bob = make_speaker("Ann Lee"), make_speaker("Bob Stone")
    for _ in range(2):
        make_quote(speaker=ann)
    make_quote(speaker=bob)
    for _ in range(3):
        make_quote(speaker=bob, status=Quote.Status.REJECTED)
    make_quote(speaker=None)
    ranking = list(client.get(URL).context["top_speakers"])
    assert ranking == [
        {"name": "Ann Lee", "slug": "ann-lee", "quote_count": 2},
        {"name": "Bob Stone", "slug": "bob-stone", "quote_count": 1},
    ]
    html = client.get(URL).content.decode()
    assert '<a href="/speakers/ann-lee/">Ann Lee</a> <span class="count">2 quotes</span>' in html


def test_it_lists_topics_and_has_the_same_search_as_the_header(client, make_topic):
    make_topic("Zebra crossings")
    html = client.get(URL).content.decode()
    assert '<a href="/topics/zebra-crossings/">Zebra crossings</a>' in html
    # One engine for both boxes: the search page, which finds people, quotes and articles.
    assert '<form class="big-search" role="search" action="/search/" method="get">' in html
    assert '<label for="home-search">' in html and 'id="home-search" name="q"' in html


def test_the_latest_quotes_come_before_the_articles_for_a_phone(client, make_quote):
    make_quote("First words")
    html = client.get(URL).content.decode()
    assert html.index('id="quotes-heading"') < html.index('id="articles-heading"')


def test_the_most_quoted_leaves_out_a_contraction_taken_for_a_name(client, make_quote, make_speaker):
    junk, ann = make_speaker("We’ve"), make_speaker("Ann Lee")
    for _ in range(3):
        make_quote(speaker=junk)
    make_quote(speaker=ann)
    assert [row["name"] for row in client.get(URL).context["top_speakers"]] == ["Ann Lee"]


def test_it_writes_the_empty_states_for_people(client, db):
    Topic.objects.all().delete()
    html = client.get(URL).content.decode()
    for sentence in ("No articles yet.", "No quotes yet.", "No one has been quoted yet.", "No topics yet."):
        assert sentence in html


def test_it_is_accessible_html_with_landmarks(client, db):
    html = client.get(URL).content.decode()
    assert '<html lang="en">' in html
    for landmark in ("<header", "<nav", "<main", "<footer", 'role="search"'):
        assert landmark in html
    assert "https://" not in html.split("</head>")[0]  # no CDN


def test_it_escapes_imported_text(client, make_article, make_quote, make_speaker, make_topic):
    article = make_article(title=XSS, subtitle=XSS, body=f"“{XSS}” said Evil.", outlet=XSS)
    make_quote(XSS, article=article, speaker=make_speaker(f"Evil {XSS}"))
    make_topic(XSS)
    html = client.get(URL).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) >= 6


def add_rows(make_quote, make_speaker, how_many):
    for _ in range(how_many):
        speaker = make_speaker()
        make_quote(speaker=speaker)
        make_quote(speaker=speaker, status=Quote.Status.REJECTED)


def test_it_runs_the_same_queries_whatever_the_archive_holds(
    client, make_quote, make_speaker, django_assert_num_queries
):
    add_rows(make_quote, make_speaker, 3)
    # Expect 5 queries: the latest articles, the most quoted speakers among the latest quotes,
    # the topics, the latest quotes joined with their speakers and articles, the footer's count
    with django_assert_num_queries(5):
        client.get(URL)
    add_rows(make_quote, make_speaker, 12)
    with django_assert_num_queries(5):
        client.get(URL)


def test_the_most_quoted_are_grouped_by_speaker_id_and_named_after_grouping(client, make_quote, make_speaker):
    # Joined before grouping, PostgreSQL hashed every speaker of the archive for the 1,000 latest quotes.
    make_quote(speaker=make_speaker("Ann Lee"))
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    ranking = next(q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"])
    assert "JOIN" not in ranking and 'SELECT U0."name"' in ranking, ranking  # the name: a subquery per group
