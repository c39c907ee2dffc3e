from datetime import UTC, datetime

from archive.models import Quote

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_it_shows_the_name_role_and_other_names(client, make_speaker):
    ann = make_speaker("Ann Lee", description="Minister of Energy", aliases=("A. Lee", "Lee"))
    response = client.get(ann.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ann Lee</h1>" in html
    assert '<p class="role">Minister of Energy</p>' in html
    assert 'Also printed as: <span class="alias">A. Lee</span>, <span class="alias">Lee</span>' in html


def test_it_lists_the_public_quotes_newest_first(client, make_article, make_quote, make_speaker):
    ann = make_speaker("Ann Lee")
    older = make_article(body="“Old words,” Ann said.", published_at=datetime(2021, 1, 1, tzinfo=UTC))
    newer = make_article(
        title="New story", body="“New words,” Ann said.", published_at=datetime(2023, 1, 1, tzinfo=UTC)
    )
    make_quote("Old words", article=older, speaker=ann)
    make_quote("New words", article=newer, speaker=ann)
    make_quote("Ann said", article=newer, speaker=ann, status=Quote.Status.REJECTED)
    make_quote(speaker=make_speaker("Bob Stone"))
    response = client.get(ann.get_absolute_url())
    assert [quote.text for quote in response.context["object_list"]] == ["New words", "Old words"]
    html = response.content.decode()
    assert "2 quotes, newest first." in html
    new_words = response.context["object_list"][0]
    assert (
        f'<a href="{newer.get_absolute_url()}?quote={new_words.public_id}#q-{new_words.public_id}">New story</a>'
        in html
    )
    assert 'href="/quotes/?speaker=ann-lee"' in html


def test_it_writes_the_empty_state_for_people(client, make_speaker, make_quote):
    speaker = make_speaker()
    make_quote(speaker=speaker, status=Quote.Status.REJECTED)
    assert "No quotes yet." in client.get(speaker.get_absolute_url()).content.decode()


def test_it_escapes_imported_text(client, make_article, make_quote, make_speaker):
    speaker = make_speaker(f"Evil {XSS}", description=XSS, aliases=(f"Alias {XSS}",))
    article = make_article(title=XSS, outlet=XSS, body=f"“{XSS},” Evil said.")
    make_quote(XSS, article=article, speaker=speaker)
    html = client.get(speaker.get_absolute_url()).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) >= 6


def test_it_answers_404_for_an_unknown_speaker(client, db):
    assert client.get("/speakers/nobody/").status_code == 404


def test_it_pages_the_quotes(client, make_quote, make_speaker):
    speaker = make_speaker()
    for n in range(21):
        make_quote(f"Remark {n:02}", speaker=speaker)
    first = client.get(speaker.get_absolute_url())
    assert len(first.context["object_list"]) == 20
    assert "Page 1 of 2" in first.content.decode()
    assert len(client.get(speaker.get_absolute_url(), {"page": 2}).context["object_list"]) == 1
    assert client.get(speaker.get_absolute_url(), {"page": 3}).context["page_obj"].number == 2


def add_quotes(speaker, make_quote, how_many):
    for _ in range(how_many):
        make_quote(speaker=speaker)
        make_quote(speaker=speaker, status=Quote.Status.REJECTED)


def test_it_runs_the_same_queries_whatever_the_page_holds(client, make_quote, make_speaker, django_assert_num_queries):
    speaker = make_speaker(aliases=("Another Name",))
    add_quotes(speaker, make_quote, 3)
    # Expect 8 queries: the speaker, their names, the count of their public quotes, the page of quotes
    # joined with their articles, the ids of their newest quotes, the topics and the months of those, the footer's
    # count
    with django_assert_num_queries(8):
        client.get(speaker.get_absolute_url())
    add_quotes(speaker, make_quote, 12)
    with django_assert_num_queries(8):
        client.get(speaker.get_absolute_url())
