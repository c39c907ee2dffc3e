"""quotes.py: quote spans, interviews and the cues that name speakers (resolution is people.py's)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest import people, quotes


def found(body: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of every quote people.py keeps."""
    return [(q.text, q.speaker) for q in people.fold_speakers(quotes.extract_quotes(body)).quotes]


def texts(body: str) -> list[str]:
    return [q.text for q in quotes.extract_quotes(body).quotes]


def test_it_finds_a_quote_with_the_speaker_after_it_and_drops_the_comma():
    body = "“The bridge will open in May,” Anna Kowalski said on Monday."
    assert found(body) == [("The bridge will open in May", "Anna Kowalski")]


def test_every_quote_is_the_body_text_at_its_offsets():
    body = 'Intro line.\n\n"First part," said Omar Haddad. "Second part."\n\nHe added: "Third part."'
    for quote in quotes.extract_quotes(body).quotes:
        assert body[quote.start : quote.end] == quote.text


def test_it_reads_the_inverted_order_and_keeps_the_attribution_as_printed():
    body = "“We are not going back,” said Dr. Hugh Hill, a labour economist."
    (quote,) = quotes.extract_quotes(body).quotes
    assert quote.attribution == "Dr. Hugh Hill"
    assert found(body) == [("We are not going back", "Hugh Hill")]


def test_it_reads_colon_introduced_and_according_to_quotes():
    body = (
        "Mayor Lena Voss told the council: “The budget is balanced.”\n\n"
        "According to Voss, “the city owes nothing to anyone.”"
    )
    assert found(body) == [
        ("The budget is balanced.", "Lena Voss"),
        ("the city owes nothing to anyone.", "Lena Voss"),
    ]


def test_a_quote_split_by_its_attribution_is_two_quotes_of_one_speaker():
    body = "“It was hard,” Carla Mendes said. “But we won.”"
    assert found(body) == [("It was hard", "Carla Mendes"), ("But we won.", "Carla Mendes")]


def test_a_partial_quote_inside_a_sentence_goes_to_the_subject_of_the_speech_verb():
    body = "Carla Mendes, the team's captain, said the result was “a fair reward for a long season”."
    assert found(body) == [("a fair reward for a long season", "Carla Mendes")]


def test_a_quote_carried_over_paragraphs_is_one_quote_per_paragraph():
    body = "Ivo Petrov said: “The first part of my answer is this.\n\n“And the second part is that.”"
    assert found(body) == [
        ("The first part of my answer is this.", "Ivo Petrov"),
        ("And the second part is that.", "Ivo Petrov"),
    ]


def test_a_quote_closed_in_the_next_paragraph_without_reopening_is_found():
    body = 'Ivo Petrov adds that "the first half runs on.\n\nAnd it closes only here. "'
    assert texts(body) == ["the first half runs on.", "And it closes only here."]


def test_an_unclosed_quote_runs_to_the_end_of_its_paragraph_only():
    body = 'Ivo Petrov said that "the harbour will reopen soon.\n\nThe next paragraph has no quote at all.'
    assert texts(body) == ["the harbour will reopen soon."]


def test_scare_quotes_names_and_titles_of_works_are_not_quotes():
    body = (
        "The rocket, called “Falcon”, flew in the so-called “dead zone” near the coast.\n\n"
        "The film “A Harbour in Winter” opened on Friday in three cities across the country.\n\n"
        'Reporters called the town "Little Venice" because of its canals, the mayor said.'
    )
    assert texts(body) == []


def test_headlines_intertitles_and_captions_in_quote_marks_are_not_quotes():
    body = (
        "“We will not give up”\n\n"
        "The minister spoke for an hour on Tuesday about the future of the mines.\n\n"
        "Miners protest outside the ministry “We want our jobs back” / Photo: Reuters\n\n"
        "Minister says “no more subsidies” for the mines"
    )
    assert texts(body) == []


def test_words_of_an_unnamed_person_are_dropped():
    body = "An official, who asked not to be named, said the plan was “dead in the water for now”."
    assert found(body) == []


def test_names_inside_quotes_never_become_speakers():
    body = "“Smith told me the same,” Nora Blake said. “Jones agreed,” she added."
    assert [speaker for _, speaker in found(body)] == ["Nora Blake", "Nora Blake"]


def test_dash_interview_answers_are_quotes_and_questions_are_not():
    body = (
        "In an interview, Paolo Ricci, a former diplomat, spoke about the talks.\n\n"
        "- How do you see the talks?\n\n"
        "- With hope. Both sides want a deal.\n\n"
        "The rest is detail, and details can be settled.\n\n"
        "- Will it be signed this year?\n\n"
        "- I think so."
    )
    extraction = quotes.extract_quotes(body)
    assert [(q.text, q.kind) for q in extraction.quotes] == [
        ("With hope. Both sides want a deal.", "interview_answer"),
        ("The rest is detail, and details can be settled.", "interview_answer"),
        ("I think so.", "interview_answer"),
    ]
    assert {q.speaker for q in people.fold_speakers(extraction).quotes} == {"Paolo Ricci"}


def test_labelled_q_and_a_answers_go_to_the_interviewee_named_in_the_header():
    body = "Q: Is the dam safe?\n\nA: Yes, it is inspected every month.\n\nQ: And in a flood?\n\nA: Also yes."
    extraction = quotes.extract_quotes(body, header="Dam safety: an interview with Mayor Rosa Klein")
    assert [(q.text, q.speaker) for q in people.fold_speakers(extraction).quotes] == [
        ("Yes, it is inspected every month.", "Rosa Klein"),
        ("Also yes.", "Rosa Klein"),
    ]


def test_quoted_answers_after_unquoted_questions_go_to_the_interviewee():
    body = (
        '"The talks went well," Foreign Minister Amir Haddad told the Ledger.\n\n'
        "Do you expect a treaty this year?\n\n"
        '"We hope so. Both sides are ready."\n\n'
        "What about the border?\n\n"
        '"It will be settled last," the foreign minister said.'
    )
    assert found(body) == [
        ("The talks went well", "Amir Haddad"),
        ("We hope so. Both sides are ready.", "Amir Haddad"),
        ("It will be settled last", "Amir Haddad"),
    ]


def test_a_stray_closing_mark_pair_is_not_part_of_the_quote():
    body = '"They signed an agreement." ".\n\nNext paragraph without quotes, for the record.'
    assert texts(body) == ["They signed an agreement."]


def test_mismatched_straight_and_curly_marks_still_pair():
    body = '"It was a strategic choice," he said.\n\n“It was the right one," Lena Voss added.'
    assert texts(body) == ["It was a strategic choice", "It was the right one"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500))
def test_extract_quotes_never_raises_and_spans_are_exact(body):
    extraction = quotes.extract_quotes(body)
    for quote in extraction.quotes:
        assert quote.start < quote.end
        assert body[quote.start : quote.end] == quote.text
    for quote in people.fold_speakers(extraction).quotes:
        assert body[quote.start : quote.end] == quote.text


WORDS = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        " ",
        "\n",
        "\n\n",
        "- ",
        "Q: ",
        "A: ",
        "said",
        "he",
        "Anna Kowalski",
        ",",
        ".",
        ":",
        "?",
        "according to",
        "the minister",
        "We won",
        "Prof.",
        "who",
        "that",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60).map("".join))
def test_extract_quotes_never_raises_on_quote_heavy_text(body):
    for quote in people.fold_speakers(quotes.extract_quotes(body)).quotes:
        assert quote.start < quote.end
        assert body[quote.start : quote.end] == quote.text
