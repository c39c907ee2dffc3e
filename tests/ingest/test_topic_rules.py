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
