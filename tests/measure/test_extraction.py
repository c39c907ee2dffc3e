"""extraction.py: the scoring rules, on made-up articles and the five seeds (the floors: test_quality_floors.py)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from archive.ingest.parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from archive.measure import extraction

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = ROOT / "tests" / "gold" / "seeds"
SEEDS = ROOT / "seeds"


def article(quotes=(), speakers=(), **fields) -> ParsedArticle:
    body = fields.pop("body", "Body text of the article, as it stands.")
    return ParsedArticle(
        source_file="a.txt",
        raw_text=body,
        content_hash="x",
        body=body,
        quotes=list(quotes),
        speakers=list(speakers),
        **fields,
    )


def quote(text: str, speaker: str | None) -> ParsedQuote:
    return ParsedQuote(text=text, start=0, end=len(text), kind="direct", speaker=speaker)


def gold(quotes=(), speakers=(), **fields) -> dict:
    meta = dict.fromkeys(extraction.META_FIELDS)
    meta.update(body_first_words="Body text", body_last_words="as it stands.")
    meta.update(fields)
    return {"file": "a.txt", "article": meta, "speakers": list(speakers), "quotes": list(quotes)}


def gold_quote(text: str, speaker: str, optional: bool = False) -> dict:
    return {"speaker": speaker, "text": text, "kind": "direct", "optional": optional}


def gold_speaker(name: str, *variants: str) -> dict:
    return {"name": name, "variants": list(variants), "description": "x", "quoted": True}


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("  “Hello,  world,”  ", "Hello, world"),
        ("It\u00a0 works.", "It works."),
        ("a ‘single’ and “double” mark", "a 'single' and \"double\" mark"),
        ('"quoted",', "quoted"),
    ],
)
def test_quotes_are_compared_after_normalisation(printed, expected):
    assert extraction.normalise_quote(printed) == expected


def test_matched_quotes_count_as_found_and_others_as_extra_or_missed():
    parsed = article([quote("One quote.", "Ann Lee"), quote("Made up.", "Ann Lee")], [ParsedSpeaker("Ann Lee")])
    truth = gold([gold_quote("One quote.", "Ann Lee"), gold_quote("Missed one.", "Ann Lee")], [gold_speaker("Ann Lee")])
    score = extraction.score_article(parsed, truth)
    assert (score.quote_tp, score.quote_fp, score.quote_fn) == (1, 1, 1)
    assert score.quote_precision == score.quote_recall == 0.5


def test_optional_gold_quotes_count_neither_way():
    parsed = article([quote("Reported words", "Ann Lee")], [ParsedSpeaker("Ann Lee")])
    truth = gold([gold_quote("Reported words", "Ann Lee", optional=True)], [gold_speaker("Ann Lee")])
    score = extraction.score_article(parsed, truth)
    assert (score.quote_tp, score.quote_fp, score.quote_fn, score.attribution_total) == (0, 0, 0, 0)
    assert (score.speaker_tp, score.speaker_fp, score.speaker_fn) == (0, 0, 0)


def test_a_speaker_credited_only_with_optional_gold_quotes_counts_neither_way():
    # The gold leaves the source of an optional quote as a placeholder: finding the quote, and so its speaker, is
    # neither rewarded nor penalised (gold format), but the speaker is counted apart so runs stay comparable.
    parsed = article(
        [quote("Reported words", "Ann Lee"), quote("Said aloud.", "Bo Park"), quote("Made up.", "Cy Dunn")],
        [ParsedSpeaker("Ann Lee"), ParsedSpeaker("Bo Park"), ParsedSpeaker("Cy Dunn")],
    )
    truth = gold(
        [gold_quote("Reported words", "(no source)", optional=True), gold_quote("Said aloud.", "Bo Park")],
        [gold_speaker("(no source)"), gold_speaker("Bo Park")],
    )
    score = extraction.score_article(parsed, truth)
    assert (score.speaker_tp, score.speaker_fp, score.speaker_fn, score.speaker_optional) == (1, 1, 0, 1)
    assert [line for kind, _, line in score.classified if kind == "extra speaker"] == ["extra speaker: Cy Dunn"]
    assert extraction.total([score, score]).speaker_optional == 2
    # The figure as scored before: Ann Lee counts as an extra speaker, precision 1/3 and recall 1/1.
    assert score.speaker_f1 == pytest.approx(2 / 3)
    assert score.speaker_f1_optional_as_extra == pytest.approx(0.5)


def test_a_speaker_with_one_quote_that_counts_is_scored_even_if_the_others_are_optional():
    parsed = article([quote("Reported words", "Ann Lee"), quote("Made up.", "Ann Lee")], [ParsedSpeaker("Ann Lee")])
    truth = gold([gold_quote("Reported words", "(no source)", optional=True)], [gold_speaker("(no source)")])
    score = extraction.score_article(parsed, truth)
    assert (score.speaker_fp, score.speaker_optional) == (1, 0)


def test_attribution_accepts_a_variant_of_the_gold_name_by_key():
    parsed = article([quote("Yes.", "VOYCIKOWSKI"), quote("No.", "Someone Else")], [])
    truth = gold(
        [gold_quote("Yes.", "Dariusz Wojcikowski"), gold_quote("No.", "Dariusz Wojcikowski")],
        [gold_speaker("Dariusz Wojcikowski", "Voycikowski")],
    )
    score = extraction.score_article(parsed, truth)
    assert (score.attribution_correct, score.attribution_total) == (1, 2)


def test_speakers_match_on_name_or_variant_and_exact_names_are_counted():
    parsed = article(
        [quote("A.", "Samir Hadad"), quote("B.", "Ann Lee")],
        [ParsedSpeaker("Samir Hadad"), ParsedSpeaker("Ann Lee")],
    )
    truth = gold(
        [gold_quote("A.", "Samir Haddad"), gold_quote("B.", "Ann Lee")],
        [gold_speaker("Samir Haddad", "Samir Hadad"), gold_speaker("Ann Lee")],
    )
    score = extraction.score_article(parsed, truth)
    assert (score.speaker_tp, score.speaker_fp, score.speaker_fn) == (2, 0, 0)
    assert score.exact_names == 1


def test_metadata_compares_published_to_the_precision_gold_gives():
    truth = gold(published="2021-04-03T20:55:39", title="A title", source=None)
    exact = article(title="A title", published_at=datetime(2021, 4, 3, 20, 55, 39, tzinfo=UTC))
    assert extraction.score_article(exact, truth).meta_correct == 8
    off = article(title="A title", outlet="Someone", published_at=datetime(2021, 4, 3, 20, 55, 0))
    score = extraction.score_article(off, truth)
    assert score.meta_correct == 6
    assert any("published" in error for error in score.errors)
    assert any("source" in error for error in score.errors)


def test_body_words_are_checked_at_both_ends_with_white_space_folded():
    truth = gold(body_first_words="The  first words", body_last_words="the last\u00a0words.")
    good = article(body="The first words of it.\n\nAnd the last words.")
    bad = article(body="Intro. The first words of it.\n\nAnd the last words. More")
    assert extraction.score_article(good, truth).meta_correct == 8
    assert extraction.score_article(bad, truth).meta_correct == 6


def test_recurring_speakers_are_named_once_with_their_files():
    one = article([quote("A.", "Ruth Adler")])
    two = article([quote("B.", "Ruth Adler"), quote("C.", "Someone Else")])
    three = article([quote("D.", "Samir Hadad")])
    four = article([quote("E.", "Samir Haddad")])
    for number, parsed in enumerate((one, two, three, four)):
        parsed.source_file = f"{number}.txt"
    assert extraction.recurring_speakers([one, two, three, four]) == {
        "Ruth Adler": ["0.txt", "1.txt"],
        "Samir Hadad": ["2.txt", "3.txt"],
    }


def test_totals_are_micro_averaged_over_files():
    first = extraction.FileScore("a", quote_tp=9, quote_fp=1, quote_fn=0)
    second = extraction.FileScore("b", quote_tp=1, quote_fp=0, quote_fn=1)
    summed = extraction.total([first, second])
    assert (summed.quote_tp, summed.quote_fp, summed.quote_fn) == (10, 1, 1)
    assert summed.quote_precision == pytest.approx(10 / 11)


@pytest.fixture(scope="module")
def seed_run() -> extraction.Run:
    return extraction.evaluate(GOLD, SEEDS)


def test_every_seed_is_parsed_and_scored(seed_run):
    assert seed_run.problems == []
    assert len(seed_run.scores) == 5


def gold_files() -> list[dict]:
    return [extraction.load_gold(path) for path in extraction.gold_files(GOLD)]


def test_a_person_quoted_in_two_seed_articles_is_one_speaker(seed_run):
    files: dict[str, set[str]] = {}
    for truth in gold_files():
        for item in truth["quotes"]:
            if not item["optional"]:
                files.setdefault(item["speaker"], set()).add(truth["file"])
    expected = {name for name, found in files.items() if len(found) >= 2}
    recurring = extraction.recurring_speakers(seed_run.articles)
    assert expected
    assert expected <= set(recurring)
    for name in expected:
        assert set(recurring[name]) == files[name]


def test_every_spelling_of_a_seed_speaker_folds_into_one_predicted_speaker(seed_run):
    by_file = {parsed.source_file: parsed for parsed in seed_run.articles}
    for truth in gold_files():
        parsed = by_file[truth["file"]]
        required = {item["speaker"] for item in truth["quotes"] if not item["optional"]}
        for speaker in truth["speakers"]:
            if speaker["name"] not in required:
                continue
            keys = {extraction.name_key(form) for form in (speaker["name"], *speaker["variants"])}
            matching = [s for s in parsed.speakers if extraction.name_key(s.name) in keys]
            assert len(matching) == 1, (truth["file"], speaker["name"], [s.name for s in parsed.speakers])
