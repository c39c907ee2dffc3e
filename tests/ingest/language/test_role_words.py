"""role_words.py: capitalised role words before a full name, learnt from gold articles, cut from the name."""

import json

from archive.ingest.language import names, role_words


def name_in(text: str, printed: str) -> names.Name:
    at = text.index(printed)
    run = next(r for r in names.capital_runs(text) if r[0].start == at)
    return names.split_run(run, text)


def test_a_role_word_the_article_never_prints_in_lower_case_is_cut_from_the_name():
    text = 'The vote was close. Assemblywoman Ola Fenwick said "we won".'
    found = name_in(text, "Assemblywoman Ola Fenwick")
    assert (found.role, found.name) == ("Assemblywoman", "Ola Fenwick")


GOLD = {"speakers": [{"name": "Ola Fenwick"}, {"name": "Emmet G. Lind"}, {"name": "Rush Tamm"}]}


def test_words_before_a_speakers_full_name_are_learnt_unless_they_are_names_or_headline_words():
    texts = [
        "Juggler Ola Fenwick spoke first. A juggler came later.",
        "Juggler Ola Fenwick spoke again.",
        "Then Judge Emmet G. Lind ruled.",  # before an initial: a given name
        "Critic Rush Tamm wrote. Critic said so.",  # printed capitalised on its own: not only a role
        "Why Voters Love Ola Fenwick Today\nShe spoke.",  # a Title Case headline
    ]
    table = role_words.learn([(text, GOLD) for text in texts])
    assert table == {"juggler": 2}


def test_the_build_command_writes_the_table(tmp_path):
    from django.core.management import call_command

    (tmp_path / "a.txt").write_text("Juggler Ola Fenwick spoke first.\n")
    (tmp_path / "a.json").write_text(json.dumps({"file": "a.txt", **GOLD}))
    output = tmp_path / "table.tsv"
    call_command("build_role_words", "--gold", str(tmp_path), "--output", str(output))
    assert output.read_text() == "juggler\t1\n"
