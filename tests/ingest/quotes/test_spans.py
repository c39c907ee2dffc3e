"""spans.py: quote spans, interviews and the cues that name speakers (resolution is people.py's)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest import people
from archive.ingest.quotes import spans


def found(body: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of every quote people.py keeps."""
    return [(q.text, q.speaker) for q in people.fold_speakers(spans.extract_quotes(body)).quotes]


def texts(body: str) -> list[str]:
    return [q.text for q in spans.extract_quotes(body).quotes]


def test_it_finds_a_quote_with_the_speaker_after_it_and_drops_the_comma():
    body = "“The bridge will open in May,” Anna Kowalski said on Monday."
    assert found(body) == [("The bridge will open in May", "Anna Kowalski")]


def test_every_quote_is_the_body_text_at_its_offsets():
    body = 'Intro line.\n\n"First part," said Omar Haddad. "Second part."\n\nHe added: "Third part."'
    for quote in spans.extract_quotes(body).quotes:
        assert body[quote.start : quote.end] == quote.text


def test_it_reads_the_inverted_order_and_keeps_the_attribution_as_printed():
    body = "“We are not going back,” said Dr. Hugh Hill, a labour economist."
    (quote,) = spans.extract_quotes(body).quotes
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
    extraction = spans.extract_quotes(body)
    assert [(q.text, q.kind) for q in extraction.quotes] == [
        ("With hope. Both sides want a deal.", "interview_answer"),
        ("The rest is detail, and details can be settled.", "interview_answer"),
        ("I think so.", "interview_answer"),
    ]
    assert {q.speaker for q in people.fold_speakers(extraction).quotes} == {"Paolo Ricci"}


def test_labelled_q_and_a_answers_go_to_the_interviewee_named_in_the_header():
    body = "Q: Is the dam safe?\n\nA: Yes, it is inspected every month.\n\nQ: And in a flood?\n\nA: Also yes."
    extraction = spans.extract_quotes(body, header="Dam safety: an interview with Mayor Rosa Klein")
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


# --- partial quotes: tied to a speaker by a speech or judgement verb, else scare quotes ----------------------------


@pytest.mark.parametrize(
    "body, quote",
    [
        ('Nora Blake, a harbour pilot, described the storm as "a night from hell".', "a night from hell"),
        ('Nora Blake regards the new levy as "a tax on hope."', "a tax on hope."),
        ("Nora Blake criticised the ruling, calling it “a disgrace”.", "a disgrace"),
        ("The strike, which Nora Blake called “the last resort”, began at dawn.", "the last resort"),
        ('Nora Blake warned that the closure could "last for months".', "last for months"),
        ('Nora Blake thinks the pilots are "heroes" of the harbour.', "heroes"),
    ],
)
def test_a_short_fragment_in_the_complement_of_a_named_speakers_verb_is_her_quote(body, quote):
    assert found(body) == [(quote, "Nora Blake")]


def test_a_verb_after_and_or_but_shares_the_subject_of_its_clause():
    body = (
        'Nora Blake said the pilots were tired. She described the rota as "brutal" and accused the port of '
        '"cutting corners". She named no day, but said the pilots would strike "again and again".'
    )
    assert found(body) == [
        ("brutal", "Nora Blake"),
        ("cutting corners", "Nora Blake"),
        ("again and again", "Nora Blake"),
    ]


def test_a_that_clause_after_but_goes_on_with_what_the_verb_reports():
    body = (
        'Nora Blake said her staff "did the wrong thing" by reading the files, but that the board\'s ban on the crews '
        'was "an egregious act."'
    )
    assert found(body) == [("did the wrong thing", "Nora Blake"), ("an egregious act.", "Nora Blake")]


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        (
            'Nora Blake thanked the crews for "sailing in any weather and any season."',
            "sailing in any weather and any season.",
        ),
        (
            'Nora Blake touted her record—"the longest run of calm seas in our history"—on Monday.',
            "the longest run of calm seas in our history",
        ),
        ('Nora Blake denounced the ban as "hurtful and humiliating" on Monday.', "hurtful and humiliating"),
        (
            'Nora Blake slammed the port for "cutting every corner it could find."',
            "cutting every corner it could find.",
        ),
        (
            '"If they were serious about this, they would have called," Nora Blake fumed.',
            "If they were serious about this, they would have called",
        ),
        ('"Would the fees be negotiable?" Nora Blake pressed.', "Would the fees be negotiable?"),
    ],
)
def test_thanking_touting_denouncing_and_slamming_are_speech(body, quote):
    assert found(body) == [(quote, "Nora Blake")]


def test_thanks_to_is_no_speech_verb():
    assert found('The plan passed, thanks to "fierce lobbying" by the crews.') == []


def test_a_participle_takes_the_subject_of_its_clause():
    body = 'Nora Blake spoke first. "We are ready," she says, adding proudly that her crews "sail in any weather."'
    assert found(body) == [("We are ready", "Nora Blake"), ("sail in any weather.", "Nora Blake")]


def test_the_fragment_is_found_where_it_is_quoted_not_where_the_words_first_occur():
    body = 'Nora Blake said the port has plenty of pilots. She said it would hire "plenty" more.'
    ((text, speaker),) = found(body)
    (quote,) = spans.extract_quotes(body).quotes
    assert (text, speaker) == ("plenty", "Nora Blake")
    assert body[quote.start - 1 : quote.end + 1] == '"plenty"'


def test_a_quote_right_after_a_speech_verb_is_its_subjects_even_when_a_source_reports_the_sentence():
    body = (
        "Karl Brandt, 61, of Eastfield, was fined on Monday. At the hearing, he shouted at the clerk, called the "
        'mayor a "crook" and said, "the whole council should resign," the town\'s lawyer said.'
    )
    assert found(body) == [("crook", "Karl Brandt"), ("the whole council should resign", "Karl Brandt")]


@pytest.mark.parametrize(
    "body",
    [
        'This "fast lane" for small boats was built in 2010.',
        "Karl Brandt said the plan failed, and the “reform” was never tried.",
        "Critics say the “reform” is a tax in disguise.",
        "The ministry called the plan “a mess”.",
        "A ferry called “Northern Star” left at noon, Karl Brandt said.",
        "Karl Brandt refused to call it a “crisis” on Monday.",
        "Karl Brandt said he had read “The Long Winter” twice.",
        "Karl Brandt questioned the so-called “reform” on Monday.",
        "Karl Brandt and Vera Lind said the plan was “plainly wrong”.",
        "Karl Brandt said on Channel Four's “Face the Week.”",
        "Karl Brandt told “Morning in the City” that he would run again.",
    ],
)
def test_a_fragment_no_named_person_is_said_to_have_said_is_not_a_quote(body):
    assert found(body) == []


def test_a_later_speaker_in_the_sentence_does_not_take_an_earlier_speakers_fragment():
    body = 'Vera Lind said the town would "never, ever" give up, and Karl Brandt said it was "a fine idea".'
    assert found(body) == [("never, ever", "Vera Lind"), ("a fine idea", "Karl Brandt")]


@pytest.mark.parametrize(
    "body",
    [
        "“We will appeal,” according to Vera Lind.",
        "Vera Lind: “We will appeal.”",
        "“We will appeal,” said the union leader, Vera Lind.",
        "Vera Lind spoke first. “We will appeal,” the 45-year-old said.",
        "Union leader Vera Lind was blunt. “We will appeal.”",
        "“We will appeal,” Vera Lind, who has led the union since 2010, said.",
    ],
)
def test_common_attribution_layouts_name_the_speaker(body):
    assert [speaker for _, speaker in found(body)] == ["Vera Lind"]


# --- interviews in other layouts --------------------------------------------------------------------------------


def test_bold_question_lines_with_plain_answers_are_an_interview():
    body = (
        "Rosa Klein, the mayor, spoke to us about the dam.\n\n"
        "**Is the dam safe?**\n\nYes, it is inspected every month.\n\n"
        "**And in a flood?**\n\nAlso yes, the spillway was rebuilt.\n\n"
        "**What comes next?**\n\nA new road, and then a bridge."
    )
    extraction = spans.extract_quotes(body)
    assert [(q.text, q.kind) for q in extraction.quotes] == [
        ("Yes, it is inspected every month.", "interview_answer"),
        ("Also yes, the spillway was rebuilt.", "interview_answer"),
        ("A new road, and then a bridge.", "interview_answer"),
    ]
    assert {q.speaker for q in people.fold_speakers(extraction).quotes} == {"Rosa Klein"}


def test_rhetorical_questions_in_a_reported_article_are_not_an_interview():
    body = (
        "The town has a problem. Is the dam safe?\n\nNobody knows, and the mayor will not say.\n\n"
        "What happens in a flood?\n\nThe valley fills, as it did in 1953.\n\n"
        'Who pays?\n\nThe taxpayer. "We will find the money," Rosa Klein said.'
    )
    assert found(body) == [("We will find the money", "Rosa Klein")]


def test_speaker_labels_give_each_answer_its_speaker():
    body = (
        "Rosa Klein, the mayor, met the Ledger on Friday.\n\n"
        "Ledger: Is the dam safe?\n\nKlein: Yes, it is inspected every month.\n\n"
        "Ledger: And in a flood?\n\nKlein: Also yes, it will hold."
    )
    extraction = spans.extract_quotes(body)
    assert [(q.text, q.speaker) for q in people.fold_speakers(extraction).quotes] == [
        ("Yes, it is inspected every month.", "Rosa Klein"),
        ("Also yes, it will hold.", "Rosa Klein"),
    ]


def test_question_and_answer_labels_are_not_speaker_names():
    body = "Question: Is the dam safe?\n\nAnswer: Yes, it is.\n\nQuestion: In a flood?\n\nAnswer: Also yes."
    extraction = spans.extract_quotes(body, header="An interview with Mayor Rosa Klein")
    assert {q.speaker for q in people.fold_speakers(extraction).quotes} == {"Rosa Klein"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500))
def test_extract_quotes_never_raises_and_spans_are_exact(body):
    extraction = spans.extract_quotes(body)
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
    for quote in people.fold_speakers(spans.extract_quotes(body)).quotes:
        assert quote.start < quote.end
        assert body[quote.start : quote.end] == quote.text


def test_two_apostrophes_mark_a_quote_as_newspaper_copies_print_them():
    body = (
        "Mara Quist, a harbour engineer, spoke on Friday.\n"
        "''The tide gauge failed twice,'' said Ms. Quist. ''Nobody checked it.''\n"
        "As for the pier, she said, ''What were they waiting for?''\n"
        "The city's ''rapid plan'' was not mentioned.\n"
    )
    assert found(body) == [
        ("The tide gauge failed twice", "Mara Quist"),
        ("Nobody checked it.", "Mara Quist"),
        ("What were they waiting for?", "Mara Quist"),
    ]
    for quote in spans.extract_quotes(body).quotes:
        assert body[quote.start : quote.end] == quote.text


def test_a_paragraph_opening_with_two_apostrophes_and_ending_in_a_question_is_a_quote_not_an_interview_question():
    body = (
        "Mara Quist, a harbour engineer, spoke on Friday about the new pier and the flood gates.\n"
        "''People make all these claims,'' Ms. Quist said. ''And how do voters decide? Are they fooled?\n"
        "''Are they way out in left field?'' she asked the crowd in the hall on Friday.\n"
    )
    assert found(body) == [
        ("People make all these claims", "Mara Quist"),
        ("And how do voters decide? Are they fooled?", "Mara Quist"),
        ("Are they way out in left field?", "Mara Quist"),
    ]


def test_a_dash_and_a_full_name_after_a_quote_sign_it():
    body = (
        "Readers wrote in about the new bridge.\n"
        "“It took ten years. Was it worth it?” ― Ilse Marrow\n"
        "“The toll is too high.”— Tomas Very.\n"
    )
    assert found(body) == [
        ("It took ten years. Was it worth it?", "Ilse Marrow"),
        ("The toll is too high.", "Tomas Very"),
    ]


def test_a_party_and_state_label_between_a_name_and_its_verb_is_read_past():
    body = (
        "The hearing ran late.\n"
        "“They would never get an immunity deal,” Rep. Jon Varga (R-Ohio), a panel member, said on Friday.\n"
        "Sen. Clara Mott (D-Mo.) scolded him: “The science is against you,” she said.\n"
    )
    assert found(body) == [
        ("They would never get an immunity deal", "Jon Varga"),
        ("The science is against you", "Clara Mott"),
    ]


def test_a_home_town_and_its_state_after_a_name_are_not_the_speaker():
    body = (
        "Visitors came from far away.\n"
        "Rosa Lind Varo, 59, of Ashton, Md., who watched on a screen, said it was ''a day for us to remember.''\n"
        "''We waited a long time,'' she added.\n"
    )
    assert found(body) == [
        ("a day for us to remember.", "Rosa Lind Varo"),
        ("We waited a long time", "Rosa Lind Varo"),
    ]


def test_a_transcript_label_inside_the_quote_names_the_speaker_and_is_not_quoted():
    body = (
        "Dana Roos interviewed Governor Emil Farkas on Sunday.\n"
        '"ROOS: Will she be there tomorrow?\n'
        '"FARKAS: Well, look, she will not be attending the debate."\n'
    )
    assert found(body) == [
        ("Will she be there tomorrow?", "Dana Roos"),
        ("Well, look, she will not be attending the debate.", "Emil Farkas"),
    ]


def test_a_closing_mark_printed_where_a_quote_opens_still_opens_it():
    body = "Readers answered.\n”The toll is too high. Nobody asked us.” ― Ilse Marrow\n"
    assert found(body) == [("The toll is too high. Nobody asked us.", "Ilse Marrow")]


def test_a_courtesy_title_is_followed_by_a_surname_even_when_it_is_an_office_word():
    body = 'Larry King spoke to us.\n"I have never been edited," Mr. King added.\n'
    assert found(body) == [("I have never been edited", "Larry King")]


def test_a_signature_may_stand_after_no_break_spaces_or_on_the_next_line():
    body = (
        "Readers answered.\n“The toll is too high.”\u00a0― Ilse Marrow\u00a0\n"
        "“Build a wall around it.” ―\nTomas Very.\n"
    )
    assert found(body) == [("The toll is too high.", "Ilse Marrow"), ("Build a wall around it.", "Tomas Very")]


def test_a_capitalised_plural_like_states_ends_a_name_and_is_no_speech_verb():
    body = 'Rita Moreno said the United States "must keep its promises to every ally in the region."'
    assert found(body) == [("must keep its promises to every ally in the region.", "Rita Moreno")]


def test_a_participle_after_a_published_text_quotes_whoever_put_it_out():
    body = 'On Monday, Vera Lind issued a statement saying the plan was "a betrayal of every tenant in the city."'
    assert found(body) == [("a betrayal of every tenant in the city.", "Vera Lind")]
    # The thing itself speaks for nobody: no publishing verb, no person.
    assert found('The board saw a report saying the plan was "a betrayal of every tenant in the city."') == []


def test_a_sentence_quoted_after_a_colon_is_the_words_of_the_clause_subject():
    body = 'Later, Mr. Berg shot back: "We will never sell the harbour to anyone."'
    assert found(body) == [("We will never sell the harbour to anyone.", "Berg")]
    body = 'Vera Lind stood up, turned to the crowd and boomed: "We will never sell the harbour."'
    assert found(body) == [("We will never sell the harbour.", "Vera Lind")]
    # No subject opens the clause: a sign, a gerund, a name after a verb are nobody's voice.
    assert found('The sign on the door read: "Closed for the season, see you in May."') == []
    assert found('Holding signs: "Bad for the harbour, bad for the town."') == []
    assert found('The poll did not surprise analyst Vera Lind: "Turnout is always low in May."') == []


def test_a_state_abbreviation_or_an_adjective_before_a_role_is_nobody_to_cite():
    # A single word the article prints as a state's abbreviation or as a modifier of a role noun names nobody.
    body = 'The voters came from Fresno, Calif., on Sunday.\n\n"We will keep the harbour open," Calif said.'
    assert found(body) == []
    body = 'The result pleased Republican pollsters.\n\n"It is a clear win for the harbour," Republican said.'
    assert found(body) == []
    body = 'Vera Lind came from Fresno, Calif., on Sunday.\n\n"We will keep the harbour open," Lind said.'
    assert found(body) == [("We will keep the harbour open", "Vera Lind")]


def test_dots_glued_to_the_quoted_words_open_a_quote():
    body = (
        "Her supporters have accused him.\n\n"
        '".@LarsBerg put gun makers first," Ana Silva tweeted on Wednesday.\n\n'
        '"...and then we won," Berg said.'
    )
    quotes = people.fold_speakers(spans.extract_quotes(body)).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        (".@LarsBerg put gun makers first", "Ana Silva"),
        ("...and then we won", "Berg"),
    ]


def test_a_second_speech_verb_takes_the_speaker_not_the_subject_of_what_was_said():
    body = (
        'Senator Lina Graves said that Osterberg is a "good, decent man," and said that the mayor "melted down."\n\n'
        'It was such a busy week that Ana Silva thanked her staff "for their support" and called the union "a partner."'
    )
    assert found(body) == [
        ("good, decent man", "Lina Graves"),
        ("melted down.", "Lina Graves"),
        ("for their support", "Ana Silva"),
        ("a partner.", "Ana Silva"),
    ]


def test_a_name_and_a_colon_introduce_a_quote_with_a_role_a_party_or_a_surname_printed_in_full():
    body = (
        "Lina Ostberg and Karl Weller reject the plan.\n\n"
        'Ostberg: "Our goal is to end it." Weller: "The mission is to stop it."\n\n'
        'Rep. Tomas Vinter (R-Ohio): "Who told you that?"\n\n'
        'Former secretary of state Ana Lindqvist: "We learned it from the department."\n\n'
        'Update: "The vote is on Monday."'
    )
    assert found(body) == [
        ("Our goal is to end it.", "Lina Ostberg"),
        ("The mission is to stop it.", "Karl Weller"),
        ("Who told you that?", "Tomas Vinter"),
        ("We learned it from the department.", "Ana Lindqvist"),
    ]


def test_a_day_between_subject_and_verb_and_an_auxiliary_after_a_lone_surname_before_a_colon():
    body = (
        "Lina Ostberg and Karl Weller met on Monday.\n\n"
        'Weller later Thursday told reporters: "We are meeting again next week."\n\n'
        'Ostberg has since apologized for what happened: "I should have called."\n\n'
        'Holding signs: "Bad for the harbour, bad for the town."'
    )
    assert found(body) == [
        ("We are meeting again next week.", "Karl Weller"),
        ("I should have called.", "Lina Ostberg"),
    ]


def test_a_phrase_that_reports_words_governs_the_quote_after_it():
    body = (
        'As Ana Silva, a former mayor of the town, put it: "This plan will never pass."\n\n'
        'Lars Berg shot back, "The mayor called them out. They must be crushed."\n\n'
        '"Nobody reads the plan," Vera Lind fired back.'
    )
    assert found(body) == [
        ("This plan will never pass.", "Ana Silva"),
        ("The mayor called them out. They must be crushed.", "Lars Berg"),
        ("Nobody reads the plan", "Vera Lind"),
    ]
    # "put it" with an object after it reports nothing.
    assert found('Vera Lind put it on the table and left, "a relic of the past."') == []


def test_an_infinitive_or_a_participle_after_a_preposition_right_before_a_quote_takes_the_clause_subject():
    body = (
        'Ana Silva went on to say, "She once left the keys in the harbour office."\n\n'
        'Lars Berg ended the meeting by saying, "We will appeal this decision."\n\n'
        'The rally grew so loud that Vera Lind was prompted to add: "Nobody can hear the band."'
    )
    assert found(body) == [
        ("She once left the keys in the harbour office.", "Ana Silva"),
        ("We will appeal this decision.", "Lars Berg"),
        ("Nobody can hear the band.", "Vera Lind"),
    ]
    # Words someone declined to say are nobody's.
    assert found('Ana Silva declined to say, "Yes, we will sell the harbour."') == []


def test_two_hyphens_between_spaces_are_a_dash_and_a_name_opening_an_aside_in_dashes_is_the_subject():
    body = (
        "The mayor spoke on Monday.\n\n"
        'A former candidate -- Ana Silva, who lost the race in 2008 -- said the mayor "offered no changes to his '
        'slow and timid strategy."\n\n'
        'Lars Berg — who ran the harbour for years — said the council "never read the plan."'
    )
    assert found(body) == [
        ("offered no changes to his slow and timid strategy.", "Ana Silva"),
        ("never read the plan.", "Lars Berg"),
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        ('Lars Berg bemoaned a town where neighbours "barely speak."', ("barely speak.", "Lars Berg")),
        ('Ana Silva blamed the closure on "reckless managers."', ("reckless managers.", "Ana Silva")),
        ('Vera Lind credited the win to "a tireless crew."', ("a tireless crew.", "Vera Lind")),
        ('Aide Tomas Berg derided "the harbour elite" on the radio.', ("the harbour elite", "Tomas Berg")),
    ],
)
def test_a_fragment_after_a_verb_of_blame_or_praise_is_its_subjects(body, expected):
    assert found(body) == [expected]


def test_a_fragment_after_a_verb_of_attack_is_its_subjects():
    body = (
        'Vera Lind attacked the mayor for "selling out the harbour."\n\n'
        'Lars Berg questioned the council\'s "secret harbour deals."\n\n'
        'Ana Silva ripped the board for acting as "the judge and the jury."'
    )
    assert found(body) == [
        ("selling out the harbour.", "Vera Lind"),
        ("secret harbour deals.", "Lars Berg"),
        ("the judge and the jury.", "Ana Silva"),
    ]


def test_a_lone_connective_before_a_quote_opening_a_sentence_carries_the_speaker_over():
    body = (
        '"The plan is dead," Ana Silva said. Indeed, "We looked at a dozen harbours and none of them made money."\n\n'
        '"We will wait," Lars Berg said. But "the board is running out of patience with the mayor."'
    )
    assert found(body) == [
        ("The plan is dead", "Ana Silva"),
        ("We looked at a dozen harbours and none of them made money.", "Ana Silva"),
        ("We will wait", "Lars Berg"),
        ("the board is running out of patience with the mayor.", "Lars Berg"),
    ]
    # A fragment after the connective is still the writer's scare quote.
    assert found('"We will wait," Lars Berg said. But "reform" never came.') == [("We will wait", "Lars Berg")]


def test_shouting_and_grumbling_verbs_are_speech_verbs():
    body = (
        'As the protester was led out, Mayor Lars Berg yelled, "Out, out, out!"\n\n'
        'Ana Silva groused to a crowd that the paper "never treats me fairly."\n\n'
        'Vera Lind sniped that the mayor was "learning on the job."'
    )
    assert found(body) == [
        ("Out, out, out!", "Lars Berg"),
        ("never treats me fairly.", "Ana Silva"),
        ("learning on the job.", "Vera Lind"),
    ]


def test_what_follows_went_on_to_is_said():
    body = (
        'Ana Silva spoke on Monday. She went on to call Berg "the worst mayor in the state."\n\n'
        'Lars Berg went on to say the plan is "very different from what the council voted for."'
    )
    assert found(body) == [
        ("the worst mayor in the state.", "Ana Silva"),
        ("very different from what the council voted for.", "Lars Berg"),
    ]


def test_a_bare_speech_word_after_an_article_and_an_adjective_is_a_noun_not_the_verb_of_a_subject():
    body = 'Ana Silva delivered a snappy retort: "No one is selling the harbour. We are going forward."'
    assert found(body) == [("No one is selling the harbour. We are going forward.", "Ana Silva")]


def test_a_name_and_its_appositive_before_a_past_verb_are_the_subject_of_the_clause_a_colon_ends():
    body = (
        'Senate Majority Leader Ana Silva, D-Md., delivered a blunt message to the board: "Get to work."\n\n'
        'Lars Berg, the harbour master, turned to the crowd: "Nobody here wants to sell."'
    )
    assert found(body) == [
        ("Get to work.", "Ana Silva"),
        ("Nobody here wants to sell.", "Lars Berg"),
    ]


def test_beamed_after_a_quote_names_who_speaks():
    assert found('"This is wonderful!" beamed Ana Silva of Dover.') == [("This is wonderful!", "Ana Silva")]


def test_a_conjunction_opening_the_sentence_is_not_part_of_the_name_before_an_appositive():
    body = 'But Tom Berg, the head of a harbour group that has sued the town, said that "the damage is done."'
    assert found(body) == [("the damage is done.", "Tom Berg")]


def test_a_party_bracket_after_a_name_before_a_participle_aside_is_read_past():
    body = 'Sen. Ana Silva (D-Md.), noting the size of the crowd, said, "Let me tell you, the harbour stays."'
    assert found(body) == [("Let me tell you, the harbour stays.", "Ana Silva")]


def test_a_phrase_after_a_preposition_before_the_verb_is_read_past_to_the_person_before_it():
    body = (
        'Ana Silva, who has in the past described Berg as "a reckless and dangerous man," spoke on Monday.\n\n'
        'Lars Berg on Sunday thanked the crew "for their work in the harbour."'
    )
    assert found(body) == [
        ("a reckless and dangerous man", "Ana Silva"),
        ("for their work in the harbour.", "Lars Berg"),
    ]


def test_an_opening_mark_printed_where_a_quote_closes_still_closes_it():
    body = "“It is unusual,“ said Lars Berg, a lawyer. “It is a hard thing to do.”"
    assert found(body) == [("It is unusual", "Lars Berg"), ("It is a hard thing to do.", "Lars Berg")]


def test_however_between_a_subject_and_its_verb_is_read_past():
    body = 'Lars Berg however said he would welcome a "principled harbour network" soon.'
    assert found(body) == [("principled harbour network", "Lars Berg")]


def test_a_comma_after_a_statement_put_out_introduces_its_words_like_a_colon():
    body = 'Right after the storm, Ana Silva issued a statement, "Last night, our harbour was flooded."'
    assert found(body) == [("Last night, our harbour was flooded.", "Ana Silva")]


def test_a_name_after_with_is_the_subject_of_the_participle_that_follows():
    body = (
        'A fight broke out, with Ana Silva reportedly yelling: "Get him out of here!"\n\n'
        'It was a sign of disarray, with Lars Berg noting the folly of sending "a boat here, a boat there."'
    )
    assert found(body) == [("Get him out of here!", "Ana Silva"), ("a boat here, a boat there.", "Lars Berg")]


def test_a_name_before_of_and_a_place_is_the_subject_not_the_place():
    body = (
        'Chancellor Ana Silva of Germany condemned "such a murderous attack" on Monday.\n\n'
        'Former Secretary of State Vera Lind urged calm, saying, "There is no place for anger."'
    )
    assert found(body) == [
        ("such a murderous attack", "Ana Silva"),
        ("There is no place for anger.", "Vera Lind"),
    ]


def test_a_verb_that_reports_words_only_before_a_comma_or_colon():
    body = (
        'During the debate, Ana Silva cracked, "I am a reformer who gets things done."\n\n'
        'In his old song, Lars Berg sings, "Do not go changing for anyone."'
    )
    assert found(body) == [
        ("I am a reformer who gets things done.", "Ana Silva"),
        ("Do not go changing for anyone.", "Lars Berg"),
    ]
    assert found('The police cracked down on "illegal harbour parties" this week.') == []


def test_an_aside_after_the_quote_before_an_inverted_attribution_is_read_past():
    body = (
        "The harbour board met on Monday, said Tomas Berg.\n\n"
        '"We are extremely happy" about the decision, said Vera Lind, head of the union.\n\n'
        '"The funds set the table for the voters," in sharp contrast to earlier years, says Lars Berg, a professor.'
    )
    assert found(body) == [
        ("We are extremely happy", "Vera Lind"),
        ("The funds set the table for the voters", "Lars Berg"),
    ]


def test_went_on_after_a_quote_names_who_speaks():
    body = 'Ana Silva spoke first. "You have to get over it," Lars Berg went on, as if he did not hear her.'
    assert found(body) == [("You have to get over it", "Lars Berg")]


def test_a_speech_verb_in_a_label_before_a_dash_does_not_name_who_speaks_after_it():
    body = 'Pollsters agree - Ana Silva: "One of the biggest lessons was a simple one."'
    assert found(body) == [("One of the biggest lessons was a simple one.", "Ana Silva")]


def test_a_lead_that_is_nothing_but_a_names_text_and_a_colon_names_its_author():
    body = (
        'Ana Silva spoke. From Silva\'s Facebook post: "For the sake of our town, we must move on."\n\n'
        'Lars Berg got the news. Berg’s response was: “Is the harbour open or closed?”\n\n'
        'The report was clear. The board\'s response was: "We will wait."'
    )
    assert found(body) == [
        ("For the sake of our town, we must move on.", "Ana Silva"),
        ("Is the harbour open or closed?", "Lars Berg"),
    ]
