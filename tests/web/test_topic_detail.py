from datetime import UTC, datetime

from archive.models import Quote

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_it_shows_the_topic_with_its_parent_and_narrower_topics(client, make_topic):
    transport = make_topic("Transport", description="Moving people and goods.")
    make_topic("Zebra crossings", parent=transport)
    html = client.get(transport.get_absolute_url()).content.decode()
    assert "<h1>Transport</h1>" in html and "Moving people and goods." in html
    assert '<a href="/topics/zebra-crossings/">Zebra crossings</a>' in html
    child_html = client.get("/topics/zebra-crossings/").content.decode()
    assert 'In <a href="/topics/transport/">Transport</a>' in child_html


def test_it_lists_its_public_quotes_and_its_articles_newest_first(client, make_article, make_quote, make_topic):
    topic = make_topic("Zebra crossings")
    old = make_article(title="Old story", published_at=datetime(2020, 1, 1, tzinfo=UTC))
    new = make_article(title="New story", published_at=datetime(2024, 1, 1, tzinfo=UTC))
    make_article(title="Other story")
    old.topics.add(topic)
    new.topics.add(topic)
    tagged = [make_quote("Tagged early"), make_quote("Tagged late"), make_quote("Rejected", status="rejected")]
    Quote.objects.filter(text="Tagged early").update(published_at=datetime(2019, 1, 1, tzinfo=UTC))
    for quote in tagged:
        quote.topics.add(topic)
    make_quote("Not tagged")
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    assert [quote.text for quote in response.context["quotes_page"]] == ["Tagged late", "Tagged early"]
    assert [article.title for article in response.context["articles_page"]] == ["New story", "Old story"]
    html = response.content.decode()
    assert "Rejected" not in html and "Not tagged" not in html and "Other story" not in html
    assert 'href="/quotes/?topic=zebra-crossings"' in html


def test_it_writes_the_empty_states_for_people(client, make_topic):
    html = client.get(make_topic().get_absolute_url()).content.decode()
    assert "No quotes yet." in html and "No articles yet." in html


def test_it_escapes_imported_text(client, make_article, make_quote, make_topic):
    topic = make_topic(XSS, description=XSS)
    article = make_article(title=XSS, body=f"“{XSS},” they said.")
    article.topics.add(topic)
    make_quote(XSS, article=article).topics.add(topic)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) >= 5


def test_it_answers_404_for_an_unknown_topic(client, db):
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_it_pages_quotes_and_articles_each_on_its_own(client, make_article, make_quote, make_topic):
    topic = make_topic()
    for n in range(21):
        make_quote(f"Remark {n:02}").topics.add(topic)
        make_article(title=f"Story {n:02}").topics.add(topic)
    make_article(title="Story 21").topics.add(topic)
    response = client.get(topic.get_absolute_url(), {"page": 2, "articles_page": 2})
    assert len(response.context["quotes_page"]) == 1
    assert len(response.context["articles_page"]) == 2
    html = response.content.decode()
    # Each list's links keep the other list's page.
    assert 'href="?articles_page=2"' in html  # first page of quotes
    assert 'href="?page=2"' in html  # first page of articles
    # Out-of-range or malformed pages fall back to a real page rather than failing.
    assert client.get(topic.get_absolute_url(), {"page": "x", "articles_page": 99}).status_code == 200


def add_rows(topic, make_article, make_quote, how_many):
    for _ in range(how_many):
        make_article().topics.add(topic)
        make_quote().topics.add(topic)


def test_it_runs_the_same_queries_whatever_the_pages_hold(
    client, make_article, make_quote, make_topic, django_assert_num_queries
):
    topic = make_topic(parent=make_topic())
    make_topic(parent=topic)
    add_rows(topic, make_article, make_quote, 3)
    # Expect 9 queries: the topic joined with its parent, its narrower topics, then for its quotes and again for its
    # articles: the topic's size (which picks the plan, models.on_topic), the page and the count; the footer
    with django_assert_num_queries(9):
        client.get(topic.get_absolute_url())
    add_rows(topic, make_article, make_quote, 12)
    with django_assert_num_queries(9):
        client.get(topic.get_absolute_url())
