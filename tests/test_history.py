"""History: every change an editor makes (desk, change pages, inline rows, bulk actions, merges, rules) is recorded
with old and new values, listed on the activity page; topic batches undo as one."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from archive import curation, tagging
from archive.history import Batch, Change
from archive.models import Quote, Speaker

ACTIVITY = "admin:archive_batch_changelist"


def act(client, model, action, objects, **data):
    payload = {"action": action, "_selected_action": [o.pk for o in objects], "index": "0", **data}
    return client.post(reverse(f"admin:archive_{model}_changelist"), payload)


def changes(obj, field):
    return [(c.old, c.new) for c in Change.objects.filter(model=obj._meta.model_name, object_id=obj.pk, field=field)]


def ref(obj):
    return {"id": obj.pk, "name": str(obj)}


def test_a_bulk_verify_records_each_quotes_old_and_new_status_and_who(editor_client, editor, make_quote):
    first, second = make_quote(), make_quote()
    act(editor_client, "quote", "verify", [first, second])
    for quote in (first, second):
        assert changes(quote, "status") == [("unreviewed", "verified")]
        quote.refresh_from_db()
        assert quote.reviewed_by == editor and quote.reviewed_at
    batch = Batch.objects.get()
    assert (batch.user, batch.action, batch.summary) == (editor, "review", "2 quote(s) marked verified")


def test_a_bulk_reassignment_records_the_old_and_new_speaker(editor_client, make_quote, make_speaker):
    old, new = make_speaker("Old Person"), make_speaker("New Person")
    quote = make_quote(speaker=old)
    act(editor_client, "quote", "reassign_speaker", [quote], apply="1", select_across="0", speaker=new.pk)
    assert changes(quote, "speaker") == [(ref(old), ref(new))]


def test_edits_on_a_quotes_page_record_text_speaker_status_and_topics(
    editor_client, editor, make_article, make_speaker, make_topic
):
    article = make_article(body="Intro. “We will win,” he said, “and soon.” End.")
    quote = Quote.objects.create(article=article, text="We will win", start=8, end=19)
    speaker, topic = make_speaker("Ilham Aliyev"), make_topic("Victory")
    data = {"text": "We will win,” he said, “and soon", "speaker": speaker.pk, "kind": "direct"}
    response = editor_client.post(
        reverse("admin:archive_quote_change", args=[quote.pk]), {**data, "status": "verified", "topics": [topic.pk]}
    )
    assert response.status_code == 302
    assert changes(quote, "text") == [("We will win", data["text"])]
    assert changes(quote, "speaker") == [(None, ref(speaker))]
    assert changes(quote, "status") == [("unreviewed", "verified")]
    assert changes(quote, "topics") == [(None, [ref(topic)])]
    quote.refresh_from_db()
    assert quote.reviewed_by == editor
    page = editor_client.get(reverse("admin:archive_quote_change", args=[quote.pk])).text
    assert "unreviewed" in page and "→ verified" in page  # the quote's history on its own page


def test_a_status_changed_in_an_articles_inline_row_is_recorded(editor_client, editor, make_quote):
    quote = make_quote()
    article = quote.article
    data = {
        "title": article.title,
        "slug": article.slug,
        "published_at_0": "2024-05-01",
        "published_at_1": "10:00:00",
        "quotes-TOTAL_FORMS": "1",
        "quotes-INITIAL_FORMS": "1",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
        "quotes-0-id": quote.pk,
        "quotes-0-article": article.pk,
        "quotes-0-speaker": "",
        "quotes-0-kind": quote.kind,
        "quotes-0-status": "rejected",
    }
    response = editor_client.post(reverse("admin:archive_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert changes(quote, "status") == [("unreviewed", "rejected")]
    assert Quote.objects.get(pk=quote.pk).reviewed_by == editor


def test_a_merge_records_every_quote_and_alias_that_moved_on_its_record_page(editor_client, make_speaker, make_quote):
    keep, other = make_speaker("Ilham Aliyev"), make_speaker("I. Aliyev")
    moved = make_quote(speaker=other)
    act(editor_client, "speaker", "merge_speakers", [keep, other], apply="1", select_across="0", keep=keep.pk)
    batch = Batch.objects.get(action="merge")
    assert changes(moved, "speaker") == [({"id": other.pk, "name": "I. Aliyev"}, ref(keep))]
    assert Change.objects.filter(batch=batch, model="speakeralias", field="speaker").count() == 1
    assert Change.objects.filter(batch=batch, model="speaker", field="merged into", object_id=other.pk).exists()
    page = editor_client.get(reverse("admin:archive_batch_change", args=[batch.pk])).text
    assert "I. Aliyev" in page and reverse("admin:archive_quote_change", args=[moved.pk]) in page


def test_a_rule_preview_shows_counts_and_samples_before_anything_is_tagged(
    editor_client, make_article, make_quote, make_topic
):
    topic = make_topic("Space", keywords="Mars")
    article = make_article(body="“Bruno Mars sang,” the critic said.")
    make_quote("Bruno Mars sang", article=article)
    preview = act(editor_client, "topic", "apply_keyword_rules", [topic])
    assert preview.status_code == 200
    assert "<td>Space</td><td>Mars</td><td>1</td><td>1</td>" in preview.text
    assert "Bruno Mars sang" in preview.text  # the sample that shows the keyword matches too much
    assert not topic.articles.exists() and not Batch.objects.exists()


def test_a_rule_application_is_one_batch_the_activity_page_undoes(editor_client, make_article, make_quote, make_topic):
    topic = make_topic("Space", keywords="Mars")
    article = make_article(body="“Bruno Mars sang,” the critic said.")
    quote = make_quote("Bruno Mars sang", article=article)
    kept = make_topic("Music")
    article.topics.add(kept)
    act(editor_client, "topic", "apply_keyword_rules", [topic], apply="1", select_across="0", confirm="True")
    batch = Batch.objects.get(action="rules")
    assert list(topic.articles.all()) == [article] and list(topic.quotes.all()) == [quote]
    assert batch.changes.count() == 2
    response = act(editor_client, "batch", "undo", [batch])
    assert response.status_code == 302
    assert not topic.articles.exists() and not topic.quotes.exists()
    assert list(article.topics.all()) == [kept]
    batch.refresh_from_db()
    undone = batch.undone_by
    assert undone.action == "undo" and undone.changes.count() == 2
    act(editor_client, "batch", "undo", [batch])  # twice is refused
    assert Batch.objects.filter(action="undo").count() == 1


def test_tagging_and_untagging_articles_in_bulk_is_recorded_and_undoable(editor_client, make_article, make_topic):
    article, topic = make_article(), make_topic("Harbours")
    act(editor_client, "article", "tag_with_topics", [article], apply="1", select_across="0", topics=[topic.pk])
    assert list(article.topics.all()) == [topic]
    act(editor_client, "article", "remove_topics", [article], apply="1", select_across="0", topics=[topic.pk])
    assert not article.topics.exists()
    assert changes(article, "topics") == [(None, ref(topic)), (ref(topic), None)]
    tagging.undo(Batch.objects.get(action="untag"))
    assert list(article.topics.all()) == [topic]


def test_removing_topics_from_quotes_in_bulk(editor_client, make_quote, make_topic):
    quote, topic = make_quote(), make_topic("Fisheries")
    quote.topics.add(topic)
    act(editor_client, "quote", "remove_topics", [quote], apply="1", select_across="0", topics=[topic.pk])
    assert not quote.topics.exists()
    assert changes(quote, "topics") == [(ref(topic), None)]


def test_a_review_batch_cannot_be_undone_as_a_batch(make_quote):
    quote = make_quote()
    curation.set_status(Quote.objects.filter(pk=quote.pk), Quote.Status.VERIFIED)
    with pytest.raises(ValueError):
        tagging.undo(Batch.objects.get())


def test_the_activity_page_lists_actions_filtered_by_editor_action_and_date(editor_client, editor, make_quote):
    quote = make_quote()
    other = User.objects.create_user("other", is_staff=True)
    curation.set_status(Quote.objects.filter(pk=quote.pk), Quote.Status.VERIFIED, by=editor)
    curation.reassign_quotes(Quote.objects.filter(pk=quote.pk), Speaker.objects.create(name="X", slug="x"), by=other)
    page = editor_client.get(reverse(ACTIVITY))
    assert page.status_code == 200
    assert "1 quote(s) marked verified" in page.text and "attributed to X" in page.text
    assert reverse("admin:archive_quote_change", args=[quote.pk]) in page.text
    mine = editor_client.get(reverse(ACTIVITY), {"user__id__exact": editor.pk})
    assert [b.summary for b in mine.context["cl"].result_list] == ["1 quote(s) marked verified"]
    speakers = editor_client.get(reverse(ACTIVITY), {"action__exact": "speaker"})
    assert [b.user for b in speakers.context["cl"].result_list] == [other]
    today = editor_client.get(reverse(ACTIVITY), {"at__gte": "2000-01-01 00:00:00+00:00"})
    assert len(today.context["cl"].result_list) == 2


def test_the_activity_page_runs_a_fixed_number_of_queries(editor_client, editor, make_quote, django_assert_num_queries):
    def queries():
        # session, user, the user's and the group's permissions, the users of the editor filter, the count, the
        # page of actions, their change counts, the ids of their first changes, those changes
        with django_assert_num_queries(10) as ctx:
            editor_client.get(reverse(ACTIVITY))
        return len(ctx.captured_queries)

    curation.set_status(Quote.objects.filter(pk=make_quote().pk), Quote.Status.VERIFIED, by=editor)
    few = queries()
    for _ in range(10):
        curation.set_status(Quote.objects.filter(pk=make_quote().pk), Quote.Status.REJECTED, by=editor)
    assert queries() == few


def test_nobody_edits_or_deletes_history_through_the_admin(editor_client, editor, make_quote):
    curation.set_status(Quote.objects.filter(pk=make_quote().pk), Quote.Status.VERIFIED, by=editor)
    batch = Batch.objects.get()
    assert editor_client.get(reverse("admin:archive_batch_add")).status_code == 403
    deleting = editor_client.post(reverse("admin:archive_batch_delete", args=[batch.pk]), {"post": "yes"})
    assert deleting.status_code == 403
    assert Batch.objects.filter(pk=batch.pk).exists()


def test_readers_and_non_staff_reach_no_history(client, db):
    client.force_login(User.objects.create_user("reader"))
    response = client.get(reverse(ACTIVITY))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_an_editor_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_add")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_editing_a_speaker_records_the_old_and_new_values(editor_client, make_speaker):
    speaker = make_speaker("Ilham Aliyev", "President")
    data = {
        "name": "Ilham Aliyev",
        "slug": speaker.slug,
        "description": "President of Azerbaijan",
        "wikidata_id": "Q180472",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(reverse("admin:archive_speaker_change", args=[speaker.pk]), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert changes(speaker, "description") == [("President", "President of Azerbaijan")]
    assert changes(speaker, "wikidata_id") == [(None, "Q180472")]
