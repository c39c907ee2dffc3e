"""given_names.py: the pronoun table learnt from attributed quotes, and its use when "he" or "she" is resolved."""

import pytest

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


def test_the_census_table_knows_given_names_the_learnt_one_lacks():
    assert given_names.pronoun_of("Abigail Fenwick") == "she"
    assert given_names.pronoun_of("Walter Grieve") == "he"
    assert given_names.pronoun_of("Clinton Avery") == ""  # as common a surname: left out


def test_she_said_skips_a_man_whose_given_name_only_the_census_table_knows():
    body = (
        "Abigail Fenwick questioned the board on Tuesday.\n"
        '"This is wrong," Fenwick said, as Walter Grieve listened.\n'
        "Grieve said the board had changed since then.\n"
        '"You cut the staff to the bone," she said.\n'
    )
    speakers = [q.speaker for q in people.fold_speakers(spans.extract_quotes(body)).quotes]
    assert speakers == ["Abigail Fenwick", "Abigail Fenwick"]


def test_the_census_table_keeps_names_of_one_sex_that_are_rarely_surnames():
    male = "WALTER 0.399 0.1 1\nJORDAN 0.056 0.2 2\nJACKSON 0.012 0.3 3\nRAREST 0.001 0.4 4\n"
    female = "GABRIELA 0.018 0.1 1\nJORDAN 0.012 0.2 2\n"
    last = "JACKSON 0.310 0.3 1\nWALTER 0.010 0.4 2\n"
    table = given_names.from_census(male, female, last)
    assert table == {"walter": ("he", 399), "gabriela": ("she", 18)}  # Jordan is both, Jackson a surname


def test_the_build_command_writes_the_census_table(tmp_path):
    from django.core.management import call_command

    (tmp_path / "dist.male.first").write_text("WALTER 0.399 0.1 1\n")
    (tmp_path / "dist.female.first").write_text("GABRIELA 0.018 0.1 1\n")
    (tmp_path / "dist.all.last").write_text("SMITH 1.006 1.0 1\n")
    output = tmp_path / "census.tsv"
    call_command("build_given_names", "--census", str(tmp_path), "--output", str(output))
    assert output.read_text() == "gabriela\tshe\t18\nwalter\the\t399\n"


def test_the_build_command_takes_gold_or_census_not_both(tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="one of the arguments --gold --census is required"):
        call_command("build_given_names")
    with pytest.raises(CommandError, match="not allowed with"):
        call_command("build_given_names", "--gold", str(tmp_path), "--census", str(tmp_path))


def test_a_name_particle_is_no_census_given_name():
    assert given_names.pronoun_of("Al Haddad") == ""  # "Ahmed al Haddad" printed "Al Haddad" opening a sentence
    body = (
        "Among the passengers were Ahmed al Haddad and his wife.\n\n"
        'Al\u00a0Haddad said he was going with her, because "we live together or not at all."\n'
    )
    speakers = [q.speaker for q in people.fold_speakers(spans.extract_quotes(body)).quotes]
    assert speakers == ["Ahmed al Haddad"]
