from django.urls import reverse

from archive.models import Quote

URL = reverse("speaker_list")
XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_it_lists_speakers_by_name_with_their_role(client, make_speaker):
    make_speaker("Zoe Adams", description="Mayor of Springfield")
    make_speaker("Ann Lee")
    response = client.get(URL)
    assert response.status_code == 200
    assert [speaker.name for speaker in response.context["speakers"]] == ["Ann Lee", "Zoe Adams"]
    html = response.content.decode()
    assert '<a class="item-title" href="/speakers/zoe-adams/">Zoe Adams</a>' in html
    assert "Mayor of Springfield" in html
    assert "2 speakers, by name." in html


def test_it_counts_public_quotes_only(client, make_quote, make_speaker):
    ann, bob = make_speaker("Ann Lee"), make_speaker("Bob Stone")
    make_quote(speaker=ann)
    make_quote(speaker=ann)
    make_quote(speaker=bob, status=Quote.Status.REJECTED)
    response = client.get(URL)
    assert {speaker.name: speaker.quote_count for speaker in response.context["speakers"]} == {
        "Ann Lee": 2,
        "Bob Stone": 0,
    }
    html = response.content.decode()
    assert '<span class="count">2 quotes</span>' in html
    assert '<span class="count">No quotes yet</span>' in html


def test_it_writes_the_empty_state_for_people(client, db):
    assert "No speakers yet." in client.get(URL).content.decode()


def test_it_escapes_imported_text(client, make_speaker):
    make_speaker(f"Evil {XSS}", description=XSS)
    html = client.get(URL).content.decode()
    assert XSS not in html
    assert html.count(ESCAPED_XSS) == 2


def test_it_pages_the_speakers(client, make_speaker):
    for n in range(22):
        make_speaker(f"Person {n:02}")
    first = client.get(URL)
    assert len(first.context["speakers"]) == 20
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(URL, {"page": 2})
    assert [speaker.name for speaker in second.context["speakers"]] == ["Person 20", "Person 21"]
    assert [speaker.name for speaker in client.get(URL, {"page": 3}).context["speakers"]] == ["Person 20", "Person 21"]


def add_speakers(make_quote, make_speaker, how_many):
    for _ in range(how_many):
        speaker = make_speaker()
        make_quote(speaker=speaker)
        make_quote(speaker=speaker, status=Quote.Status.REJECTED)


def test_it_runs_the_same_queries_whatever_the_page_holds(client, make_quote, make_speaker, django_assert_num_queries):
    add_speakers(make_quote, make_speaker, 3)
    # Expect 4 queries: the count, the page of speakers, the public quotes counted for that page, the footer's count
    with django_assert_num_queries(4):
        client.get(URL)
    add_speakers(make_quote, make_speaker, 12)
    with django_assert_num_queries(4):
        client.get(URL)
