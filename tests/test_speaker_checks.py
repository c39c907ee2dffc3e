"""Speakers to look at: suggested duplicates merged in one click, junk names, the list filters, the change page."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse

from archive.history import Batch
from archive.models import Quote, Speaker
from archive.speaker_checks import duplicate_pairs, junk_reason


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "name, reason",
    [
        ("He", "a pronoun"),
        ("Would Bayramov", "starts with “Would”: part of a question or sentence"),
        ("Prime Minister", "a role, not a name"),
        ("the minister", "common words"),
        ("Foreign Ministry", "an organisation"),
        ("Baku", "a place"),
        ("Officials", "common words"),
        ("Jihon Bayramov", ""),
        ("J. Bayramov", ""),
        ("Arye Gut", ""),
    ],
)
def test_junk_names_are_recognised_and_names_are_not(name, reason):
    assert junk_reason(name) == reason


def names(pairs):
    return {frozenset((Speaker.objects.get(pk=p.first).name, Speaker.objects.get(pk=p.second).name)) for p in pairs}


def test_duplicates_are_suggested_by_surname_initials_aliases_and_prefixes(make_speaker):
    make_speaker("Jihon Bayramov")
    make_speaker("J. Bayramov")
    make_speaker("Bayramov")
    make_speaker("Elmar Bayramov")
    make_speaker("Mikael Jabbarov", aliases=("Mikael Jabarov",))
    make_speaker("M. Jabarov")
    make_speaker("Arye Gut Junior")
    make_speaker("Arye Gut Junior Second")
    found = names(duplicate_pairs())
    assert frozenset({"Jihon Bayramov", "J. Bayramov"}) in found
    assert frozenset({"Jihon Bayramov", "Bayramov"}) in found
    assert frozenset({"Jihon Bayramov", "Elmar Bayramov"}) not in found  # another first name: another person
    assert frozenset({"Mikael Jabbarov", "M. Jabarov"}) in found  # through the alias's surname spelling
    assert frozenset({"Arye Gut Junior", "Arye Gut Junior Second"}) in found


def test_the_duplicates_page_merges_a_pair_in_one_click(editor_client, make_speaker, make_quote):
    keep, other = make_speaker("Jihon Bayramov"), make_speaker("J. Bayramov")
    make_quote(speaker=keep)
    moved = make_quote(speaker=other)
    page = editor_client.get(reverse("admin:archive_speaker_duplicates"))
    assert "Merge J. Bayramov into Jihon Bayramov" in page.text
    response = editor_client.post(reverse("admin:archive_speaker_merge_pair"), {"keep": keep.pk, "other": other.pk})
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=other.pk).exists()
    assert Quote.objects.get(pk=moved.pk).speaker == keep
    assert Batch.objects.get(action="merge").changes.filter(model="quote", object_id=moved.pk).exists()


def test_only_editors_who_may_delete_speakers_merge(client, db, make_speaker):
    keep, other = make_speaker("Jihon Bayramov"), make_speaker("J. Bayramov")
    user = User.objects.create_user("viewer", is_staff=True)
    user.user_permissions.add(*Group.objects.get(name="Editors").permissions.filter(codename="view_speaker"))
    client.force_login(user)
    assert client.get(reverse("admin:archive_speaker_duplicates")).status_code == 200
    response = client.post(reverse("admin:archive_speaker_merge_pair"), {"keep": keep.pk, "other": other.pk})
    assert response.status_code == 403
    assert Speaker.objects.filter(pk=other.pk).exists()


def test_the_speaker_list_filters_what_needs_a_look(editor_client, make_speaker, make_quote):
    busy, quiet, junk = make_speaker("Jihon Bayramov"), make_speaker("Arye Gut"), make_speaker("He")
    twin = make_speaker("J. Bayramov")
    make_quote(speaker=busy)
    make_quote(speaker=quiet, status=Quote.Status.VERIFIED)
    url = reverse("admin:archive_speaker_changelist")

    def listed(check):
        return {s.name for s in editor_client.get(url, {"check": check}).context["cl"].result_list}

    assert listed("unreviewed") == {"Jihon Bayramov"}
    assert listed("no_quotes") == {"He", "J. Bayramov"}
    assert listed("duplicate") == {"Jihon Bayramov", "J. Bayramov"}
    assert listed("junk") == {"He"}
    assert junk and twin


def test_the_speaker_page_lists_the_speakers_quotes_and_the_junk_suspicion(editor_client, make_speaker, make_quote):
    speaker = make_speaker("Would Bayramov")
    quote = make_quote(speaker=speaker)
    page = editor_client.get(reverse("admin:archive_speaker_change", args=[speaker.pk])).text
    assert reverse("admin:archive_quote_change", args=[quote.pk]) in page
    assert f"?speaker={speaker.pk}&amp;status=" in page
    assert "The name looks like no person" in page


def test_the_admin_autocomplete_shows_a_speakers_role(editor_client, make_speaker):
    speaker = make_speaker("Ilham Aliyev", "Azerbaijani President")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "Aliyev", "app_label": "archive", "model_name": "quote", "field_name": "speaker"},
    )
    assert response.json()["results"] == [{"id": str(speaker.pk), "text": "Ilham Aliyev — Azerbaijani President"}]


def test_a_wikidata_id_is_validated_and_linked_on_the_public_page(client, make_speaker):
    speaker = make_speaker("Ilham Aliyev")
    speaker.wikidata_id = "Q-1"
    with pytest.raises(ValidationError):
        speaker.full_clean()
    speaker.wikidata_id = "Q180472"
    speaker.full_clean()
    speaker.save()
    page = client.get(speaker.get_absolute_url()).text
    assert 'href="https://www.wikidata.org/wiki/Q180472"' in page
