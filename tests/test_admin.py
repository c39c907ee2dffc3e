from datetime import UTC, datetime

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group, User
from django.urls import reverse

from archive.models import Article, Quote, Speaker, SpeakerAlias, Topic

CHANGELISTS = ["quote", "article", "speaker", "speakeralias", "topic"]


def changelist(model: str) -> str:
    return reverse(f"admin:archive_{model}_changelist")


def change(obj) -> str:
    return reverse(f"admin:archive_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def quote_in_body(make_article, make_speaker):
    """A quote in an article body that says it twice and has markup in its imported text."""
    article = make_article(
        body='Intro <script>alert("x")</script>. “We will win,” he said. Later: “We will win,” again. End.'
    )
    text = "We will win"
    start = article.body.index(text)
    return Quote.objects.create(
        article=article, speaker=make_speaker("Ilham Aliyev"), text=text, start=start, end=start + len(text)
    )


def act(client, model, action, objects, url_query="", **data):
    """Post an action from the change list as the action menu does (without its intermediate page)."""
    payload = {"action": action, "_selected_action": [o.pk for o in objects], "index": "0", **data}
    return client.post(changelist(model) + url_query, payload)


def confirm(client, model, action, objects, url_query="", **data):
    """Post the form of an action's intermediate page."""
    payload = {"action": action, "_selected_action": [o.pk for o in objects], "select_across": "0", "apply": "1"}
    return client.post(changelist(model) + url_query, {**payload, **data})


# Access


@pytest.mark.parametrize("model", CHANGELISTS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, model):
    response = client.get(changelist(model))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_users_who_are_not_staff_are_sent_to_the_login_page(client, db):
    user = User.objects.create_user("reader")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    response = client.get(changelist("quote"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", CHANGELISTS)
def test_staff_outside_the_editors_group_may_not_open_a_change_list(client, db, model):
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert client.get(changelist(model)).status_code == 403


def test_staff_outside_the_editors_group_see_nothing_to_change_on_the_admin_index(client, db):
    client.force_login(User.objects.create_user("staff", is_staff=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "permission to view or edit anything" in response.text
    assert "Review queue" not in response.text


def test_the_admin_index_leads_editors_to_the_review_queue(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert f"{changelist('quote')}?status__exact=unreviewed" in response.text
    assert "Quote archive" in response.text


# Change lists: constant queries whatever the number of rows


@pytest.fixture
def add_quotes(make_quote, make_speaker, make_topic):
    topic = make_topic("Listing topic")

    def add(rows: int) -> None:
        while Quote.objects.count() < rows:
            speaker = make_speaker()
            quote = make_quote(speaker=speaker)
            quote.topics.add(topic)
            quote.article.topics.add(topic)
            SpeakerAlias.objects.create(speaker=speaker, name=f"Alias of {speaker.name}")

    return add


def test_the_quote_list_takes_nine_queries_however_many_quotes_it_shows(
    editor_client, add_quotes, django_assert_num_queries
):
    for rows in (1, 6):
        add_quotes(rows)
        # Expect 9 queries: the session, the user, the user's and the group's permissions, the topics of the
        # topic filter, the first and the last publication date of the date filter, the count, the page of
        # quotes with their speakers and articles
        with django_assert_num_queries(9):
            response = editor_client.get(changelist("quote"))
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == rows


def test_the_review_queue_takes_nine_queries_too(editor_client, add_quotes, django_assert_num_queries):
    for rows in (1, 6):
        add_quotes(rows)
        # Expect 9 queries: the session, the user, the user's and the group's permissions, the topics, the first
        # and the last publication date, the count of unreviewed quotes, the page of them with speakers and articles
        with django_assert_num_queries(9):
            response = editor_client.get(changelist("quote") + "?status__exact=unreviewed")
        assert response.status_code == 200


def test_the_article_list_takes_ten_queries_however_many_articles_it_shows(
    editor_client, add_quotes, django_assert_num_queries
):
    for rows in (1, 6):
        add_quotes(rows)
        # Expect 10 queries: the session, the user, the user's and the group's permissions, the first and the last
        # publication date of the date filter, the outlets of the outlet filter, the topics of the topic filter,
        # the count, the page of articles with their quote counts
        with django_assert_num_queries(10):
            response = editor_client.get(changelist("article"))
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == rows


def test_the_speaker_list_takes_six_queries_however_many_speakers_it_shows(
    editor_client, add_quotes, django_assert_num_queries
):
    for rows in (1, 6):
        add_quotes(rows)
        # Expect 6 queries: the session, the user, the user's and the group's permissions, the count, the page of
        # speakers with their quote and alias counts
        with django_assert_num_queries(6):
            response = editor_client.get(changelist("speaker"))
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == rows


def test_the_speaker_search_looks_through_aliases_in_six_queries(editor_client, add_quotes, django_assert_num_queries):
    add_quotes(3)
    # Expect 6 queries: the session, the user, the user's and the group's permissions, the count, the page
    with django_assert_num_queries(6):
        response = editor_client.get(changelist("speaker") + "?q=Alias+of")
    assert len(response.context["cl"].result_list) == 3


def test_the_alias_list_takes_six_queries_however_many_aliases_it_shows(
    editor_client, add_quotes, django_assert_num_queries
):
    for rows in (1, 6):
        add_quotes(rows)
        # Expect 6 queries: the session, the user, the user's and the group's permissions, the count, the page of
        # aliases with their speakers
        with django_assert_num_queries(6):
            response = editor_client.get(changelist("speakeralias"))
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == 2 * rows


def test_the_topic_list_takes_seven_queries_however_many_topics_it_shows(
    editor_client, make_topic, django_assert_num_queries
):
    for extra in (0, 5):
        for _ in range(extra):
            make_topic(parent=Topic.objects.first())
        # Expect 7 queries: the session, the user, the user's and the group's permissions, the count, the count
        # without filters, the page of topics with their parents and article and quote counts
        with django_assert_num_queries(7):
            response = editor_client.get(changelist("topic"))
        assert response.status_code == 200


# Change forms open


def test_every_change_form_opens(editor_client, quote_in_body, make_topic):
    article, speaker = quote_in_body.article, quote_in_body.speaker
    topic = make_topic("Form topic")
    for obj in (quote_in_body, article, speaker, speaker.aliases.first(), topic):
        response = editor_client.get(change(obj))
        assert response.status_code == 200, obj
        # The Content-Security-Policy refuses style attributes: the admin's styles come from stylesheets.
        assert " style=" not in response.text, obj
    for model in CHANGELISTS:
        response = editor_client.get(reverse(f"admin:archive_{model}_add"))
        assert response.status_code == 200, model
        assert " style=" not in response.text, model


def test_the_history_of_a_quote_opens(editor_client, quote_in_body):
    url = reverse("admin:archive_quote_history", args=[quote_in_body.pk])
    assert editor_client.get(url).status_code == 200


@pytest.mark.usefixtures("quote_in_body")
def test_autocomplete_finds_speakers_by_name_for_an_editor(editor_client):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "archive", "model_name": "quote", "field_name": "speaker", "term": "aliy"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Ilham Aliyev"]


# The quote in its article


def test_the_quote_form_shows_the_quote_marked_in_its_article(editor_client, quote_in_body):
    response = editor_client.get(change(quote_in_body))
    assert "“<mark>We will win</mark>,” he said." in response.text
    # Laid out (line breaks kept) by the admin's stylesheet, not by a style attribute the policy would refuse.
    assert '<div class="quote-context">' in response.text and "archive/admin.css" in response.text


def test_imported_markup_around_a_quote_is_shown_as_text(editor_client, quote_in_body):
    for url in (change(quote_in_body), change(quote_in_body.article)):
        response = editor_client.get(url)
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.text, url
        assert '<script>alert("x")' not in response.text, url


def test_the_article_form_marks_every_quote_in_the_body_and_lists_them_inline(editor_client, quote_in_body, make_quote):
    article = quote_in_body.article
    make_quote("again", article=article)
    response = editor_client.get(change(article))
    assert "<mark>We will win</mark>,” he said. Later: “We will win,” <mark>again</mark>. End." in response.text
    assert response.context["inline_admin_formsets"][0].formset.total_form_count() == 2
    assert '<div class="article-body">' in response.text and "archive/admin.css" in response.text


def test_the_quote_list_marks_the_review_queue_oldest_first(editor_client, make_article, make_quote):
    older = make_quote(
        "Old words", article=make_article(body="“Old words.”", published_at=datetime(2020, 1, 1, tzinfo=UTC))
    )
    newer = make_quote(
        "New words", article=make_article(body="“New words.”", published_at=datetime(2024, 1, 1, tzinfo=UTC))
    )
    make_quote(status=Quote.Status.VERIFIED)
    all_quotes = editor_client.get(changelist("quote"))
    assert "?status__exact=unreviewed" in all_quotes.text
    queue = editor_client.get(changelist("quote") + "?status__exact=unreviewed")
    assert list(queue.context["cl"].result_list) == [older, newer]


# Editors' saves


def quote_form_data(quote, **changes):
    data = {
        "text": quote.text,
        "speaker": quote.speaker_id or "",
        "kind": quote.kind,
        "status": quote.status,
        "topics": [t.pk for t in quote.topics.all()],
    }
    return {**data, **changes}


def test_changing_the_speaker_marks_the_quote_edited(editor_client, quote_in_body, make_speaker):
    other = make_speaker("Jeyhun Bayramov")
    response = editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, speaker=other.pk))
    assert response.status_code == 302
    quote_in_body.refresh_from_db()
    assert (quote_in_body.speaker, quote_in_body.edited) == (other, True)


def test_changing_only_the_status_is_review_not_an_edit(editor_client, quote_in_body):
    response = editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, status="verified"))
    assert response.status_code == 302
    quote_in_body.refresh_from_db()
    assert (quote_in_body.status, quote_in_body.edited) == ("verified", False)


def test_a_changed_text_is_anchored_again_where_the_article_says_it(editor_client, quote_in_body):
    body = quote_in_body.article.body
    response = editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, text="We will win,” he said"))
    assert response.status_code == 302
    quote_in_body.refresh_from_db()
    assert body[quote_in_body.start : quote_in_body.end] == "We will win,” he said"
    assert quote_in_body.edited is True


def test_a_shortened_text_keeps_to_the_occurrence_nearest_the_old_one(editor_client, quote_in_body):
    body = quote_in_body.article.body
    second = body.index("We will win", quote_in_body.end)
    Quote.objects.filter(pk=quote_in_body.pk).update(start=second, end=second + len("We will win"))
    quote_in_body.refresh_from_db()
    editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, text="will win"))
    quote_in_body.refresh_from_db()
    assert quote_in_body.start == second + len("We ")


def test_a_text_the_article_does_not_contain_is_refused(editor_client, quote_in_body):
    response = editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, text="We will lose"))
    assert response.status_code == 200
    assert "does not contain this text" in response.text
    quote_in_body.refresh_from_db()
    assert (quote_in_body.text, quote_in_body.edited) == ("We will win", False)


def test_line_breaks_sent_by_a_browser_match_the_articles(editor_client, make_article, make_quote):
    article = make_article(body="Q: Why?\nA: Because it is so.\nAnd so it stays.\nEnd.")
    quote = make_quote("Because it is so.\nAnd so it stays.", article=article)
    data = quote_form_data(quote, text="Because it is so.\r\nAnd so it stays.", status="verified")
    assert editor_client.post(change(quote), data).status_code == 302
    quote.refresh_from_db()
    assert (quote.status, quote.edited) == ("verified", False)


def test_a_quote_lost_on_reimport_is_anchored_again_when_an_editor_corrects_it(editor_client, quote_in_body):
    Quote.objects.filter(pk=quote_in_body.pk).update(text="We must win", anchored=False)
    quote_in_body.refresh_from_db()
    response = editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, text="We will win"))
    assert response.status_code == 302
    quote_in_body.refresh_from_db()
    assert (quote_in_body.text, quote_in_body.anchored, quote_in_body.edited) == ("We will win", True, True)


def test_the_form_of_a_quote_lost_on_reimport_says_so(editor_client, quote_in_body):
    Quote.objects.filter(pk=quote_in_body.pk).update(text="We must win", anchored=False)
    response = editor_client.get(change(quote_in_body))
    assert "The article no longer contains this text." in response.text


def test_a_text_another_quote_already_holds_is_refused(editor_client, quote_in_body, make_quote):
    make_quote("again", article=quote_in_body.article)
    response = editor_client.post(change(quote_in_body), quote_form_data(quote_in_body, text="again"))
    assert response.status_code == 200
    assert "already holds exactly this text" in response.text


def test_an_editor_adds_a_quote_by_its_text_alone(editor_client, quote_in_body):
    article = quote_in_body.article
    data = {"article": article.pk, "text": "again", "speaker": "", "kind": "reported", "status": "verified"}
    response = editor_client.post(reverse("admin:archive_quote_add"), data)
    assert response.status_code == 302
    added = Quote.objects.get(text="again")
    assert article.body[added.start : added.end] == "again"
    assert added.edited is True


def test_changing_a_speaker_in_the_article_inline_marks_the_quote_edited(editor_client, quote_in_body, make_speaker):
    article, other = quote_in_body.article, make_speaker("Hikmet Hajiyev")
    data = {
        "title": article.title,
        "subtitle": "",
        "slug": article.slug,
        "outlet": "",
        "section": "",
        "author": "",
        "published_at_0": "2024-05-01",
        "published_at_1": "10:00:00",
        "url": "",
        "quotes-TOTAL_FORMS": "1",
        "quotes-INITIAL_FORMS": "1",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
        "quotes-0-id": quote_in_body.pk,
        "quotes-0-article": article.pk,
        "quotes-0-speaker": other.pk,
        "quotes-0-kind": quote_in_body.kind,
        "quotes-0-status": quote_in_body.status,
    }
    response = editor_client.post(change(article), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    quote_in_body.refresh_from_db()
    assert (quote_in_body.speaker, quote_in_body.edited) == (other, True)
    # The article's new date reaches its quotes, which carry it for their date index.
    assert quote_in_body.published_at == datetime(2024, 5, 1, 10, tzinfo=UTC)


# Bulk actions


def test_editors_verify_and_reject_quotes_in_bulk(editor_client, make_quote):
    first, second, third = make_quote(), make_quote(), make_quote()
    response = act(editor_client, "quote", "verify", [first, second])
    assert response.status_code == 302
    act(editor_client, "quote", "reject", [third])
    assert [Quote.objects.get(pk=q.pk).status for q in (first, second, third)] == ["verified", "verified", "rejected"]
    act(editor_client, "quote", "mark_unreviewed", [second])
    assert Quote.objects.get(pk=second.pk).status == "unreviewed"


def test_a_bulk_status_change_is_in_each_quotes_history(editor_client, editor, make_quote):
    quote, already = make_quote(), make_quote(status=Quote.Status.VERIFIED)
    response = act(editor_client, "quote", "verify", [quote, already])
    entries = LogEntry.objects.filter(user=editor, action_flag=CHANGE)
    assert [(e.object_id, e.change_message) for e in entries] == [
        (str(quote.pk), "Status set to Verified (bulk action).")
    ]
    assert "1 quote(s) marked verified." in editor_client.get(response.url).text


def test_selecting_all_across_a_filtered_list_acts_on_that_filtered_list_only(editor_client, make_quote):
    fresh, other_fresh = make_quote(), make_quote()
    rejected = make_quote(status=Quote.Status.REJECTED)
    act(editor_client, "quote", "verify", [fresh], url_query="?status__exact=unreviewed", select_across="1")
    assert [Quote.objects.get(pk=q.pk).status for q in (fresh, other_fresh, rejected)] == [
        "verified",
        "verified",
        "rejected",
    ]


def test_reassigning_asks_for_the_speaker_first(editor_client, make_quote):
    quote = make_quote()
    response = act(editor_client, "quote", "reassign_speaker", [quote])
    assert response.status_code == 200
    assert 'name="speaker"' in response.text
    assert f'name="_selected_action" value="{quote.pk}"' in response.text
    assert 'value="reassign_speaker"' in response.text
    assert Quote.objects.get(pk=quote.pk).edited is False


def test_reassigning_quotes_to_a_speaker_marks_them_edited_and_logs_it(editor_client, make_quote, make_speaker):
    speaker, quotes = make_speaker("Ilham Aliyev"), [make_quote(), make_quote()]
    response = confirm(editor_client, "quote", "reassign_speaker", quotes, speaker=speaker.pk)
    assert response.status_code == 302
    assert {(q.speaker_id, q.edited) for q in Quote.objects.all()} == {(speaker.pk, True)}
    assert LogEntry.objects.filter(action_flag=CHANGE, change_message__startswith="Speaker set to Ilham").count() == 2


def test_reassigning_without_a_speaker_shows_the_form_again(editor_client, make_quote):
    quote = make_quote()
    response = confirm(editor_client, "quote", "reassign_speaker", [quote], speaker="")
    assert response.status_code == 200
    assert "This field is required" in response.text


def test_tagging_quotes_adds_the_chosen_topics_and_keeps_theirs(editor_client, make_quote, make_topic):
    kept, new_a, new_b = make_topic("Kept topic"), make_topic("New topic A"), make_topic("New topic B")
    quote = make_quote()
    quote.topics.add(kept)
    assert act(editor_client, "quote", "tag_with_topics", [quote]).status_code == 200
    response = confirm(editor_client, "quote", "tag_with_topics", [quote], topics=[new_a.pk, new_b.pk])
    assert response.status_code == 302
    assert set(quote.topics.all()) == {kept, new_a, new_b}


@pytest.fixture
def two_records_of_one_person(make_speaker, make_quote):
    kept = make_speaker("Jeyhun Bayramov", aliases=("Bayramov",))
    merged = make_speaker("Ceyhun Bayramov", description="Foreign minister", aliases=("J. Bayramov",))
    return kept, merged, [make_quote(speaker=kept), make_quote(speaker=merged)]


def test_merging_speakers_asks_which_to_keep(editor_client, two_records_of_one_person):
    kept, merged, _ = two_records_of_one_person
    response = act(editor_client, "speaker", "merge_speakers", [kept, merged])
    assert response.status_code == 200
    assert 'type="radio" name="keep"' in response.text
    assert "Ceyhun Bayramov, Foreign minister (1 quote, 2 aliases)" in response.text


@pytest.mark.usefixtures("editor")
def test_merging_speakers_moves_quotes_and_aliases_and_keeps_every_name(editor_client, two_records_of_one_person):
    kept, merged, quotes = two_records_of_one_person
    response = confirm(editor_client, "speaker", "merge_speakers", [kept, merged], keep=kept.pk)
    assert response.status_code == 302
    assert list(Speaker.objects.all()) == [kept]
    assert {q.speaker_id for q in Quote.objects.all()} == {kept.pk}
    assert set(kept.aliases.values_list("name", flat=True)) == {
        "Jeyhun Bayramov",
        "Bayramov",
        "Ceyhun Bayramov",
        "J. Bayramov",
    }
    assert Speaker.objects.get().description == "Foreign minister"
    deletion = LogEntry.objects.get(action_flag=DELETION)
    assert (deletion.object_id, deletion.change_message) == (
        str(merged.pk),
        f"Merged into Jeyhun Bayramov (id {kept.pk}).",
    )
    assert LogEntry.objects.get(action_flag=CHANGE, object_id=str(kept.pk)).change_message.startswith("Merged in")


def test_merging_needs_two_speakers(editor_client, make_speaker):
    alone = make_speaker()
    response = act(editor_client, "speaker", "merge_speakers", [alone])
    assert response.status_code == 302
    assert Speaker.objects.filter(pk=alone.pk).exists()


def test_applying_keyword_rules_tags_matching_articles_and_quotes(editor_client, make_article, make_quote, make_topic):
    topic = make_topic("Drones test", keywords="drone*")
    article = make_article(body="“Drones changed the war,” he said.")
    quote = make_quote("Drones changed the war", article=article)
    preview = act(editor_client, "topic", "apply_keyword_rules", [topic])
    assert preview.status_code == 200 and not topic.articles.exists()  # a preview first, nothing written
    response = confirm(editor_client, "topic", "apply_keyword_rules", [topic], confirm="True")
    assert response.status_code == 302
    assert list(topic.articles.all()) == [article]
    assert list(topic.quotes.all()) == [quote]
    assert (
        "Keyword rules applied: 1 article(s), 1 quote(s)."
        in LogEntry.objects.get(object_id=str(topic.pk)).change_message
    )


def test_applying_keyword_rules_to_selected_articles_leaves_the_others(editor_client, make_article):
    chosen = make_article(body="The pipeline opened.")
    other = make_article(body="Another pipeline opened.")
    confirm(editor_client, "article", "apply_topic_rules", [chosen], confirm="True")
    energy = Topic.objects.get(slug="energy")  # a starting topic, with "pipeline*" among its rules
    assert energy in chosen.topics.all()
    assert energy not in other.topics.all()


# Filters


def test_quotes_filter_by_year_and_month_of_publication(editor_client, make_article, make_quote):
    may = make_quote(
        "May words", article=make_article(body="“May words”", published_at=datetime(2023, 5, 2, tzinfo=UTC))
    )
    make_quote("June words", article=make_article(body="“June words”", published_at=datetime(2023, 6, 2, tzinfo=UTC)))
    make_quote("Old words", article=make_article(body="“Old words”", published_at=datetime(2021, 1, 2, tzinfo=UTC)))
    year = editor_client.get(changelist("quote") + "?published=2023")
    assert len(year.context["cl"].result_list) == 2
    assert "?published=2023-05" in year.text  # the months of the chosen year are offered
    month = editor_client.get(changelist("quote") + "?published=2023-05")
    assert list(month.context["cl"].result_list) == [may]
    nonsense = editor_client.get(changelist("quote") + "?published=20x3")
    assert nonsense.status_code == 200


def test_quotes_and_articles_filter_by_topic_and_by_having_a_speaker(
    editor_client, make_quote, make_speaker, make_topic
):
    topic = make_topic("Filter topic")
    tagged, named = make_quote(), make_quote(speaker=make_speaker())
    tagged.topics.add(topic)
    tagged.article.topics.add(topic)
    assert list(editor_client.get(changelist("quote") + f"?topic={topic.pk}").context["cl"].result_list) == [tagged]
    assert list(editor_client.get(changelist("article") + f"?topic={topic.pk}").context["cl"].result_list) == [
        tagged.article
    ]
    assert list(editor_client.get(changelist("quote") + "?has_speaker=yes").context["cl"].result_list) == [named]
    assert list(editor_client.get(changelist("quote") + "?has_speaker=no").context["cl"].result_list) == [tagged]


def test_the_article_list_counts_quotes_and_unreviewed_quotes(editor_client, make_article, make_quote):
    article = make_article(body="“One,” “Two,” “Three.”")
    make_quote("One", article=article)
    make_quote("Two", article=article, status=Quote.Status.VERIFIED)
    make_quote("Three", article=article, status=Quote.Status.REJECTED)
    row = editor_client.get(changelist("article")).context["cl"].result_list[0]
    assert (row.quote_count, row.unreviewed_count) == (3, 1)
    assert Article.objects.count() == 1
