"""Keyword rules that would match everything ("*") are refused in the admin and never applied by the matcher."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from archive.ingest.topics import TopicMatcher, keyword_problem
from archive.models import Topic

TEXT = "The minister said the talks went well and trade would grow."


@pytest.mark.parametrize("keyword", ["*", "**", " * ", "-", "…*", "a*", "th*", "(*)"])
def test_a_rule_that_matches_everything_is_refused_and_never_applied(keyword):
    assert keyword_problem(keyword)
    assert TopicMatcher({"everything": [keyword]}).match(TEXT) == []
    assert TopicMatcher({"everything": [keyword, "trade"]}).match(TEXT) == ["everything"]


@pytest.mark.parametrize("keyword", ["trade", "UAV*", "negotiat*", "Iron Dome", "EU", "5G"])
def test_specific_rules_are_accepted(keyword):
    assert keyword_problem(keyword) is None


@pytest.mark.parametrize(
    ("keyword", "text", "matches"),
    [
        ("trade", "TRADE grew", True),
        ("Iron Dome", "an iron\u00a0dome", True),
        ("ilham", "İlham Aliyev", True),  # a case of the first letter that only IGNORECASE equates
        ("Ölkə", "ölkə", True),
        ("5G", "new 5g masts", True),
        ("(UN)", "the (un) talks", True),
        ("negotiat*", "Negotiations went on", True),
        ("trade", "tradesmen", False),
        ("trade", "free-trade", True),
        ("EU", "the EUR fell", False),
        ("EU", "meu", False),
    ],
)
def test_a_keyword_matches_whole_words_in_any_case_whatever_its_first_character(keyword, text, matches):
    # The first characters guard each rule's pattern; the matches must be the ones the plain rule gives.
    assert TopicMatcher({"topic": [keyword, "unrelated words"]}).match(text) == (["topic"] if matches else [])


@pytest.mark.django_db
def test_the_admin_refuses_a_topic_whose_rule_matches_everything(client):
    editor = User.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    data = {"name": "Everything", "slug": "everything", "description": "", "keywords": "trade\n*"}
    response = client.post(reverse("admin:archive_topic_add"), data)
    assert response.status_code == 200
    assert "has no letters or digits: it would match every text" in response.text
    assert not Topic.objects.filter(slug="everything").exists()
    response = client.post(reverse("admin:archive_topic_add"), data | {"keywords": "trade\ntariff*"})
    assert response.status_code == 302 and Topic.objects.filter(slug="everything").exists()
