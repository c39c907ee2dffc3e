"""Model rules that every writer relies on."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from archive.loading import ArchiveLoader
from archive.models import Article, Quote

from .test_loading import parsed_article

pytestmark = pytest.mark.django_db

NEW_DATE = datetime(2024, 2, 3, 4, 5, tzinfo=UTC)


def test_quotes_follow_their_articles_date_when_the_article_is_saved(make_quote):
    quote = make_quote()
    article = Article.objects.get(pk=quote.article_id)
    article.published_at = NEW_DATE
    article.save()
    assert Quote.objects.get(pk=quote.pk).published_at == NEW_DATE


def test_a_new_quote_takes_its_articles_date(make_article, make_quote):
    article = make_article(published_at=NEW_DATE)
    quote = make_quote(article=article, text=article.body[:10])
    assert quote.published_at == NEW_DATE


def test_quotes_follow_their_articles_date_on_reimport():
    loader = ArchiveLoader()
    article = loader.load(parsed_article()).article
    loader.load(parsed_article(published_at=datetime(2025, 1, 1, 9, 0)))
    dates = set(Quote.objects.filter(article=article).values_list("published_at", flat=True))
    assert dates == {datetime(2025, 1, 1, 9, 0, tzinfo=UTC)}


def test_quotes_follow_their_articles_date_changed_in_the_admin(admin_client, make_quote):
    quote = make_quote()
    article = quote.article
    url = reverse("admin:archive_article_change", args=[article.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "published_at_0": "2024-02-03",
            "published_at_1": "04:05:00",
            "quotes-TOTAL_FORMS": "0",
            "quotes-INITIAL_FORMS": "0",
        }
    )
    admin_client.post(url, data)
    assert Article.objects.get(pk=article.pk).published_at == NEW_DATE
    assert Quote.objects.get(pk=quote.pk).published_at == NEW_DATE
