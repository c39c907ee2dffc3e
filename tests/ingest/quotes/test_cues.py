"""cues.py: the printed words after a quote that name who speaks."""

from archive.ingest import people
from archive.ingest.quotes import spans


def found(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in people.fold_speakers(spans.extract_quotes(body)).quotes]


def test_asked_before_a_name_after_a_quote_names_who_asks():
    body = (
        '"We will not change the rules this year," said Sen. Ola Fenwick of Dover.\n\n'
        '"Asking a delegate to get rid of themselves?" asked Sen. Karen Osei of Maine. '
        '"I would like to hear more from the voters first."'
    )
    assert [speaker for _, speaker in found(body)] == ["Ola Fenwick", "Karen Osei", "Karen Osei"]


def test_told_before_its_object_names_nobody():
    body = '"We will sign the deal on Monday morning," told reporters a day later.'
    assert [speaker for _, speaker in found(body)] == []


def test_an_inverted_subject_ends_before_a_clause_word():
    from archive.ingest import people
    from archive.ingest.quotes import spans

    body = 'Ana Silva spoke first.\n\n"We are at risk," said party member Ivo Lind when asked about Silva.'
    assert [q.speaker for q in people.fold_speakers(spans.extract_quotes(body)).quotes] == ["Ivo Lind"]


def test_a_name_before_of_the_institution_is_the_subject():
    body = (
        "Tax cuts were the theme of the week.\n\n"
        '"Big tax cuts do not work in an age of debt," Karl Osterberg of the Nordic Policy Institute wrote.\n\n'
        '"The rules are clear," an analyst at the Baltic Institute said.'
    )
    assert [speaker for _, speaker in found(body)] == ["Karl Osterberg"]


def test_a_name_before_an_institution_whose_name_runs_past_for_or_on_is_the_subject():
    body = (
        '"We are watching closely," press secretary Tom Baker said on Monday.\n\n'
        '"It is a stretch," Ivo Lind of the Council on Foreign Relations said.\n\n'
        '"It is not," Ola Fenwick of the Center for Northern Progress wrote.'
    )
    assert [speaker for _, speaker in found(body)] == ["Tom Baker", "Ivo Lind", "Ola Fenwick"]


def test_a_name_before_of_an_employer_in_a_town_is_the_subject_not_a_name_before_it():
    body = (
        "Ivo Lind spoke first.\n\n"
        "One pastor supporting Mr. Lind, Karl Osterberg of Grace Baptist Church in Dover, said he had made 150 calls. "
        '"Find your polling place," he tells them.'
    )
    assert [speaker for _, speaker in found(body)] == ["Karl Osterberg"]


def test_of_opening_the_sentence_is_no_home_town_before_the_speaker():
    body = (
        "The voters were unimpressed with the field.\n\n"
        'Of Carsten, Levander, who has given money to Ruby, said, "He is flat-out scary."\n\n'
        'Ana Berg, 59, of Ashton, Md., said, "It was cold."'
    )
    assert [speaker for _, speaker in found(body)] == ["Levander", "Ana Berg"]


def test_a_two_word_state_after_a_home_town_is_no_speaker():
    body = 'Ana Berg, a nurse from Ashton, New Carolina, said, "It was cold."'
    assert [speaker for _, speaker in found(body)] == ["Ana Berg"]


def test_a_person_after_a_leading_phrase_is_no_state():
    body = (
        "In an interview with Radio Vest, Tavo Brenk, former trade minister and head of the Centre for Peace, said,"
        ' "We are close."'
    )
    assert [speaker for _, speaker in found(body)] == ["Tavo Brenk"]


def test_a_possessive_after_the_verb_opens_the_speakers_noun_phrase():
    body = (
        '"If turnout is high, we will win," Ana Berg said.\n\n'
        '"We will chip away at the lead," added her campaign manager Jon Weller, speaking after the senator spoke.\n\n'
        '"It was his first attempt," said his best friend at Lehigh, Bruce Turry, who later moved away.'
    )
    assert [speaker for _, speaker in found(body)] == ["Ana Berg", "Jon Weller", "Bruce Turry"]


def test_a_role_runs_past_its_preposition_into_the_name():
    body = (
        '"Thanks for welcoming them," said master of ceremonies Asab Tabchi, a Syrian engineer.\n\n'
        '"We are done," said director of communications Jana Pekka.\n\n'
        '"We are not done," said the head of the union.'
    )
    assert [speaker for _, speaker in found(body)] == ["Asab Tabchi", "Jana Pekka"]


def test_a_party_word_alone_is_a_role_not_a_name():
    body = (
        "Senator Ivo Berg, a Dover Republican, spoke first.\n\n"
        'Speaker Lina Ostberg, the nation\'s highest-ranking Republican, on Tuesday called the remarks "racist."'
    )
    assert [speaker for _, speaker in found(body)] == ["Lina Ostberg"]


def test_a_quote_running_on_into_the_sentence_is_signed_by_the_inverted_subject_after_it():
    body = (
        "Vera Holm spoke first.\n\n"
        '"The strongest sign has been the patience of buyers," like the swings of the markets, said Ivo Berg, the '
        "chief economist at the bank.\n\n"
        '"For nurses, she is saying the right things" about pay, said Marla Kent, director of the union.'
    )
    assert [speaker for _, speaker in found(body)] == ["Ivo Berg", "Marla Kent"]


def test_a_name_after_a_possessive_role_after_the_verb_is_the_speaker():
    body = (
        "Vera Holm spoke first.\n\n"
        '"We treat the month as one long election day," said Holm\'s deputy campaign manager, Tom Weeks, who ran '
        "the field office."
    )
    assert [speaker for _, speaker in found(body)] == ["Tom Weeks"]


def test_two_names_before_who_are_a_group_not_the_second_name():
    body = (
        '"We raised more than ever," Ivo Lind said.\n\n'
        "Speaking to a radio show Monday, Lind refrained from attacking his rivals, particularly Govs. Tomas Berg "
        "and Ana Holm, who say the young senator lacks experience.\n\n"
        'He dismissed critics of his debate, saying it was his campaign\'s "greatest fundraising night."'
    )
    assert [speaker for _, speaker in found(body)] == ["Ivo Lind", "Ivo Lind"]


def test_the_subject_of_a_colon_clause_is_read_past_a_short_appositive():
    body = (
        "The vote was close.\n\n"
        'Sen. Ivo Lind, R-Ky., delivered a blunt message to Tomas Berg: "You cannot win this state without the '
        'farmers."\n\n'
        'As Ana Holm, a former secretary, put it: "Nobody reads the fine print."'
    )
    assert [speaker for _, speaker in found(body)] == ["Ivo Lind", "Ana Holm"]


def test_answering_verbs_and_particles_after_a_quote_name_who_speaks():
    body = (
        "Vera Holm asked about the rally.\n\n"
        '"They are all here for the free stuff," Bennett shot back with a laugh.\n\n'
        '"You know, it happens, right?" Lind went on, as if he did not hear her.\n\n'
        '"The city will always be the city," an angry Berg retaliated.\n\n'
        '"What sport is he talking about?" reacted Kask.'
    )
    assert [speaker for _, speaker in found(body)] == ["Bennett", "Lind", "Berg", "Kask"]


def test_a_titled_full_name_before_of_and_a_home_state_is_the_speaker():
    body = (
        "Beyond the capital, other party members were not satisfied. "
        '"Tomas Berg should retract his comments," former Gov. Ivo Lind of Maine said on Twitter.'
    )
    assert [speaker for _, speaker in found(body)] == ["Ivo Lind"]


def test_shot_back_before_a_quote_governs_it_over_a_speech_verb_before():
    body = (
        "After former Dover Mayor Ana Holm criticized Tomas Berg during a debate, Vera Kask shot back, "
        '"I suppose I could have stayed home and baked."'
    )
    assert [speaker for _, speaker in found(body)] == ["Vera Kask"]


def test_a_capitalised_will_inside_a_sentence_is_the_surname_printed_after_a_given_name():
    body = (
        "Columnist George Will renewed his feud with the governor this week.\n\n"
        "Will praised the speech in Orlando, Florida, which Will claims affirmed "
        "\u201cthe belief in the nation.\u201d\n"
    )
    assert found(body) == [("the belief in the nation.", "George Will")]


def test_the_auxiliary_will_is_still_read_past():
    body = 'Ana Silva spoke in Dover.\n\n"We are ready," Silva will say on Monday, aides said.\n'
    assert [speaker for _, speaker in found(body)][:1] == ["Ana Silva"]


def test_an_organisation_after_a_role_and_of_is_not_the_subject_of_the_verb():
    body = (
        "The march has support. Rita Kovach, executive director of National Nurses United, a union that backs the "
        "senator, also said her group would march.\n\n"
        '"We will be a force inside," she said.\n'
    )
    assert found(body) == [("We will be a force inside", "Rita Kovach")]


def test_a_name_after_a_segment_ending_in_a_newspaper_is_the_paper_not_the_speaker():
    body = (
        "Ana Silva, the editor in chief of the city's oldest newspaper, Corriere Verde, said every mayor was "
        '"both a builder and a fighter."\n'
    )
    assert found(body) == [("both a builder and a fighter.", "Ana Silva")]


def test_a_plural_speech_word_opening_a_clause_before_a_modal_is_a_noun():
    body = (
        "Silva said Monday at a town hall in Akron, Ohio, that states can pass such laws because "
        "\u201cparents should decide.\u201d\n"
    )
    assert found(body) == [("parents should decide.", "Silva")]


def test_a_speech_verb_before_a_modal_after_its_subject_is_still_a_verb():
    body = 'The plan, which Silva says could pass by May, would "change everything," Silva said.\n'
    assert found(body) == [("change everything", "Silva")]


def test_a_speech_verb_inside_an_aside_closed_by_a_dash_governs_no_quote_after_it():
    body = (
        "If the harbour board did move the money — as many auditors believe, but Corvania strongly denies — "
        "\u201cwhy would anyone trust it again?\u201d asked Silva, a council member.\n"
    )
    assert found(body) == [("why would anyone trust it again?", "Silva")]


def test_a_speech_verb_before_a_dash_still_governs_its_quote():
    body = "Ana Silva spoke last.\n\nSilva said — \u201cwe will win this.\u201d\n"
    assert found(body) == [("we will win this.", "Ana Silva")]


def test_a_role_before_a_verb_in_the_past_is_the_subject_not_the_role_and_its_verb():
    body = (
        "Sen. Ivo Lind lost the primary in Dover on Tuesday.\n\n"
        'The Harbour senator emailed supporters saying: "The struggle goes on."'
    )
    assert [speaker for _, speaker in found(body)] == ["Ivo Lind"]
