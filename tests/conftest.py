"""Shared builders for tests that need rows: small, explicit, no factories library."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, User

from archive.models import Article, Quote, Speaker, SpeakerAlias, Topic
from archive.slugs import unique_slug

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _no_cache(settings):
    """No cache in tests, so a page's queries are the same on every request: the footer's count of verified quotes
    (cached for minutes in production) is one query on every public page. tests/web/test_footer.py turns it on."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def editor(db):
    """A staff user in the Editors group, with the group's model permissions."""
    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def make_topic(db):
    def make(name: str = "", keywords: str = "", **fields) -> Topic:
        name = name or f"Topic {next(_counter)}"
        return Topic.objects.create(name=name, slug=unique_slug(Topic, name), keywords=keywords, **fields)

    return make


@pytest.fixture
def make_speaker(db):
    def make(name: str = "", description: str = "", aliases: tuple[str, ...] = ()) -> Speaker:
        name = name or f"Speaker Number{next(_counter)}"
        speaker = Speaker.objects.create(name=name, slug=unique_slug(Speaker, name), description=description)
        for alias in (name, *aliases):
            SpeakerAlias.objects.create(speaker=speaker, name=alias)
        return speaker

    return make


@pytest.fixture
def make_article(db):
    def make(body: str = "", title: str = "", published_at: datetime | None = None, **fields) -> Article:
        n = next(_counter)
        title = title or f"Article {n}"
        body = body or f"Body of article {n}. “A quote number {n},” said Somebody."
        fields.setdefault("source_file", f"article-{n}.txt")
        fields.setdefault("content_hash", f"{n:064x}")
        fields.setdefault("raw_text", body)
        if published_at is None:
            published_at = datetime(2023, 1, 1, tzinfo=UTC).replace(day=1 + n % 28)
        return Article.objects.create(
            title=title, body=body, slug=unique_slug(Article, title), published_at=published_at, **fields
        )

    return make


@pytest.fixture
def make_quote(db, make_article):
    def make(text: str = "", article: Article | None = None, speaker: Speaker | None = None, **fields) -> Quote:
        if article is None:
            text = text or f"Quoted words {next(_counter)}"
            article = make_article(body=f"Intro. “{text},” a person said. More.")
        text = text or article.body[:10]
        start = article.body.index(text)
        return Quote.objects.create(
            article=article, speaker=speaker, text=text, start=start, end=start + len(text), **fields
        )

    return make
