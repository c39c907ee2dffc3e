"""Who "he" and "she" can mean: the gender the printed words give a person (title, role, given name)."""

from archive.ingest import people
from archive.ingest.person import Person
from archive.ingest.quotes import spans


def speakers_of(body: str) -> list[str | None]:
    return [q.speaker for q in people.fold_speakers(spans.extract_quotes(body)).quotes]


def test_a_gendered_word_inside_a_longer_description_says_nothing_about_the_person():
    person = Person(forms=["Lindqvist"], descriptions=["the owner of the Miss Harbour pageant"])
    assert person.gender() == ""
    assert Person(forms=["Lindqvist"], descriptions=["a mother of three"]).gender() == "she"


def test_he_reaches_a_man_described_by_a_pageant_he_owns():
    body = (
        'Karen Osei opened the show. "Welcome to all of you tonight," she said.\n\n'
        "Lindqvist, the owner of the Miss Harbour pageant, said in an interview that shows were dull. "
        '"You need some showbiz," he said.'
    )
    assert speakers_of(body) == ["Karen Osei", "Lindqvist"]


def test_the_given_name_outweighs_a_pronoun_resolved_earlier():
    person = Person(forms=["Peter Lindqvist"], pronoun="she")
    assert person.gender() == "he"


def test_a_womans_given_name_outweighs_an_office_in_man():
    assert Person(forms=["Grace Lindqvist"], offices=["spokesman"]).gender() == "she"
    assert Person(forms=["Grace Lindqvist"], titles=["Mr."], offices=["spokesman"]).gender() == "he"
    assert Person(forms=["Lindqvist"], offices=["spokesman"]).gender() == "he"


def test_she_reaches_a_woman_printed_as_a_spokesman():
    body = (
        "Ivo Berg thanked the volunteers. Harbour Party spokesman Grace Lindqvist confirmed that the group acted "
        'alone. "They are not part of our campaign," she said.'
    )
    assert speakers_of(body) == ["Grace Lindqvist"]
