from datetime import UTC, datetime

from archive.models import Article, Quote

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"

BODY = (
    "The minister spoke at length.\n\n"
    "“Trade will double,” said Ann Lee. Bob Stone disagreed: “Not this year.”\n\n"
    "A final paragraph."
)


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_metadata(client, make_article, make_topic):
    article = make_article(
        title="Pipeline opens",
        subtitle="A long road",
        outlet="Daily Planet",
        section="ENERGY",
        author="Jane Writer",
        url="https://example.com/pipeline",
        published_at=datetime(2023, 6, 8, 12, 48, tzinfo=UTC),
    )
    article.topics.add(make_topic("Zebra crossings"))
    html = page(client, article)
    assert '<h1 id="article-title">Pipeline opens</h1>' in html
    assert "<title>Pipeline opens · Quote archive</title>" in html
    for text in ("A long road", "<dd>Daily Planet</dd>", "ENERGY", "<dd>Jane Writer</dd>", "8 June 2023"):
        assert text in html
    assert '<a href="https://example.com/pipeline" rel="nofollow noopener noreferrer">' in html
    assert '<a href="/topics/zebra-crossings/">Zebra crossings</a>' in html


def test_it_says_so_when_the_date_is_unknown(client, make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(published_at=None)
    assert "Date unknown" in page(client, article)


def test_it_does_not_link_a_source_address_that_is_not_a_web_address(client, make_article):
    html = page(client, make_article(url="javascript:alert(1)"))
    assert 'href="javascript:' not in html
    assert "<dd>javascript:alert(1)</dd>" in html


def test_it_highlights_each_public_quote_in_the_body_linked_to_its_permalink_and_speaker(
    client, make_article, make_quote, make_speaker
):
    article = make_article(body=BODY)
    ann, bob = make_speaker("Ann Lee"), make_speaker("Bob Stone")
    trade = make_quote("Trade will double", article=article, speaker=ann)
    make_quote("Not this year.", article=article, speaker=bob, status=Quote.Status.REJECTED)
    html = page(client, article)
    assert (
        f'<p>“<span class="anchor" id="q-{trade.public_id}"></span><mark class="quote">'
        f'<a href="{trade.get_absolute_url()}" title="Quote by Ann Lee">Trade will double</a></mark>'
        '<a class="said-by" href="/speakers/ann-lee/" data-said-by="Ann Lee" aria-label="said by Ann Lee"></a>'
        ",” said Ann Lee."
    ) in html
    assert html.count("<mark") == 1
    assert "<p>The minister spoke at length.</p>" in html and "<p>A final paragraph.</p>" in html


def test_it_lists_the_public_quotes_in_the_order_of_the_text(client, make_article, make_quote, make_speaker):
    article = make_article(body=BODY)
    make_quote("Not this year.", article=article, speaker=make_speaker("Bob Stone"))
    make_quote("Trade will double", article=article, speaker=make_speaker("Ann Lee"))
    make_quote("A final paragraph.", article=article, status=Quote.Status.REJECTED)
    response = client.get(article.get_absolute_url())
    assert [quote.text for quote in response.context["quotes"]] == ["Trade will double", "Not this year."]
    assert "A final paragraph.</p></blockquote>" not in response.content.decode()


def test_it_writes_the_empty_state_for_people(client, make_article):
    assert "No quotes yet." in page(client, make_article())


def test_it_escapes_imported_text(client, make_article, make_quote, make_speaker, make_topic):
    body = f"Intro {XSS}.\n“{XSS} now,” said Evil."
    article = make_article(
        title=XSS, subtitle=XSS, outlet=XSS, section=XSS, author=XSS, url=f"https://x.test/{XSS}", body=body
    )
    article.topics.add(make_topic(XSS))
    make_quote(f"{XSS} now", article=article, speaker=make_speaker(f"Evil {XSS}"))
    html = page(client, article)
    assert XSS not in html
    # Two scripts of our own: archive.js and the JSON-LD data block, where < and > are written as \u003c, \u003e.
    assert html.count("<script") == 2 and "\\u003cscript\\u003e" in html
    assert html.count(ESCAPED_XSS) >= 12


def test_it_answers_404_for_an_unknown_article(client, db):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def add_quotes(article, make_quote, make_speaker, words):
    for word in words:
        make_quote(word, article=article, speaker=make_speaker())


def test_it_runs_the_same_queries_whatever_the_article_holds(
    client, make_article, make_quote, make_speaker, make_topic, django_assert_num_queries
):
    words = [f"word{n:02}" for n in range(15)]
    article = make_article(body="\n".join(f"Paragraph with {word} in it." for word in words))
    article.topics.add(make_topic(), make_topic())
    add_quotes(article, make_quote, make_speaker, words[:3])
    # Expect 4 queries: the article, its topics, its public quotes joined with their speakers, the footer's count
    with django_assert_num_queries(4):
        client.get(article.get_absolute_url())
    add_quotes(article, make_quote, make_speaker, words[3:])
    article.topics.add(make_topic())
    with django_assert_num_queries(4):
        client.get(article.get_absolute_url())
