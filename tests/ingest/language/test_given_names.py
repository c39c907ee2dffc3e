"""given_names.py: the pronoun table learnt from attributed quotes, and its use when "he" or "she" is resolved."""

from archive.ingest import people
from archive.ingest.language import given_names
from archive.ingest.quotes import spans


def test_the_shipped_table_knows_common_given_names():
    assert given_names.pronoun_of("Elizabeth Warren") == "she"
    assert given_names.pronoun_of("John Stumpf") == "he"
    assert given_names.pronoun_of("Warren") == ""  # a bare surname says nothing


def test_she_said_skips_the_man_named_last():
    body = (
        "Elizabeth Norcott questioned the bank's chief on Tuesday.\n"
        '"This just isn\'t right," Norcott said, as John Belcher listened.\n'
        "Belcher said the bank had changed since then.\n"
        '"You squeezed employees to the breaking point," she said.\n'
    )
    speakers = [q.speaker for q in people.fold_speakers(spans.extract_quotes(body)).quotes]
    assert speakers == ["Elizabeth Norcott", "Elizabeth Norcott"]


def test_the_table_is_learnt_from_pronoun_attributions_and_titles():
    text = '"We will win," she said. Later: "Again," she added.\n"No," he said.\n'
    gold = {
        "speakers": [{"name": "Maren Holt", "variants": ["Ms. Holt"]}, {"name": "Ivo Kresk", "variants": []}],
        "quotes": [
            {"speaker": "Maren Holt", "text": "We will win"},
            {"speaker": "Maren Holt", "text": "Again"},
            {"speaker": "Ivo Kresk", "text": "No"},
        ],
    }
    table = given_names.learn([(text, gold)])
    assert table["maren"][0] == "she"
    assert "ivo" not in table  # one vote is not enough


def test_the_build_command_writes_the_table_from_a_folder_of_gold(tmp_path):
    import json

    from django.core.management import call_command

    (tmp_path / "a.txt").write_text('"Yes," she said. "No," she said. "Maybe," she added.\n')
    gold = {
        "file": "a.txt",
        "speakers": [{"name": "Maren Holt", "variants": []}],
        "quotes": [{"speaker": "Maren Holt", "text": t} for t in ("Yes", "No", "Maybe")],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold))
    output = tmp_path / "table.tsv"
    call_command("build_given_names", "--gold", str(tmp_path), "--output", str(output))
    assert output.read_text() == "maren\tshe\t9\n"
