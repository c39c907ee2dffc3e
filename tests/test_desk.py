"""The review desk: who may use it, what a row shows, each decision and its history, a fixed number of queries."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from archive.desk import paragraph_in_context
from archive.history import Batch, Change
from archive.models import Quote, Speaker

DESK = "admin:archive_quote_desk"


@pytest.fixture
def quote(make_article, make_speaker):
    article = make_article(
        body="First paragraph.\nThe plan failed. “We will <b>win</b> this,” said Ilham Aliyev, the president. "
        "Others disagreed.\nLast paragraph."
    )
    text = "We will <b>win</b> this"
    start = article.body.index(text)
    return Quote.objects.create(
        article=article,
        speaker=make_speaker("Ilham Aliyev", "President"),
        text=text,
        start=start,
        end=start + len(text),
        attribution="said Ilham Aliyev",
    )


def decide(client, quote, accept_json=True, **data):
    headers = {"Accept": "application/json"} if accept_json else {}
    return client.post(reverse("admin:archive_quote_desk_decide", args=[quote.pk]), data, headers=headers)


# Who may use it


def test_anonymous_visitors_and_readers_are_sent_to_the_login_page(client, quote):
    for user in (None, User.objects.create_user("reader")):
        if user:
            client.force_login(user)
        for response in (client.get(reverse(DESK)), decide(client, quote, decision="verify")):
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.UNREVIEWED


def test_staff_outside_the_editors_group_may_not_review(client, quote):
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert client.get(reverse(DESK)).status_code == 403
    assert decide(client, quote, decision="verify").status_code == 403
    assert client.get(reverse("admin:archive_quote_desk_speakers"), {"q": "Ilham"}).status_code == 403


def test_the_desk_refuses_a_get_on_a_decision(editor_client, quote):
    assert editor_client.get(reverse("admin:archive_quote_desk_decide", args=[quote.pk])).status_code == 405


# What a row shows


def test_a_row_shows_the_paragraph_with_the_quote_and_the_attribution_marked_and_escaped(editor_client, quote):
    html = editor_client.get(reverse(DESK)).content.decode()
    assert '<span class="sentence quote">We will &lt;b&gt;win&lt;/b&gt; this</span>' in html
    assert '<span class="sentence attribution">said Ilham Aliyev</span>' in html
    assert "First paragraph" not in html.split('class="desk-context"')[1].split("</p>")[0]
    assert "President" in html
    assert reverse("admin:archive_quote_desk") + f"?article={quote.article_id}" in html
    assert "archive/desk.js" in html


def test_the_context_marks_the_sentence_around_the_quote():
    body = "One. Two said “three four,” he said. Five."
    start = body.index("three")
    html = str(paragraph_in_context(body, start, start + len("three four"), "he said"))
    assert '<span class="around">One. </span>' in html
    assert '<span class="sentence">Two said “</span>' in html
    assert '<span class="sentence attribution">he said</span>' in html
    assert '<span class="around"> Five.</span>' in html


def test_the_desk_lists_unreviewed_quotes_unless_asked_for_another_status(editor_client, quote, make_quote):
    done = make_quote(text="Already done", status=Quote.Status.VERIFIED)
    html = editor_client.get(reverse(DESK)).content.decode()
    assert f'id="quote-{quote.pk}"' in html and f'id="quote-{done.pk}"' not in html
    html = editor_client.get(reverse(DESK), {"status": ""}).content.decode()
    assert f'id="quote-{done.pk}"' in html


def test_the_desk_filters_by_article_outlet_speaker_topic_and_date(editor_client, quote, make_quote, make_topic):
    other = make_quote(text="Another thing entirely")
    other.article.outlet = "Daily Planet"
    other.article.save()
    topic = make_topic("Desk topic")
    other.topics.add(topic)
    checks = [
        ({"article": quote.article_id}, quote),
        ({"outlet": "Daily Planet"}, other),
        ({"speaker": quote.speaker_id}, quote),
        ({"topic": topic.pk}, other),
        ({"since": quote.published_at.date().isoformat(), "until": quote.published_at.date().isoformat()}, quote),
    ]
    for params, expected in checks:
        html = editor_client.get(reverse(DESK), params).content.decode()
        shown = {q.pk for q in (quote, other) if f'id="quote-{q.pk}"' in html}
        assert shown == {expected.pk}, params


def test_an_articles_review_lists_its_quotes_in_reading_order_with_the_body_below(editor_client, quote, make_quote):
    later = make_quote(text="Last paragraph", article=quote.article, status=Quote.Status.VERIFIED)
    html = editor_client.get(reverse(DESK), {"article": quote.article_id, "status": ""}).content.decode()
    assert html.index(f'id="quote-{quote.pk}"') < html.index(f'id="quote-{later.pk}"') < html.index("desk-body")
    assert '<details class="desk-body">' in html


def test_the_desk_runs_a_fixed_number_of_queries_whatever_its_length(
    editor_client, make_quote, django_assert_num_queries
):
    make_quote()
    # session, user, the user's and group's permissions, outlets, topics (filter choices), count, page of quotes
    with django_assert_num_queries(8):
        editor_client.get(reverse(DESK))
    for _ in range(30):
        make_quote()
    with django_assert_num_queries(8):
        response = editor_client.get(reverse(DESK))
    assert response.content.decode().count('class="desk-quote') == 25


# Decisions


def test_verifying_records_who_and_when_and_the_history(editor_client, editor, quote):
    response = decide(editor_client, quote, decision="verify")
    assert response.status_code == 200
    answer = response.json()
    assert answer["ok"] and 'data-status="verified"' in answer["html"]
    quote.refresh_from_db()
    assert quote.status == Quote.Status.VERIFIED and quote.reviewed_by == editor and quote.reviewed_at
    change = Change.objects.get(object_id=quote.pk, field="status")
    assert (change.old, change.new, change.batch.user, change.batch.action) == (
        "unreviewed",
        "verified",
        editor,
        Batch.Action.REVIEW,
    )


def test_rejecting_keeps_the_reason(editor_client, quote):
    decide(editor_client, quote, decision="reject", reason="Not a quote")
    quote.refresh_from_db()
    assert (quote.status, quote.reject_reason) == (Quote.Status.REJECTED, "Not a quote")
    assert Change.objects.get(object_id=quote.pk, field="reject_reason").new == "Not a quote"


def test_a_plain_form_decision_redirects_back_to_the_desk_with_its_filters(editor_client, quote):
    back = reverse(DESK) + "?outlet=&page=1"
    response = decide(editor_client, quote, accept_json=False, decision="verify", next=back)
    assert response.status_code == 302 and response.url == f"{back}#quote-{quote.pk}"
    response = decide(editor_client, quote, accept_json=False, decision="verify", next="https://evil.example/")
    assert response.url.startswith(reverse(DESK))


def test_changing_the_speaker_to_an_existing_one_by_id_or_name(editor_client, quote, make_speaker):
    other = make_speaker("Hikmet Hajiyev", "Adviser")
    decide(editor_client, quote, decision="speaker", speaker_id=other.pk)
    assert Quote.objects.get(pk=quote.pk).speaker == other
    decide(editor_client, quote, decision="speaker", speaker_name="ilham  ALIYEV")
    assert Quote.objects.get(pk=quote.pk).speaker.name == "Ilham Aliyev"
    change = Change.objects.filter(object_id=quote.pk, field="speaker").first()
    assert change.old["name"] == "Ilham Aliyev" and change.new == {"id": other.pk, "name": "Hikmet Hajiyev"}


def test_changing_the_speaker_to_a_new_name_creates_the_speaker_or_to_nobody(editor_client, quote):
    decide(editor_client, quote, decision="speaker", speaker_name="Jeyhun Bayramov")
    quote.refresh_from_db()
    assert quote.speaker.name == "Jeyhun Bayramov" and quote.edited
    assert quote.speaker.aliases.filter(name="Jeyhun Bayramov").exists()
    assert Batch.objects.filter(summary="Speaker Jeyhun Bayramov created").exists()
    decide(editor_client, quote, decision="nobody")
    assert Quote.objects.get(pk=quote.pk).speaker is None


def test_a_speaker_decision_without_a_name_is_refused(editor_client, quote):
    response = decide(editor_client, quote, decision="speaker", speaker_name=" ")
    assert response.status_code == 400 and "speaker" in response.json()["error"]


def test_editing_the_span_follows_the_text_in_the_article_or_is_refused(editor_client, quote):
    response = decide(editor_client, quote, decision="text", text="We will <b>win</b> this,” said Ilham")
    assert response.json()["ok"]
    quote.refresh_from_db()
    assert quote.text.endswith("said Ilham") and quote.edited
    assert quote.article.body[quote.start : quote.end] == quote.text
    response = decide(editor_client, quote, decision="text", text="Words nobody printed")
    assert response.status_code == 400 and "does not contain" in response.json()["error"]


def test_the_speaker_search_answers_with_roles_and_counts(editor_client, quote):
    response = editor_client.get(reverse("admin:archive_quote_desk_speakers"), {"q": "aliyev"})
    assert response.json()["results"] == [
        {"id": quote.speaker_id, "name": "Ilham Aliyev", "role": "President", "quotes": 1}
    ]
    assert Speaker.objects.count() == 1


EDITOR_URLS = [
    ("admin:archive_quote_desk", []),
    ("admin:archive_quote_desk_speakers", []),
    ("admin:archive_batch_changelist", []),
    ("admin:archive_speaker_duplicates", []),
]


@pytest.mark.parametrize("name, args", EDITOR_URLS)
def test_no_page_of_the_editors_reaches_anyone_but_staff(client, db, name, args):
    assert client.get(reverse(name, args=args)).url.startswith(reverse("admin:login"))
    client.force_login(User.objects.create_user("reader"))
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    merge = client.post(reverse("admin:archive_speaker_merge_pair"), {"keep": 1, "other": 2})
    assert merge.status_code == 302 and merge.url.startswith(reverse("admin:login"))


def test_the_speaker_search_runs_a_fixed_number_of_queries(editor_client, make_speaker, django_assert_num_queries):
    for n in range(15):
        make_speaker(f"Person Aliyev{n}")
    # session, user, the user's and the group's permissions, the speakers with their quote counts
    with django_assert_num_queries(5):
        response = editor_client.get(reverse("admin:archive_quote_desk_speakers"), {"q": "aliyev"})
    assert len(response.json()["results"]) == 10


@pytest.mark.usefixtures("quote")
@pytest.mark.parametrize(
    "params",
    [{"since": "garbage"}, {"page": "x"}, {"article": "abc"}, {"topic": "999999"}, {"status": "nope"}, {"page": "99"}],
)
def test_the_desk_ignores_what_it_cannot_read_in_its_query_string(editor_client, params):
    assert editor_client.get(reverse(DESK), params).status_code == 200
