"""The article's review page, and the bugs editors saw: doubled quotation marks, apostrophes in search, articles
without a date or an outlet."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from archive.models import Quote


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_an_articles_page_shows_its_quotes_first_and_the_body_collapsed_below(editor_client, make_quote):
    quote = make_quote()
    page = editor_client.get(reverse("admin:archive_article_change", args=[quote.article_id])).text
    assert page.index('id="quotes-group"') < page.index('class="article-body"')
    assert "<details data-fieldset-collapsed" in page or "collapse" in page.split('class="article-body"')[0][-800:]
    assert f"{reverse('admin:archive_quote_desk')}?article={quote.article_id}&amp;status=" in page
    listing = editor_client.get(reverse("admin:archive_article_changelist")).text
    assert f"?article={quote.article_id}&amp;status=" in listing


def test_the_saved_message_shows_a_quote_in_one_pair_of_quotation_marks(editor_client, make_article):
    article = make_article(body="He said: “In the same way, we will build,” and left.")
    text = "“In the same way, we will build,”"
    start = article.body.index(text)
    quote = Quote.objects.create(article=article, text=text, start=start, end=start + len(text))
    data = {"text": text, "speaker": "", "kind": "direct", "status": "verified"}
    response = editor_client.post(reverse("admin:archive_quote_change", args=[quote.pk]), data, follow=True)
    message = re.sub(r"<[^>]+>", "", [str(m) for m in response.context["messages"]][0])
    assert message == "The quote “In the same way, we will build,” was changed successfully."
    assert "““" not in message and "””" not in message


@pytest.mark.parametrize("typed", ["O'Brien", "O’Brien"])
def test_admin_search_folds_apostrophes_in_names_and_titles(
    editor_client, make_speaker, make_quote, make_article, typed
):
    speaker = make_speaker("Pat O’Brien")
    quote = make_quote(speaker=speaker)
    article = make_article(title="O'Brien speaks")
    quotes = editor_client.get(reverse("admin:archive_quote_changelist"), {"q": typed}).context["cl"].result_list
    assert list(quotes) == [quote]
    speakers = editor_client.get(reverse("admin:archive_speaker_changelist"), {"q": typed}).context["cl"].result_list
    assert list(speakers) == [speaker]
    articles = editor_client.get(reverse("admin:archive_article_changelist"), {"q": typed}).context["cl"].result_list
    assert list(articles) == [article]


@pytest.mark.usefixtures("make_quote")
def test_articles_and_quotes_without_a_date_have_a_filter_choice(editor_client, make_article):
    dated = make_article(published_at=datetime(2023, 5, 2, tzinfo=UTC))
    undated = make_article()
    undated.published_at = None
    undated.save()
    url = reverse("admin:archive_article_changelist")
    page = editor_client.get(url)
    assert "?published=unknown" in page.text
    assert list(editor_client.get(url, {"published": "unknown"}).context["cl"].result_list) == [undated]
    assert dated.pk


def test_articles_without_an_outlet_or_a_date_are_one_filter_away(editor_client, make_article):
    complete = make_article(outlet="Daily Planet", published_at=datetime(2023, 5, 2, tzinfo=UTC))
    no_outlet = make_article(published_at=datetime(2023, 5, 3, tzinfo=UTC))
    no_date = make_article(outlet="Daily Planet")
    no_date.published_at = None
    no_date.save()
    url = reverse("admin:archive_article_changelist")

    def listed(value):
        return {a.pk for a in editor_client.get(url, {"missing": value}).context["cl"].result_list}

    assert listed("outlet") == {no_outlet.pk}
    assert listed("date") == {no_date.pk}
    assert listed("any") == {no_outlet.pk, no_date.pk}
    assert complete.pk not in listed("any")
