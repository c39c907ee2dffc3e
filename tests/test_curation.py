from unittest import mock

import pytest

from archive import curation, tagging
from archive.ingest.parsed import ParsedSpeaker
from archive.loading import ArchiveLoader
from archive.models import Quote, Speaker, SpeakerAlias


def statuses(*quotes):
    return [Quote.objects.get(pk=q.pk).status for q in quotes]


def test_set_status_changes_only_quotes_with_another_status_and_returns_their_ids(make_quote):
    fresh = make_quote()
    done = make_quote(status=Quote.Status.VERIFIED)
    ids = curation.set_status(Quote.objects.filter(pk__in=[fresh.pk, done.pk]), Quote.Status.VERIFIED)
    assert ids == [fresh.pk]
    assert statuses(fresh, done) == ["verified", "verified"]


def test_a_status_is_review_not_an_edit(make_quote):
    quote = make_quote()
    curation.set_status(Quote.objects.filter(pk=quote.pk), Quote.Status.REJECTED)
    assert Quote.objects.get(pk=quote.pk).edited is False


def test_set_status_refuses_an_unknown_status(make_quote):
    make_quote()
    with pytest.raises(ValueError):
        curation.set_status(Quote.objects.all(), "approved")


def test_reassigning_quotes_marks_them_edited_so_a_reimport_keeps_the_speaker(make_quote, make_speaker):
    old, new = make_speaker("Old Person"), make_speaker("New Person")
    moved, stays = make_quote(speaker=old), make_quote(speaker=new)
    ids = curation.reassign_quotes(Quote.objects.all(), new)
    assert ids == [moved.pk]
    moved.refresh_from_db()
    stays.refresh_from_db()
    assert (moved.speaker, moved.edited) == (new, True)
    assert stays.edited is False


def test_reassigning_to_nobody_clears_the_speaker(make_quote, make_speaker):
    quote = make_quote(speaker=make_speaker())
    curation.reassign_quotes(Quote.objects.all(), None)
    quote.refresh_from_db()
    assert (quote.speaker, quote.edited) == (None, True)


def test_tagging_adds_topics_keeps_the_ones_there_and_reports_the_quotes_that_gained_one(make_quote, make_topic):
    war, peace = make_topic("War test"), make_topic("Peace test")
    tagged, untouched = make_quote(), make_quote()
    tagged.topics.add(war)
    untouched.topics.add(war, peace)
    ids = tagging.tag_quotes(Quote.objects.all(), [war, peace])
    assert ids == [tagged.pk]
    assert set(tagged.topics.all()) == {war, peace}
    assert set(untouched.topics.all()) == {war, peace}


def test_find_anchor_picks_the_occurrence_nearest_the_old_place():
    body = "yes. no. yes. no. yes."
    assert curation.find_anchor(body, "yes", near=12) == 9
    assert curation.find_anchor(body, "yes") == 0
    assert curation.find_anchor(body, "maybe") is None
    assert curation.find_anchor(body, "") is None


@pytest.fixture
def duplicates(make_speaker, make_quote):
    """One person recorded three times, with quotes and aliases on each record."""
    target = make_speaker("Jeyhun Bayramov", aliases=("Bayramov",))
    second = make_speaker("Ceyhun Bayramov", description="Foreign Minister of Azerbaijan", aliases=("J. Bayramov",))
    third = make_speaker("Jeyhun Bayramov Jr", description="A different description")
    quotes = [make_quote(speaker=target), make_quote(speaker=second), make_quote(speaker=third)]
    return target, second, third, quotes


def test_merging_moves_every_quote_and_alias_to_the_kept_speaker(duplicates):
    target, second, third, quotes = duplicates
    result = curation.merge_speakers(target, [second, third])
    assert Speaker.objects.filter(pk__in=[second.pk, third.pk]).count() == 0
    assert {q.speaker_id for q in Quote.objects.filter(pk__in=[q.pk for q in quotes])} == {target.pk}
    assert set(target.aliases.values_list("name", flat=True)) == {
        "Jeyhun Bayramov",
        "Bayramov",
        "Ceyhun Bayramov",
        "J. Bayramov",
        "Jeyhun Bayramov Jr",
    }
    assert (result.quotes_moved, result.aliases_moved) == (2, 3)


def test_merging_keeps_the_quotes_review_state(duplicates):
    target, second, third, quotes = duplicates
    curation.merge_speakers(target, [second, third])
    moved = Quote.objects.get(pk=quotes[1].pk)
    assert (moved.status, moved.edited) == ("unreviewed", False)


def test_a_merged_name_that_was_no_alias_becomes_one(make_speaker):
    target = make_speaker("Hikmet Hajiyev")
    other = Speaker.objects.create(name="Hikmat Hajiyev", slug="hikmat-hajiyev")  # imported without aliases
    result = curation.merge_speakers(target, [other])
    assert result.aliases_added == ["Hikmat Hajiyev"]
    assert SpeakerAlias.objects.get(name="Hikmat Hajiyev").speaker == target


def test_a_merged_name_already_an_alias_of_someone_else_stays_theirs(make_speaker):
    target, other, third = make_speaker("Anar Aliyev"), make_speaker("Anar Aliev"), make_speaker("Someone Else")
    SpeakerAlias.objects.filter(name="Anar Aliev").update(speaker=third)
    curation.merge_speakers(target, [other])
    assert SpeakerAlias.objects.get(name="Anar Aliev").speaker == third


def test_merging_fills_an_empty_description_from_the_first_merged_speaker_that_has_one(duplicates):
    target, second, third, _ = duplicates
    curation.merge_speakers(target, [second, third])
    assert Speaker.objects.get(pk=target.pk).description == "Foreign Minister of Azerbaijan"


def test_merging_keeps_the_kept_speakers_own_description(make_speaker):
    target = make_speaker("Ilham Aliyev", description="President of Azerbaijan")
    curation.merge_speakers(target, [make_speaker("Ilham Aliev", description="Azerbaijani leader")])
    assert Speaker.objects.get(pk=target.pk).description == "President of Azerbaijan"


def test_merging_a_speaker_into_itself_changes_nothing(make_speaker):
    target = make_speaker("Lone Person")
    result = curation.merge_speakers(target, [target])
    assert Speaker.objects.filter(pk=target.pk).exists()
    assert result.merged_names == []


def test_a_merge_that_fails_half_way_leaves_everything_as_it_was(duplicates):
    target, second, third, quotes = duplicates
    with (
        mock.patch.object(Speaker, "save", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        curation.merge_speakers(target, [second, third])
    assert Speaker.objects.filter(pk__in=[second.pk, third.pk]).count() == 2
    assert Quote.objects.get(pk=quotes[1].pk).speaker_id == second.pk
    assert SpeakerAlias.objects.get(name="J. Bayramov").speaker_id == second.pk


def test_a_reimport_after_a_merge_finds_the_kept_speaker_instead_of_recreating_the_merged_one(duplicates):
    target, second, third, _ = duplicates
    curation.merge_speakers(target, [second, third])
    assert ArchiveLoader().resolve_speakers([ParsedSpeaker(name="Ceyhun Bayramov")])["Ceyhun Bayramov"] == target
    assert Speaker.objects.count() == 1


def test_topic_rules_match_whole_words_in_any_case(make_article, make_quote, make_topic):
    energy = make_topic("Energy test", keywords="oil\nPipeline*")
    match = make_article(body="Exports of OIL rose. New pipelines opened.")
    miss = make_article(body="Turmoil and boiling water.")
    quote = make_quote("the Oil price", article=make_article(body="He said “the Oil price” fell."))
    result = tagging.apply_topic_rules([energy])
    assert set(energy.articles.all()) == {match, quote.article}
    assert miss not in energy.articles.all()
    assert list(energy.quotes.all()) == [quote]
    assert (result.articles_tagged, result.quotes_tagged) == (2, 1)


def test_topic_rules_match_a_phrase_across_spaces_and_hyphens(make_article, make_topic):
    peace = make_topic("Peace test", keywords="peace treaty")
    article = make_article(body="They discussed the peace-treaty and the peace\ntreaty draft.")
    tagging.apply_topic_rules([peace])
    assert list(peace.articles.all()) == [article]


def test_topic_rules_read_the_title_and_subtitle_too(make_article, make_topic):
    health = make_topic("Health test", keywords="hospital")
    article = make_article(title="A new hospital", body="It opened today.")
    tagging.apply_topic_rules([health])
    assert list(health.articles.all()) == [article]


def test_topic_rules_fold_the_case_of_letters_beyond_ascii(make_article, make_topic):
    topic = make_topic("Ölpreis test", keywords="Ölpreis")
    article = make_article(body="DER ÖLPREIS STEIGT.")
    tagging.apply_topic_rules([topic])
    assert list(topic.articles.all()) == [article]


def test_topic_rules_only_add_topics(make_article, make_topic):
    energy, kept = make_topic("Energy test", keywords="gas"), make_topic("Editor's choice")
    article = make_article(body="Gas prices.")
    article.topics.add(energy, kept)
    result = tagging.apply_topic_rules([energy, kept])
    assert set(article.topics.all()) == {energy, kept}
    assert result.articles_tagged == 0


def test_topic_rules_can_be_limited_to_some_articles_and_quotes(make_article, make_topic):
    topic = make_topic("Energy test", keywords="gas")
    chosen, other = make_article(body="Gas here."), make_article(body="Gas there.")
    tagging.apply_topic_rules([topic], articles=type(chosen).objects.filter(pk=chosen.pk), quotes=Quote.objects.none())
    assert list(topic.articles.all()) == [chosen]
    assert other.topics.count() == 0


def test_a_topic_without_keywords_tags_nothing(make_article, make_topic):
    topic = make_topic("No rules")
    make_article(body="Anything at all.")
    result = tagging.apply_topic_rules([topic])
    assert (result.articles_tagged, result.quotes_tagged) == (0, 0)
