from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Topic

URL = reverse("topic_list")
XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_it_lists_topics_by_name_with_their_parent_and_article_count(client, make_article, make_topic):
    Topic.objects.all().delete()
    transport = make_topic("Transport", description="Moving people and goods.")
    crossings = make_topic("Zebra crossings", parent=transport)
    for _ in range(2):
        make_article().topics.add(crossings)
    response = client.get(URL)
    assert response.status_code == 200
    assert [topic.name for topic in response.context["topics"]] == ["Transport", "Zebra crossings"]
    html = response.content.decode()
    assert '<a class="item-title" href="/topics/zebra-crossings/">Zebra crossings</a>' in html
    assert 'in <a href="/topics/transport/">Transport</a>' in html
    assert "Moving people and goods." in html
    assert '<span class="count">2 articles</span>' in html
    assert '<span class="count">No articles yet</span>' in html


def test_it_writes_the_empty_state_for_people(client, db):
    Topic.objects.all().delete()
    assert "No topics yet." in client.get(URL).content.decode()


def test_it_escapes_imported_text(client, make_topic):
    make_topic(XSS, description=XSS)
    html = client.get(URL).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) == 2


def test_it_pages_the_topics(client, make_topic):
    Topic.objects.all().delete()
    for n in range(101):
        make_topic(f"Topic {n:03}")
    assert len(client.get(URL).context["topics"]) == 100
    assert [topic.name for topic in client.get(URL, {"page": 2}).context["topics"]] == ["Topic 100"]
    assert client.get(URL, {"page": 3}).status_code == 404


def add_topics(make_article, make_topic, how_many):
    for _ in range(how_many):
        topic = make_topic(parent=make_topic())
        make_article().topics.add(topic)


def test_it_runs_the_same_queries_whatever_the_page_holds(client, make_article, make_topic, django_assert_num_queries):
    add_topics(make_article, make_topic, 3)
    # Expect 3 queries: the count, the page of topics with their parents and article counts, the footer
    with django_assert_num_queries(3):
        client.get(URL)
    add_topics(make_article, make_topic, 12)
    with django_assert_num_queries(3):
        client.get(URL)


def test_a_topics_articles_are_counted_up_to_the_limit(client, make_article, make_topic, monkeypatch):
    # Counted to the end, a broad topic's every link was read on each request.
    from archive import views

    monkeypatch.setattr(views, "COUNT_LIMIT", 2)
    Topic.objects.all().delete()
    broad, narrow = make_topic("Broad"), make_topic("Narrow")
    for _ in range(4):
        make_article().topics.add(broad)
    for _ in range(2):
        make_article().topics.add(narrow)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(URL).content.decode()
    assert "More than 2 articles" in html and "2 articles" in html.replace("More than 2 articles", "")
    assert any("LIMIT 3) counted" in q["sql"] for q in queries.captured_queries)
