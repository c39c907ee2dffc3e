"""Where a name starts: words before it that describe the person (a party, an origin, a common word the article
prints in lower case) are not part of it; given names that are also common words are."""

import pytest

from archive.ingest import people
from archive.ingest.language import names, word_use
from archive.ingest.quotes import spans


def name_in(text: str, printed: str) -> names.Name:
    at = text.index(printed)
    run = next(r for r in names.capital_runs(text) if r[0].start == at)
    return names.split_run(run, text)


@pytest.mark.parametrize(
    ("text", "printed", "role", "name"),
    [
        (
            "The race is close. Republican Peter Lindqvist spoke.",
            "Republican Peter Lindqvist",
            "Republican",
            "Peter Lindqvist",
        ),
        (
            "The seat is open. Ranking Democrat Karen Osei spoke.",
            "Ranking Democrat Karen Osei",
            "Ranking Democrat",
            "Karen Osei",
        ),
        ("He won praise. Texas-based Ola Fenwick agreed.", "Texas-based Ola Fenwick", "Texas-based", "Ola Fenwick"),
        ("The actor was late. Actor Ola Fenwick waved.", "Actor Ola Fenwick", "Actor", "Ola Fenwick"),
        ("He wrote to the Chief of Staff Ivo Lindqvist.", "Staff Ivo Lindqvist", "Staff", "Ivo Lindqvist"),
    ],
)
def test_describing_words_before_a_full_name_are_its_role(text, printed, role, name):
    found = name_in(text, printed)
    assert (found.role, found.name) == (role, name)


def test_a_common_word_opening_a_sentence_is_not_part_of_a_surname():
    text = "We see the rally. (See Fenwick's timeline below.) Fenwick said it was loud."
    assert name_in(text, "See Fenwick").name == "Fenwick"


def test_a_word_the_article_also_capitalises_inside_sentences_stays_in_the_name():
    text = "Critics rush to judge. Rush Fenwick said so, and later Rush Fenwick said more."
    assert name_in(text, "Rush Fenwick").name == "Rush Fenwick"


@pytest.mark.parametrize("printed", ["Bill Fenwick", "New Hampshire"])
def test_given_names_and_place_names_that_are_common_words_are_kept(printed):
    text = f"The new bill passed. {printed} was there."
    assert name_in(text, printed).name == printed


def test_the_quoted_person_is_named_without_the_glued_words():
    body = (
        "The year was hard for the actor.\n\n"
        '"We kept going," said Actor Ola Fenwick of the show.\n\n'
        'Year Peter Lindqvist joined them. "It was worth it," Lindqvist said.'
    )
    found = people.fold_speakers(spans.extract_quotes(body))
    assert [q.speaker for q in found.quotes] == ["Ola Fenwick", "Peter Lindqvist"]


def test_sentence_openings_and_abbreviations():
    text = "He left. Then Gov. Jerry Lind spoke (Again) to the U.S. Senate."
    assert word_use.opens_sentence(text, text.index("Then"))
    assert word_use.opens_sentence(text, text.index("Again"))
    assert not word_use.opens_sentence(text, text.index("Jerry"))
    assert not word_use.opens_sentence(text, text.index("Senate"))


def test_an_office_word_after_an_initial_is_a_surname():
    text = "The vote was close. Representative Ivo T. King said so."
    assert name_in(text, "Representative Ivo T. King").name == "Ivo T. King"


def test_a_preposition_opening_a_sentence_is_not_part_of_the_name():
    text = "The race was close. Without Fenwick the party would have lost."
    assert name_in(text, "Fenwick").name == "Fenwick"
    assert all(run[0].text != "Without" for run in names.capital_runs(text))


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Former Sen. Joseph I. Lindqvist said the plan failed.", [["Sen.", "Joseph", "I.", "Lindqvist"]]),
        ("The case went to Samuel A. Osei, a judge.", [["Samuel", "A.", "Osei"]]),
        ("It ended with World War I. Then peace came.", [["World", "War"]]),
        ("I. Lewis Lindqvist said so.", [["Lewis", "Lindqvist"]]),
    ],
)
def test_a_middle_initial_a_or_i_between_name_words_stays_in_the_name(text, runs):
    # "A" and "I" are words too; with a dot, between two name words, they are initials.
    assert [[t.text for t in run] for run in names.capital_runs(text)] == runs


@pytest.mark.parametrize(
    ("text", "names_found"),
    [
        ("Sens. Ana Berg and Ivo Lind spoke.", ["Ana Berg", "Ivo Lind"]),
        ("Reps. Ana Berg and Ivo Lind spoke.", ["Ana Berg", "Ivo Lind"]),
        ("Pres. Ana Berg spoke.", ["Ana Berg"]),
    ],
)
def test_plural_and_short_titles_with_a_dot_are_titles_not_names(text, names_found):
    found = [names.split_run(run, text) for run in names.capital_runs(text)]
    assert [name.name for name in found if name is not None] == names_found


@pytest.mark.parametrize(
    ("text", "printed", "name"),
    [
        (
            "The party of Christoph Blocher won. Interestingly Blocher, a wealthy man, led the party.",
            "Interestingly Blocher",
            "Blocher",
        ),
        (
            "A note came from Eva Lindqvist. Celebrating Lindqvist for the deal, she wrote back.",
            "Celebrating Lindqvist",
            "Lindqvist",
        ),
        ("Votes for Ana Osei came in. Six Osei supporters ran for seats.", "Six Osei", "Osei"),
        ('The club closed. Filmmaker Jack Marlow said, "It was sad."', "Filmmaker Jack Marlow", "Jack Marlow"),
        ("Billionaire Ola Fenwick praised the plan on Monday.", "Billionaire Ola Fenwick", "Ola Fenwick"),
    ],
)
def test_an_adverb_participle_count_or_role_that_only_opens_sentences_is_no_part_of_the_name(text, printed, name):
    assert name_in(text, printed).name == name


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("The talks ended. Manning Lindqvist said no. Later Manning Lindqvist agreed.", "Manning Lindqvist"),
        ("The talks ended. Keeling Osei said no.", "Keeling Osei"),
        ("The talks ended. Sterling Lindqvist said no. Then Lindqvist left.", "Sterling Lindqvist"),
    ],
)
def test_an_opening_word_stays_in_the_name_unless_the_article_names_the_person_otherwise(text, printed):
    assert name_in(text, printed).name == printed


def test_a_hyphenated_office_is_a_role_before_the_name():
    text = '"We had a big issue," said United Dock Workers Secretary-Treasurer Gary Castell.'
    name = name_in(text, "United Dock Workers Secretary-Treasurer Gary Castell")
    assert (name.name, name.role) == ("Gary Castell", "United Dock Workers Secretary-Treasurer")


@pytest.mark.parametrize(
    ("text", "printed", "name"),
    [
        ("The girl met South Korean-born Mona Hallin there.", "South Korean-born Mona Hallin", "Mona Hallin"),
        ("He lives in South Carolina now.", "South Carolina", "South Carolina"),
    ],
)
def test_a_place_opening_an_origin_word_is_cut_with_it(text, printed, name):
    assert name_in(text, printed).name == name


def test_a_word_printed_in_lower_case_only_inside_a_quote_is_still_a_common_word():
    # "see" is printed in lower case only inside a quote, whose words are masked when names are read.
    body = (
        '"I see a long road ahead," Osei said.\n\n'
        "(See Osei's notes from the road below.)\n\n"
        '"We will get there in the end," Osei said.'
    )
    found = people.fold_speakers(spans.extract_quotes(body))
    assert [speaker.name for speaker in found.speakers] == ["Osei"]


@pytest.mark.parametrize(
    ("text", "found_names"),
    [
        ("He flew to the U.S. While Lindqvist has objected, the plan stands.", ["Lindqvist"]),
        ("The bill came from G.K. Lindqvist on Friday.", ["G.K. Lindqvist"]),
    ],
)
def test_initials_before_a_sentence_opener_are_an_abbreviation_ending_the_sentence(text, found_names):
    found = [names.split_run(run, text) for run in names.capital_runs(text)]
    assert [name.name for name in found if name is not None] == found_names


@pytest.mark.parametrize("word", ["I’m", "They're", "We’ve", "You'll", "Don’t"])
def test_a_word_with_a_contraction_is_no_name_word(word):
    assert not names.is_name_word(word)


@pytest.mark.parametrize("word", ["O'Neill", "D’Amato", "N'Diaye"])
def test_a_name_with_an_apostrophe_is_a_name_word(word):
    assert names.is_name_word(word)


def test_a_weekday_after_a_name_is_no_part_of_it():
    text = "At the meeting in Hudson, New Hampshire Monday, the man spoke. Joe Friday spoke too."
    found = [names.split_run(run, text) for run in names.capital_runs(text)]
    assert [name.name for name in found if name is not None] == ["Hudson", "New Hampshire", "Joe Friday"]


def test_mister_spelled_out_is_a_title():
    name = name_in("Children loved the show of Mister Lindqvist for years.", "Mister Lindqvist")
    assert (name.title, name.name) == ("Mister", "Lindqvist")


def test_a_pac_is_an_organisation_not_a_person():
    body = '"This ad raises hard questions," Ana Berglund, who is chairman of Our Future Values Pac said on Monday.'
    found = people.fold_speakers(spans.extract_quotes(body))
    assert [speaker.name for speaker in found.speakers] == ["Ana Berglund"]


def test_a_name_ending_in_world_is_a_place_not_a_person():
    body = (
        "Ivo Lind has hosted the show for years, and three regulars of the hall of mirrors that is Berg World told "
        'me he backs the mayor.\n\n"I can\'t not speak my mind," he said.'
    )
    found = people.fold_speakers(spans.extract_quotes(body))
    assert [quote.speaker for quote in found.quotes] == ["Ivo Lind"]


def test_a_run_opening_with_off_is_a_title_not_a_person():
    body = (
        "Ana Palmer joined the paper in 2009, when she covered lobbying.\n\n"
        "(Listen to the paper's Off Record podcast with Ivo Lind.)\n\n"
        '"You learn very quickly to have a shield up," she said.'
    )
    found = people.fold_speakers(spans.extract_quotes(body))
    assert [quote.speaker for quote in found.quotes] == ["Ana Palmer"]
