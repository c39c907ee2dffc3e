"""Finding a person: the search box, the speaker list's search and order, the suggestions, a speaker's overview."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from archive.models import Quote
from archive.speakers import find_speakers

pytestmark = pytest.mark.usefixtures("people")


@pytest.fixture
def people(make_speaker, make_quote, make_topic):
    noem = make_speaker("Kristi Noem", description="Governor", aliases=("Gov. Noem",))
    jim = make_speaker("Jim Bridenstine", aliases=("James Bridenstine",))
    oneill = make_speaker("Siobhán O’Neill")
    make_speaker("Mark Esper")
    defence = make_topic("Defence")
    for n in range(3):
        make_quote(f"Noem remark {n}", speaker=noem).topics.add(defence)
    make_quote("Bridenstine remark", speaker=jim)
    return {"noem": noem, "jim": jim, "oneill": oneill}


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Noem", "Kristi Noem"),
        ("noem", "Kristi Noem"),
        ("kri no", "Kristi Noem"),
        ("Bridenst", "Jim Bridenstine"),
        ("james bridenstine", "Jim Bridenstine"),
        ("ESPER", "Mark Esper"),
        ("Siobhan", "Siobhán O’Neill"),
        ("oneill", "Siobhán O’Neill"),
        ("O'Neill", "Siobhán O’Neill"),
    ],
)
def test_a_speaker_is_found_by_any_name_or_prefix_with_accents_apostrophes_and_case_folded(words, name):
    assert [speaker.name for speaker in find_speakers(words)] == [name]


def test_the_index_of_alias_words_follows_new_renamed_merged_and_deleted_names(make_speaker):
    from archive.curation import merge_speakers
    from archive.models import SpeakerAlias

    ada = make_speaker("Ada Quince")
    assert [s.name for s in find_speakers("quin")] == ["Ada Quince"]
    alias = SpeakerAlias.objects.create(speaker=ada, name="Adelaide Quince-Moor")
    assert [s.matched for s in find_speakers("moor")] == ["Adelaide Quince-Moor"]
    alias.name = "Adelaide Quincey"
    alias.save()
    assert find_speakers("moor") == [] and [s.name for s in find_speakers("quincey")] == ["Ada Quince"]
    other = make_speaker("Ada Q. Quince")
    merge_speakers(target=other, others=[ada])
    assert {s.name for s in find_speakers("adelaide")} == {"Ada Q. Quince"}
    alias.delete()
    assert find_speakers("adelaide") == []


def test_nothing_but_words_finds_nobody():
    assert find_speakers("()") == [] and find_speakers("") == [] and find_speakers("zzz") == []


def test_the_search_page_shows_people_above_the_quotes(client):
    response = client.get(reverse("search"), {"q": "Bridenstine"})
    html = response.content.decode()
    assert [s.name for s in response.context["people"]] == ["Jim Bridenstine"]
    assert html.index('<a class="item-title" href="/speakers/jim-bridenstine/">Jim Bridenstine</a>') < html.index(
        '<ul class="quotes">'
    )


def test_a_person_with_no_quotes_matching_is_still_found(client):
    html = client.get(reverse("search"), {"q": "Esper"}).content.decode()
    assert 'href="/speakers/mark-esper/">Mark Esper</a>' in html


def test_the_speaker_list_searches_names_and_orders_by_name_or_quotes(client):
    url = reverse("speaker_list")
    assert [s.name for s in client.get(url, {"q": "noem"}).context["speakers"]] == ["Kristi Noem"]
    by_name = [s.name for s in client.get(url).context["speakers"]]
    assert by_name == ["Jim Bridenstine", "Kristi Noem", "Mark Esper", "Siobhán O’Neill"]
    by_quotes = [s.name for s in client.get(url, {"order": "quotes"}).context["speakers"]]
    assert by_quotes[:2] == ["Kristi Noem", "Jim Bridenstine"]
    html = client.get(url, {"q": "nobody"}).content.decode()
    assert '<label for="speaker-search">Find a speaker by name</label>' in html
    assert "No speaker has a name like this." in html


def test_the_speaker_list_counts_rejected_quotes_out_of_its_order(client, people, make_quote):
    for _ in range(5):
        make_quote(speaker=people["jim"], status=Quote.Status.REJECTED)
    by_quotes = [s.name for s in client.get(reverse("speaker_list"), {"order": "quotes"}).context["speakers"]]
    assert by_quotes[0] == "Kristi Noem"


def test_the_suggestions_give_names_for_the_quote_filter(client):
    data = client.get(reverse("speaker_suggestions"), {"q": "bride"}).json()
    assert data == {"speakers": [{"name": "Jim Bridenstine", "slug": "jim-bridenstine", "also": ""}]}
    data = client.get(reverse("speaker_suggestions"), {"q": "gov"}).json()
    assert data["speakers"][0]["also"] == "Gov. Noem"


def test_a_speakers_page_shows_their_topics_and_quotes_per_month(client, people, make_article, make_quote):
    noem = people["noem"]
    march = make_article(body="“Late words,” she said.", published_at=datetime(2024, 3, 5, tzinfo=UTC))
    make_quote("Late words", article=march, speaker=noem)
    response = client.get(noem.get_absolute_url())
    assert response.context["speaker_topics"] == [{"topic__name": "Defence", "topic__slug": "defence", "n": 3}]
    months = [(m["month"].strftime("%Y-%m"), m["count"]) for m in response.context["timeline"]]
    assert months[-1] == ("2024-03", 1) and sum(count for _, count in months) == 4
    html = response.content.decode()
    assert "March 2024" in html and '<meter min="0" max=' in html


def test_a_prolific_speakers_overview_counts_the_newest_window_and_says_so(
    client, people, make_article, make_quote, monkeypatch
):
    from archive import facets

    noem = people["noem"]
    monkeypatch.setattr(facets, "WINDOW", 2)
    for day in (1, 2, 3):
        article = make_article(body=f"“Words {day},” she said.", published_at=datetime(2024, 5, day, tzinfo=UTC))
        make_quote(f"Words {day}", article=article, speaker=noem)
    response = client.get(noem.get_absolute_url())
    months = [(m["month"].strftime("%Y-%m"), m["count"]) for m in response.context["timeline"]]
    assert months == [("2024-05", 2)]  # the two newest quotes, not the older ones
    assert "Topics and months of the newest 2 quotes." in response.content.decode()


def test_a_name_is_looked_up_in_the_index_of_alias_words_not_by_a_scan():
    from django.db import connection

    from archive.models import SpeakerAlias
    from archive.speakers import with_words

    query = SpeakerAlias.objects.filter(with_words(["bride", "jim"]))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Only bitmap scans left, which a GIN index serves (the model's order by name would pick its index).
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            plan = query.explain()
        assert "archive_speakeralias_words" in plan, plan
    else:
        plan = query.explain()
        assert "SCAN archive_speakeralias_fts VIRTUAL TABLE INDEX" in plan, plan
        assert "SEARCH archive_speakeralias USING INTEGER PRIMARY KEY" in plan, plan
    assert [alias.name for alias in query] == ["Jim Bridenstine"]
