from datetime import UTC, datetime

from django.urls import reverse

from archive.models import Article

URL = reverse("article_list")
XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_it_lists_articles_newest_first_and_undated_ones_last(client, make_article):
    make_article(title="Middle", published_at=datetime(2023, 5, 1, tzinfo=UTC))
    undated = make_article(title="Undated")
    Article.objects.filter(pk=undated.pk).update(published_at=None)
    make_article(title="Newest", published_at=datetime(2024, 2, 29, tzinfo=UTC))
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Newest", "Middle", "Undated"]
    html = response.content.decode()
    assert '<time datetime="2024-02-29T00:00:00">29 February 2024</time>' in html
    assert "Date unknown" in html
    assert "3 articles, newest first." in html


def test_it_shows_the_outlet_section_subtitle_and_topics(client, make_article, make_topic):
    article = make_article(title="Pipeline opens", subtitle="A long road", outlet="Daily Planet", section="ENERGY")
    article.topics.add(make_topic("Zebra crossings"))
    html = client.get(URL).content.decode()
    assert f'<a href="{article.get_absolute_url()}">Pipeline opens</a>' in html
    for text in ("A long road", "Daily Planet", "ENERGY", '<a href="/topics/zebra-crossings/">Zebra crossings</a>'):
        assert text in html


def test_it_names_an_untitled_article_by_its_file(client, make_article):
    make_article(title="placeholder", source_file="page.html")
    Article.objects.update(title="")
    assert "Untitled (page.html)" in client.get(URL).content.decode()


def test_it_writes_the_empty_state_for_people(client, db):
    assert "No articles yet." in client.get(URL).content.decode()


def test_it_escapes_imported_text(client, make_article, make_topic):
    article = make_article(title=XSS, subtitle=XSS, outlet=XSS, section=XSS)
    article.topics.add(make_topic(XSS))
    html = client.get(URL).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) >= 5


def test_it_pages_the_articles(client, make_article):
    for n in range(21):
        make_article(title=f"Story {n}", published_at=datetime(2023, 1, 1 + n, tzinfo=UTC))
    first = client.get(URL)
    assert titles(first)[0] == "Story 20" and len(titles(first)) == 20
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(URL, {"page": 2})
    assert titles(second) == ["Story 0"]
    assert 'href="/articles/"' in second.content.decode()  # back to page 1, without "?page=1"
    # A page past the end is the last page (an old link to a list that changed), a page that is no number the first.
    assert titles(client.get(URL, {"page": 3})) == ["Story 0"]
    assert titles(client.get(URL, {"page": "x"}))[0] == "Story 20"
    assert titles(client.get(URL, {"page": "last"})) == ["Story 0"]


def add_articles(make_article, make_topic, how_many):
    for _ in range(how_many):
        make_article().topics.add(make_topic(), make_topic())


def test_it_runs_the_same_queries_whatever_the_page_holds(client, make_article, make_topic, django_assert_num_queries):
    add_articles(make_article, make_topic, 3)
    # Expect 4 queries: the count, the page of articles, their topics, the footer's count of verified quotes
    with django_assert_num_queries(4):
        client.get(URL)
    add_articles(make_article, make_topic, 12)
    with django_assert_num_queries(4):
        client.get(URL)
