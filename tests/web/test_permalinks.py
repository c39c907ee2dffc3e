"""Citations that never break: public ids instead of row numbers, old addresses redirected, withdrawn quotes 410."""

from io import StringIO

import pytest
from django.core.management import call_command

from archive.curation import merge_speakers
from archive.models import Article, Quote, Speaker
from archive.public_ids import public_id_for


def test_a_quote_is_addressed_by_its_public_id_made_from_its_article_and_span(make_quote):
    quote = make_quote("Words to cite")
    assert quote.public_id == public_id_for(quote.article.content_hash, quote.start, quote.end)
    assert len(quote.public_id) == 10 and quote.get_absolute_url() == f"/quotes/{quote.public_id}/"


def test_the_public_id_never_changes_when_an_editor_changes_the_span(make_article, make_quote):
    article = make_article(body="Intro. “Words to cite, and more,” a person said.")
    quote = make_quote("Words to cite", article=article)
    before = quote.public_id
    quote.text, quote.end = "Words to cite, and more", quote.start + len("Words to cite, and more")
    quote.save()
    quote.refresh_from_db()
    assert quote.public_id == before


def test_a_new_quote_on_a_span_whose_id_is_taken_gets_another(make_article, make_quote):
    article = make_article(body="Intro. “Words to cite, and more,” a person said.")
    moved = make_quote("Words to cite", article=article)
    Quote.objects.filter(pk=moved.pk).update(start=moved.start + 1, end=moved.end + 1, text="ords to cite,")
    again = Quote.objects.bulk_create([Quote(article=article, text="Words to cite", start=moved.start, end=moved.end)])[
        0
    ]
    assert again.public_id and again.public_id != moved.public_id


def test_an_old_row_number_address_redirects_permanently_to_the_public_one(client, make_quote):
    quote = make_quote("Words to cite")
    response = client.get(f"/quotes/{quote.pk}/")
    assert response.status_code == 301 and response["Location"] == f"/quotes/{quote.public_id}/"
    assert client.get("/quotes/999999/").status_code == 404
    assert client.get("/quotes/nosuchquote/").status_code == 404


def test_a_rejected_quotes_old_address_also_reaches_the_withdrawn_page(client, make_quote):
    quote = make_quote("Withdrawn words", status=Quote.Status.REJECTED)
    response = client.get(f"/quotes/{quote.pk}/", follow=True)
    assert response.status_code == 410
    assert "withdrawn by the editors" in response.content.decode()


def test_a_merged_speakers_page_and_feed_redirect_to_the_kept_speaker(client, make_speaker, make_quote):
    kept, merged = make_speaker("Jim Bridenstine"), make_speaker("James Bridenstine")
    make_quote(speaker=merged)
    old_page, old_feed = merged.get_absolute_url(), f"{merged.get_absolute_url()}feed/"
    merge_speakers(kept, [merged])
    page = client.get(old_page + "?page=1")
    assert page.status_code == 301 and page["Location"] == kept.get_absolute_url()
    feed = client.get(old_feed)
    assert feed.status_code == 301 and feed["Location"] == f"{kept.get_absolute_url()}feed/"
    assert client.get(kept.get_absolute_url()).status_code == 200


def test_merging_again_carries_the_older_addresses_along(client, make_speaker):
    first, second, third = make_speaker("Ann Lee"), make_speaker("Ann Lea"), make_speaker("A. Lee")
    merge_speakers(second, [third])
    merge_speakers(first, [second])
    for old in ("/speakers/ann-lea/", "/speakers/a-lee/"):
        assert client.get(old)["Location"] == "/speakers/ann-lee/"


def test_a_deleted_speaker_whose_name_nobody_holds_is_gone(client, make_speaker):
    junk = make_speaker("We’ve")
    url = junk.get_absolute_url()
    junk.delete()
    assert client.get(url).status_code == 404


def test_a_renamed_speaker_or_article_keeps_its_old_address(client, make_speaker, make_article):
    speaker, article = make_speaker("Kristi Noem"), make_article(title="Old title")
    old_speaker, old_article = speaker.get_absolute_url(), article.get_absolute_url()
    speaker.slug, article.slug = "kristi-l-noem", "new-title"
    speaker.save()
    article.save()
    assert client.get(old_speaker)["Location"] == "/speakers/kristi-l-noem/"
    assert client.get(old_article)["Location"] == "/articles/new-title/"
    # Renamed back: the address is live again, not a redirect to itself.
    article.slug = "old-title"
    article.save()
    assert client.get(old_article).status_code == 200


# Transactional: flush truncates tables, which PostgreSQL refuses inside the test's open transaction.
@pytest.mark.django_db(transaction=True)
def test_a_restore_into_an_empty_database_keeps_every_quotes_address(client, tmp_path):
    call_command("import_seeds", stdout=StringIO())
    # A deleted row: afterwards row numbers in a restored database shift, public ids do not.
    Quote.objects.order_by("pk").first().delete()
    speaker = Speaker.objects.get(name="Sergei Auslander")
    merge_speakers(Speaker.objects.get(name="David Eidelman"), [speaker])
    before = dict(Quote.objects.values_list("public_id", "text"))
    fixture = tmp_path / "archive.json"
    call_command("export_fixtures", "--output", str(fixture), stdout=StringIO())
    call_command("flush", "--no-input", verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)
    assert dict(Quote.objects.values_list("public_id", "text")) == before
    public_id, text = next(iter(before.items()))
    assert text[:40] in client.get(f"/quotes/{public_id}/").content.decode()
    assert client.get("/speakers/sergei-auslander/")["Location"] == "/speakers/david-eidelman/"
    assert Article.objects.count() == 5


def test_a_quote_loaded_without_a_public_id_gets_it_from_its_old_address(client, make_quote):
    quote = make_quote("Words from an old fixture")
    expected = quote.public_id
    Quote.objects.filter(pk=quote.pk).update(public_id=None)
    response = client.get(f"/quotes/{quote.pk}/")
    assert response.status_code == 301 and response["Location"] == f"/quotes/{expected}/"
    assert Quote.objects.get(pk=quote.pk).public_id == expected
