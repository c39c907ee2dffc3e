from dataclasses import replace
from datetime import UTC, datetime

import pytest

from archive.ingest.parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from archive.ingest.read import content_hash
from archive.loading import CREATED, UNCHANGED, UPDATED, ArchiveLoader
from archive.models import Article, Quote, Speaker, SpeakerAlias, Topic

BODY = (
    "The minister spoke at length.\n\n"
    "“Trade between our countries doubled this year,” Jane Roe said.\n\n"
    "“We will open an embassy soon,” Roe added."
)


def quote_of(body: str, text: str, speaker: str | None, kind: str = "direct") -> ParsedQuote:
    start = body.index(text)
    return ParsedQuote(text=text, start=start, end=start + len(text), kind=kind, speaker=speaker, attribution="Roe")


def parsed_article(body: str = BODY, **fields) -> ParsedArticle:
    fields.setdefault("source_file", "roe.txt")
    fields.setdefault("raw_text", body)
    fields.setdefault("content_hash", content_hash(body))
    fields.setdefault("title", "Minister on trade")
    fields.setdefault("outlet", "Example News")
    fields.setdefault("published_at", datetime(2023, 6, 8, 12, 48))
    fields.setdefault("speakers", [ParsedSpeaker(name="Jane Roe", description="Trade Minister", variants=("Roe",))])
    if "quotes" not in fields:
        fields["quotes"] = [
            quote_of(body, "Trade between our countries doubled this year", "Jane Roe"),
            quote_of(body, "We will open an embassy soon", "Jane Roe"),
        ]
    return ParsedArticle(body=body, **fields)


def load(parsed):
    return ArchiveLoader().load(parsed)


@pytest.mark.django_db
def test_it_creates_the_article_its_speaker_aliases_and_quotes():
    result = load(parsed_article())

    assert result.action == CREATED
    article = Article.objects.get()
    assert article.published_at == datetime(2023, 6, 8, 12, 48, tzinfo=UTC)
    speaker = Speaker.objects.get()
    assert (speaker.name, speaker.description) == ("Jane Roe", "Trade Minister")
    assert set(speaker.aliases.values_list("name", flat=True)) == {"Jane Roe", "Roe"}
    quotes = list(article.quotes.order_by("start"))
    assert [q.text for q in quotes] == ["Trade between our countries doubled this year", "We will open an embassy soon"]
    assert all(article.body[q.start : q.end] == q.text for q in quotes)
    assert all(q.speaker == speaker and q.published_at == article.published_at for q in quotes)


@pytest.mark.django_db
def test_a_second_load_of_the_same_article_changes_nothing():
    load(parsed_article())
    before = list(Quote.objects.values_list("pk", "updated_at"))

    result = load(parsed_article(source_file="copy-of-roe.txt"))

    assert result.action == UNCHANGED
    assert Article.objects.count() == 1 and Speaker.objects.count() == 1
    assert list(Quote.objects.values_list("pk", "updated_at")) == before


@pytest.mark.django_db
def test_it_finds_the_same_article_by_url_then_by_outlet_title_and_date_then_by_text():
    load(parsed_article(url="https://example.com/a"))
    other_body = BODY + "\n\nA late correction."
    result = load(parsed_article(body=other_body, url="https://example.com/a", quotes=[]))
    assert result.action == UPDATED

    load(parsed_article(body=BODY, url="", title="Another", outlet="Elsewhere"))
    result = load(parsed_article(body=BODY + " ", url="", title="Another", outlet="Elsewhere"))
    assert result.action == UPDATED  # same outlet, title and date: the same article
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_reimport_keeps_verified_rejected_and_edited_quotes():
    load(parsed_article())
    first, second = Quote.objects.order_by("start")
    first.status = Quote.Status.VERIFIED
    first.save()
    second.status = Quote.Status.REJECTED
    second.save()
    someone_else = Speaker.objects.create(name="Someone Else", slug="someone-else")

    changed = parsed_article(
        speakers=[ParsedSpeaker(name="Someone Else")],
        quotes=[replace(q, speaker="Someone Else", kind="reported") for q in parsed_article().quotes],
    )
    result = load(changed)

    assert result.action == UPDATED
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.speaker.name, first.kind) == ("verified", "Jane Roe", "direct")
    assert (second.status, second.speaker.name) == ("rejected", "Jane Roe")
    assert someone_else.quotes.count() == 0
    assert Quote.objects.count() == 2


@pytest.mark.django_db
def test_a_changed_source_reanchors_curated_quotes_and_flags_those_whose_text_is_gone():
    load(parsed_article())
    kept, lost = Quote.objects.order_by("start")
    Quote.objects.filter(pk__in=[kept.pk, lost.pk]).update(status=Quote.Status.VERIFIED)

    new_body = "A new first paragraph.\n\n" + BODY.replace("We will open an embassy soon", "We may open one")
    result = load(parsed_article(body=new_body, quotes=[]))

    kept.refresh_from_db()
    lost.refresh_from_db()
    assert result.quotes_flagged == 1
    assert new_body[kept.start : kept.end] == kept.text and kept.anchored
    assert not lost.anchored and lost.status == "verified"


@pytest.mark.django_db
def test_unreviewed_quotes_keep_their_permalinks_across_a_reimport():
    load(parsed_article())
    pks = set(Quote.objects.values_list("pk", flat=True))
    longer = BODY + "\n\nMore text."
    load(parsed_article(body=longer))
    assert set(Quote.objects.values_list("pk", flat=True)) == pks


@pytest.mark.django_db
def test_unreviewed_quotes_the_extractor_no_longer_finds_are_removed():
    load(parsed_article())
    longer = BODY + "\n\nMore text."
    load(parsed_article(body=longer, quotes=parsed_article().quotes[:1]))
    assert list(Quote.objects.values_list("text", flat=True)) == ["Trade between our countries doubled this year"]


@pytest.mark.django_db
def test_a_merged_speaker_is_never_recreated():
    load(parsed_article())
    jane = Speaker.objects.get()
    target = Speaker.objects.create(name="Jane A. Roe", slug="jane-a-roe")
    jane.aliases.update(speaker=target)
    jane.quotes.update(speaker=target)
    jane.delete()

    body = "“We are ready,” Jane Roe said."
    load(parsed_article(body=body, title="Other", url="", quotes=[quote_of(body, "We are ready", "Jane Roe")]))

    assert list(Speaker.objects.values_list("name", flat=True)) == ["Jane A. Roe"]
    assert Quote.objects.filter(speaker=target).count() == 3


@pytest.mark.django_db
def test_the_same_full_name_in_two_articles_is_one_speaker_but_a_shared_surname_is_not():
    load(parsed_article())
    body = "“Hello,” Jane Roe said. “Bye,” John Roe said."
    load(
        parsed_article(
            body=body,
            title="Second",
            url="",
            speakers=[ParsedSpeaker(name="Jane Roe", variants=("Roe",)), ParsedSpeaker(name="John Roe")],
            quotes=[quote_of(body, "Hello", "Jane Roe"), quote_of(body, "Bye", "John Roe")],
        )
    )
    assert sorted(Speaker.objects.values_list("name", flat=True)) == ["Jane Roe", "John Roe"]
    assert Speaker.objects.get(name="Jane Roe").quotes.count() == 3
    # The bare surname stays with the first owner; it is never used to match across articles.
    assert SpeakerAlias.objects.get(name="Roe").speaker.name == "Jane Roe"


@pytest.mark.django_db
def test_topics_are_suggested_from_keyword_rules_and_an_editors_topics_are_never_dropped():
    Topic.objects.all().delete()
    trade = Topic.objects.create(name="Trade", slug="trade", keywords="trade")
    diplomacy = Topic.objects.create(name="Diplomacy", slug="diplomacy", keywords="embass*")
    editors_pick = Topic.objects.create(name="Pick", slug="pick", keywords="")
    load(parsed_article())
    article = Article.objects.get()
    assert set(article.topics.all()) == {trade, diplomacy}
    first, second = Quote.objects.order_by("start")
    assert list(first.topics.all()) == [trade] and list(second.topics.all()) == [diplomacy]

    article.topics.add(editors_pick)
    longer = BODY + "\n\nNothing about that."
    load(parsed_article(body=longer))
    assert set(article.topics.all()) == {trade, diplomacy, editors_pick}


@pytest.mark.django_db
def test_a_failing_article_leaves_nothing_behind():
    broken = parsed_article(quotes=[ParsedQuote(text="x", start=5, end=5, kind="direct", speaker="Jane Roe")])
    with pytest.raises(Exception):  # noqa: B017 - the database refuses an empty span; which error is its business
        load(broken)
    assert Article.objects.count() == 0 and Speaker.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("one", "other"), [("Jean-Pierre Dupont", "Jean Pierre Dupont"), ("Ilham Alıyev", "Ilham Aliyev")]
)
def test_two_spellings_of_a_full_name_in_two_articles_are_one_speaker(one, other):
    loader = ArchiveLoader()
    for n, name in enumerate((one, other)):
        body = f"Intro {n}.\n\n“Trade between our countries doubled this year,” {name} said."
        loader.load(
            parsed_article(
                body,
                title=f"Trade {n}",
                source_file=f"trade-{n}.txt",
                speakers=[ParsedSpeaker(name=name, description="", variants=())],
                quotes=[quote_of(body, "Trade between our countries doubled this year", name)],
            )
        )
    assert Speaker.objects.count() == 1
    assert Quote.objects.filter(speaker=Speaker.objects.get()).count() == 2


@pytest.mark.django_db
def test_an_articles_known_speakers_are_resolved_in_three_queries_however_many(django_assert_num_queries):
    loader = ArchiveLoader()
    names = [f"Known Person{n}" for n in range(12)]
    known = loader.resolve_speakers([ParsedSpeaker(name=name) for name in names])
    # Expect 3 queries: the aliases with the speakers' name keys (joined with their speakers), the aliases
    # already holding their names, one insert of the twelve new spellings
    with django_assert_num_queries(3):
        again = loader.resolve_speakers([ParsedSpeaker(name=name, variants=["Mr " + name]) for name in names])
    assert again == known
    assert SpeakerAlias.objects.filter(name__startswith="Mr Known").count() == 12


@pytest.mark.django_db
def test_two_speakers_of_one_article_sharing_a_full_name_are_one_person():
    loader = ArchiveLoader()
    resolved = loader.resolve_speakers(
        [ParsedSpeaker(name="Anna Maria Lee"), ParsedSpeaker(name="A. M. Lee", variants=["Anna Maria Lee"])]
    )
    assert resolved["Anna Maria Lee"] == resolved["A. M. Lee"]
    assert Speaker.objects.count() == 1
