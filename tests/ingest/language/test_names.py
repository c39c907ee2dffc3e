"""names.key: the one comparison key of a name, used within an article (people.py) and across the archive
(models.name_key, SpeakerAlias.key)."""

import pytest

from archive.ingest import pipeline
from archive.ingest.language import names
from archive.models import name_key

SAME = [
    pytest.param("Jean-Pierre Dupont", "Jean Pierre Dupont", id="hyphen"),
    pytest.param("Ilham Alıyev", "Ilham Aliyev", id="dotless-i"),
    pytest.param("José Martí", "jose marti", id="accents-and-case"),
    pytest.param("Conan O’Brien", "Conan O'Brien", id="apostrophe"),
    pytest.param("Conan O‘Brien", "Conan O`Brien", id="other-apostrophes"),
    pytest.param("J.R. Smith", "J R Smith", id="initials"),
    pytest.param("J. R.  Smith", "J R Smith", id="spacing"),
    pytest.param("Ilham Al\u0456yev", "Ilham Aliyev", id="cyrillic-look-alike"),
    pytest.param("\u0410nna Kovac", "Anna Kovac", id="cyrillic-capital-look-alike"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_spellings_of_one_name_share_a_key(one, other):
    assert names.key(one) == names.key(other)


def test_the_archive_folds_names_with_the_same_key_as_the_extraction():
    assert name_key is names.key


@pytest.mark.parametrize(("one", "other"), [("Ann Lee", "Anne Lee"), ("Mark Li", "Mark Lin"), ("Иван", "Ivan")])
def test_different_names_keep_different_keys(one, other):
    assert names.key(one) != names.key(other)


@pytest.mark.parametrize(
    ("one", "other"), [("Jean-Pierre Dupont", "Jean Pierre Dupont"), ("Ilham Alıyev", "Ilham Aliyev")]
)
def test_two_spellings_in_one_article_are_one_speaker(one, other):
    body = (
        f"“We will build the bridge next year,” {one} said on Monday.\n\n"
        f"“The money is there,” {other} added, speaking to reporters."
    )
    parsed = pipeline.parse_document(f"Bridge plans\n\n{body}\n".encode(), "bridge.txt")
    assert len(parsed.speakers) == 1
    assert {q.speaker for q in parsed.quotes} == {parsed.speakers[0].name}
