"""The admin against a careless or hostile staff user and a password guesser: login throttling, a safe landing
page after login, list filters that validate their values, and only the lookups the admin offers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.urls import reverse

from archive.admin.login import ACCOUNT_LIMIT, ADDRESS_LIMIT
from tests.test_admin import CHANGELISTS, changelist

PASSWORD = "a-long-editor-password-1234"


@pytest.fixture(autouse=True)
def empty_cache(settings):
    # The throttle counts failures in a real cache (the suite's default is none, see conftest), emptied around each
    # test since it outlives a test in this process.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    # Dozens of logins: a fast hash keeps them quick (what is tested is the counting, not the hashing).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(client, password: str, username: str = "editor", address: str = "203.0.113.7", next_url: str = ""):
    url = reverse("admin:login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


# Login throttling


@pytest.mark.usefixtures("editor")
def test_wrong_passwords_past_the_limit_refuse_even_the_right_one_with_a_clear_message(client):
    for _ in range(ACCOUNT_LIMIT):
        response = log_in(client, "wrong")
        assert response.status_code == 200 and "Please enter the correct username" in response.text
    response = log_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed logins from your address" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("editor")
def test_another_address_may_still_log_in_to_the_throttled_account(client):
    for _ in range(ACCOUNT_LIMIT):
        log_in(client, "wrong")
    response = log_in(client, PASSWORD, address="198.51.100.9")
    assert response.status_code == 302 and response.url == reverse("admin:index")


@pytest.mark.usefixtures("editor")
def test_one_address_guessing_many_accounts_is_throttled_too(client):
    for n in range(ADDRESS_LIMIT):
        log_in(client, "wrong", username=f"user{n}")
    assert "Too many failed logins" in log_in(client, PASSWORD).text


@pytest.mark.usefixtures("editor")
def test_a_few_mistakes_then_the_right_password_logs_in(client):
    for _ in range(ACCOUNT_LIMIT - 1):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302


# After login


@pytest.mark.usefixtures("editor")
def test_a_login_whose_next_is_another_site_lands_on_the_admin_index(client):
    response = log_in(client, PASSWORD, next_url="https://evil.example/")
    assert response.status_code == 302 and response.url == reverse("admin:index")
    assert client.get(response.url).status_code == 200


@pytest.mark.usefixtures("editor")
def test_a_login_with_a_safe_next_goes_there(client):
    response = log_in(client, PASSWORD, next_url=changelist("quote"))
    assert response.url == changelist("quote")


# List filters and lookups


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("value", ["99999999999999999999999", "²", "-1", "0", "abc"])
@pytest.mark.parametrize("model", ["quote", "article"])
def test_a_topic_filter_value_it_does_not_offer_is_an_invalid_filter_not_a_server_error(
    editor_client, make_topic, model, value
):
    make_topic("Ports")
    response = editor_client.get(changelist(model), {"topic": value})
    assert response.status_code == 302 and response.url.endswith("?e=1")


@pytest.mark.parametrize(
    ("model", "query"),
    [
        ("quote", "text__regex=("),
        ("quote", "text__regex=(a%2B)%2B%24"),
        ("quote", "text__contains=x"),
        ("quote", "article__body__icontains=x"),
        ("article", "body__regex=(x%2B%2B"),
        ("article", "raw_text__startswith=a"),
        ("speaker", "name__regex=["),
        ("speakeralias", "key__iregex=("),
        ("topic", "keywords__regex=("),
    ],
)
def test_a_lookup_the_admin_does_not_offer_is_refused(editor_client, model, query):
    assert editor_client.get(f"{changelist(model)}?{query}").status_code == 400


@pytest.mark.parametrize(
    ("model", "query"),
    [
        ("quote", "status__exact=unreviewed"),
        ("quote", "anchored__exact=0"),
        ("quote", "kind__exact=direct&edited__exact=1&has_speaker=no&published=2023-05"),
        ("quote", "article__id__exact=1&status__exact=unreviewed"),
        ("quote", "speaker__id__exact=1"),
        ("article", "outlet__exact=Example&published=2023"),
        ("speaker", "q=Roe"),
    ],
)
def test_the_lookups_the_admin_offers_work(editor_client, model, query):
    assert editor_client.get(f"{changelist(model)}?{query}").status_code == 200


def test_every_filter_link_the_change_lists_show_is_accepted(editor_client, make_quote, make_topic):
    make_quote("Tagged words").topics.add(make_topic("Ports"))
    for model in CHANGELISTS:
        page = editor_client.get(changelist(model))
        for spec in page.context["cl"].filter_specs:
            for choice in spec.choices(page.context["cl"]):
                assert editor_client.get(changelist(model) + choice["query_string"]).status_code == 200, choice
