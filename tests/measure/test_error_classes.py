"""error_classes.py: each miss gets the class that says what went wrong, and --compare shows what a change did."""

import json

from django.core.management import call_command

from archive.ingest.language import names
from archive.ingest.parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from archive.measure import error_classes, extraction


def forms(*printed: str) -> set[str]:
    return {names.key(p) for p in printed}


def test_a_wrong_speaker_is_classed_by_the_attribution_that_named_them():
    gold = forms("Ann Lee", "Lee")
    assert error_classes.wrong_speaker("Bo Chan", "he", "We won.", gold) == "pronoun"
    assert error_classes.wrong_speaker("Bo Chan", "the minister", "We won.", gold) == "role"
    assert error_classes.wrong_speaker("Bo Chan", "", "We won.", gold) == "carried over"
    assert error_classes.wrong_speaker("Bo Chan", "Bo Chan", "We won.", gold) == "other name"
    assert error_classes.wrong_speaker("Bo Chan", "Bo Chan", "Ask Bo Chan.", gold) == "name in quote"
    assert error_classes.wrong_speaker("Senator Ann Lee", "Senator Ann Lee", "We won.", gold) == "name boundary"


def test_a_missed_quote_is_classed_by_how_it_is_printed():
    body = "Ann Lee spoke.\n''We won,'' she said.\nShe said: \"It was a long night for us.\"\nThe \"big win\" came.\n"
    gold = forms("Ann Lee")
    assert error_classes.missed_quote({"text": "We won"}, body, gold) == "two apostrophes"
    assert error_classes.missed_quote({"text": "It was a long night for us."}, body, gold) == "colon or saying"
    assert error_classes.missed_quote({"text": "big win"}, body, gold) == "short fragment"
    assert error_classes.missed_quote({"text": "Not printed."}, body, gold) == "not in body"


def test_extra_speakers_with_words_glued_to_a_gold_name_are_told_apart_from_junk():
    gold = {"Ann Lee": forms("Ann Lee", "Lee")}
    assert error_classes.extra_speaker("Republican Ann Lee", gold, set()) == "glued words"
    assert error_classes.extra_speaker("People", gold, set()) == "not a gold person"


def scored(speaker: str) -> dict:
    body = 'Ann Lee said, "We won the vote."'
    parsed = ParsedArticle(
        source_file="a.txt",
        raw_text=body,
        content_hash="x",
        body=body,
        quotes=[ParsedQuote("We won the vote.", 15, 31, "direct", speaker, attribution="he")],
        speakers=[ParsedSpeaker(speaker)],
    )
    truth = {
        "file": "a.txt",
        "article": {},
        "speakers": [{"name": "Ann Lee", "variants": []}],
        "quotes": [{"speaker": "Ann Lee", "text": "We won the vote.", "kind": "direct", "optional": False}],
    }
    score = extraction.score_article(parsed, truth)
    return {"files": [score.to_dict()], "total": score.to_dict()}


def test_the_score_keeps_each_miss_with_its_class():
    run = scored("Bo Chan")
    assert list(run["files"][0]["classified"][0][:2]) == ["wrong speaker", "pronoun"]
    assert run["total"]["attribution_required"] == 0.0


def test_compare_lists_what_a_change_fixed(tmp_path, capsys):
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps(scored("Bo Chan")))
    after.write_text(json.dumps(scored("Ann Lee")))
    call_command("evaluate_extraction", "--compare", str(before), str(after))
    out = capsys.readouterr().out
    assert "attribution            0.000 -> 1.000 (+1.000)" in out
    assert "fixed  [wrong speaker/pronoun] wrong speaker 'Bo Chan' for 'Ann Lee'" in out
    assert "broke" not in out
    assert "wrong speaker / pronoun: 1 -> 0 (-1)" in out
