from datetime import UTC, datetime

from archive.models import Article, Quote

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def make_cited_quote(make_article, make_quote, make_speaker, **fields):
    article = make_article(
        title="Pipeline opens",
        outlet="Daily Planet",
        url="https://example.com/pipeline",
        body="First paragraph.\n“Gas will flow by May,” said Ann Lee.\nLast paragraph.",
        published_at=datetime(2023, 6, 8, 12, 48, tzinfo=UTC),
    )
    speaker = make_speaker("Ann Lee", description="Minister of Energy")
    return make_quote("Gas will flow by May", article=article, speaker=speaker, **fields)


def test_it_shows_the_quote_its_speaker_and_its_article(client, make_article, make_quote, make_speaker, make_topic):
    quote = make_cited_quote(make_article, make_quote, make_speaker, status=Quote.Status.VERIFIED)
    quote.topics.add(make_topic("Zebra crossings"))
    response = client.get(quote.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'Quote by <a href="/speakers/ann-lee/">Ann Lee</a>' in html
    assert '<blockquote class="big"><p>Gas will flow by May</p></blockquote>' in html
    assert "Minister of Energy" in html
    anchor = f"{quote.article.get_absolute_url()}?quote={quote.public_id}#q-{quote.public_id}"
    assert f'<a href="{anchor}">Pipeline opens</a> (opens at the quote)' in html
    assert '<span class="status status-verified">Verified</span>' in html
    assert "Checked by an editor" in html
    assert '<a href="/topics/zebra-crossings/">Zebra crossings</a>' in html


def test_it_shows_the_quote_in_its_paragraph(client, make_article, make_quote, make_speaker):
    quote = make_cited_quote(make_article, make_quote, make_speaker)
    html = client.get(quote.get_absolute_url()).content.decode()
    assert '<p>“<mark class="quote" title="Quote by Ann Lee">Gas will flow by May</mark>' in html
    assert "First paragraph." not in html and "Last paragraph." not in html


def test_it_gives_a_citation_line(client, make_article, make_quote, make_speaker):
    quote = make_cited_quote(make_article, make_quote, make_speaker)
    html = client.get(quote.get_absolute_url()).content.decode()
    assert (
        '<p class="citation" id="citation">Ann Lee, “Gas will flow by May”, in “Pipeline opens”, Daily Planet, '
        f"8 June 2023, https://example.com/pipeline. Quote archive: http://testserver/quotes/{quote.public_id}/</p>"
    ) in html


def test_it_cites_a_quote_without_speaker_or_date(client, make_article, make_quote):
    article = make_article(title="Untold", body="“Nothing to add,” a source said.")
    Article.objects.filter(pk=article.pk).update(published_at=None)
    article.refresh_from_db()
    quote = make_quote("Nothing to add", article=article)
    html = client.get(quote.get_absolute_url()).content.decode()
    assert "Quote by an unknown speaker" in html
    assert "Date unknown" in html
    assert (
        f"Unknown speaker, “Nothing to add”, in “Untold”, date unknown. Quote archive: "
        f"http://testserver/quotes/{quote.public_id}/" in html
    )


def test_a_rejected_quotes_address_says_it_was_withdrawn_with_410_and_links_the_article(client, make_quote):
    quote = make_quote(status=Quote.Status.REJECTED)
    response = client.get(quote.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "This quote was withdrawn by the editors" in html
    assert f'<a href="{quote.article.get_absolute_url()}">' in html
    assert quote.text not in html


def test_it_answers_404_for_an_unknown_quote(client, db):
    assert client.get("/quotes/999999/").status_code == 404


def test_it_escapes_imported_text(client, make_article, make_quote, make_speaker, make_topic):
    article = make_article(title=XSS, outlet=XSS, body=f"“{XSS},” said Evil.")
    quote = make_quote(XSS, article=article, speaker=make_speaker(f"Evil {XSS}", description=XSS), attribution=XSS)
    quote.topics.add(make_topic(XSS))
    html = client.get(quote.get_absolute_url()).content.decode()
    assert XSS not in html
    # Two scripts of our own: archive.js and the JSON-LD data block, where < and > are written as \u003c, \u003e.
    assert html.count("<script") == 2 and "\\u003cscript\\u003e" in html
    assert html.count(ESCAPED_XSS) >= 10


def test_it_runs_the_same_queries_whatever_the_quote_has(
    client, make_article, make_quote, make_speaker, make_topic, django_assert_num_queries
):
    quote = make_cited_quote(make_article, make_quote, make_speaker)
    quote.topics.add(make_topic(), make_topic())
    # Expect 3 queries: the quote joined with its article and speaker, its topics, the footer's count of verified
    # quotes
    with django_assert_num_queries(3):
        client.get(quote.get_absolute_url())
    quote.topics.add(*(make_topic() for _ in range(8)))
    with django_assert_num_queries(3):
        client.get(quote.get_absolute_url())
