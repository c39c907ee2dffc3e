"""Editors' curation as plain functions: quote statuses, reassigning, tagging, merging speakers, keyword rules.

Admin actions are thin wrappers around these. Each change runs in one transaction and only ever adds what an
editor asked for, so curation wins over a re-import (docs/architecture.md): a merged speaker's names live on as
aliases of the speaker it was merged into, and topic rules add topics but never remove one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .ingest.topics import TopicMatcher
from .models import Article, Quote, Speaker, SpeakerAlias, Topic

# Changing any of these is an editor's edit: a re-import then leaves the quote alone.
EDITED_FIELDS = frozenset({"text", "speaker", "kind"})

_CHUNK = 500


def set_status(quotes: QuerySet[Quote], status: str) -> list[int]:
    """Give quotes a review status; returns the ids of those that changed. A status alone is not an edit."""
    if status not in Quote.Status.values:
        raise ValueError(f"Unknown quote status {status!r}")
    with transaction.atomic():
        ids = list(quotes.exclude(status=status).values_list("pk", flat=True))
        _update(Quote, ids, status=status, updated_at=timezone.now())
    return ids


def reassign_quotes(quotes: QuerySet[Quote], speaker: Speaker | None) -> list[int]:
    """Attribute quotes to another speaker (None: to nobody); returns the ids changed, all now marked edited."""
    others = quotes.filter(speaker__isnull=False) if speaker is None else quotes.exclude(speaker=speaker)
    with transaction.atomic():
        ids = list(others.values_list("pk", flat=True))
        _update(Quote, ids, speaker=speaker, edited=True, updated_at=timezone.now())
    return ids


def tag_quotes(quotes: QuerySet[Quote], topics: Iterable[Topic]) -> list[int]:
    """Add topics to quotes (the topics they have stay); returns the ids of the quotes that gained one."""
    quote_ids = list(quotes.values_list("pk", flat=True))
    tagged: set[int] = set()
    with transaction.atomic():
        for topic in topics:
            tagged.update(_add_links(Quote.topics.through, "quote_id", quote_ids, topic.pk))
    return sorted(tagged)


def find_anchor(body: str, text: str, near: int = 0) -> int | None:
    """Start of the occurrence of text in body closest to near (where the quote was), or None."""
    best, pos = None, body.find(text) if text else -1
    while pos != -1:
        if best is None or abs(pos - near) < abs(best - near):
            best = pos
        pos = body.find(text, pos + 1)
    return best


@dataclass
class MergeResult:
    target: Speaker
    merged_names: list[str] = field(default_factory=list)
    quotes_moved: int = 0
    aliases_moved: int = 0
    aliases_added: list[str] = field(default_factory=list)


def merge_speakers(target: Speaker, others: Iterable[Speaker]) -> MergeResult:
    """Fold others into target: their quotes and aliases move, their names become aliases, then they go.

    Nothing is lost: every spelling stays an alias (so a re-import finds target, never re-creating a merged
    speaker), and an empty description is filled from the first merged speaker that has one. All or nothing.
    """
    others = [s for s in others if s.pk != target.pk]
    result = MergeResult(target=target, merged_names=[s.name for s in others])
    if not others:
        return result
    ids = [s.pk for s in others]
    with transaction.atomic():
        # Quotes keep their review state: the person is the same, only the record of them is one now.
        result.quotes_moved = Quote.objects.filter(speaker_id__in=ids).update(speaker=target, updated_at=timezone.now())
        result.aliases_moved = SpeakerAlias.objects.filter(speaker_id__in=ids).update(speaker=target)
        # A name already an alias of someone (here or elsewhere) keeps its owner: that spelling is not lost.
        names = list(dict.fromkeys(s.name for s in [target, *others]))
        taken = set(SpeakerAlias.objects.filter(name__in=names).values_list("name", flat=True))
        for name in names:
            if name not in taken:
                SpeakerAlias.objects.create(speaker=target, name=name)
                result.aliases_added.append(name)
        if not target.description:
            target.description = next((s.description for s in others if s.description), "")
        target.save(update_fields=["description", "updated_at"])
        Speaker.objects.filter(pk__in=ids).delete()
    return result


@dataclass
class TopicRuleResult:
    # New links per topic primary key; the rules only add, so these are all the changes made.
    articles: dict[int, int] = field(default_factory=dict)
    quotes: dict[int, int] = field(default_factory=dict)

    @property
    def articles_tagged(self) -> int:
        return sum(self.articles.values())

    @property
    def quotes_tagged(self) -> int:
        return sum(self.quotes.values())


def apply_topic_rules(
    topics: Sequence[Topic],
    articles: QuerySet[Article] | None = None,
    quotes: QuerySet[Quote] | None = None,
) -> TopicRuleResult:
    """Tag articles and quotes whose text matches the topics' keywords (whole words, any case); never untags.

    The same rules as the import's suggestions (``ingest.topics``). By default the whole archive is scanned; the
    database first narrows it to rows containing a keyword's longest word, the matcher then decides.
    """
    articles = Article.objects.all() if articles is None else articles
    quotes = Quote.objects.all() if quotes is None else quotes
    result = TopicRuleResult()
    rules = {topic.slug: topic.keyword_list() for topic in topics}
    matcher = TopicMatcher(rules)
    by_slug = {topic.slug: topic for topic in topics}
    keywords = [k for words in rules.values() for k in words]
    scans = [
        (Article.topics.through, "article_id", articles, ("title", "subtitle", "body"), result.articles),
        (Quote.topics.through, "quote_id", quotes, ("text",), result.quotes),
    ]
    with transaction.atomic():
        for through, column, rows, fields, counts in scans:
            matches: dict[str, list[int]] = {slug: [] for slug in by_slug}
            if matcher:
                candidates = rows.filter(_prefilter(keywords, fields)).order_by().values_list("pk", *fields)
                for pk, *texts in candidates.iterator(chunk_size=_CHUNK):
                    for slug in matcher.match("\n".join(texts)):
                        matches[slug].append(pk)
            for slug, ids in matches.items():
                topic = by_slug[slug]
                counts[topic.pk] = len(_add_links(through, column, ids, topic.pk))
    return result


def _prefilter(keywords: list[str], fields: Sequence[str]) -> Q:
    """Rows that contain, in any field, the longest word of some keyword: a superset of the matches."""
    conditions = []
    for keyword in keywords:
        words = keyword.rstrip("*").split()
        if not words:
            continue
        word = max(words, key=len)
        for name in fields:
            # SQLite's LIKE folds case for ASCII only; a regex (Python's, on SQLite) folds any letter.
            lookup = f"{name}__icontains" if word.isascii() else f"{name}__iregex"
            conditions.append(Q(**{lookup: word if word.isascii() else re.escape(word)}))
    return reduce(or_, conditions, Q(pk__in=[]))


def _add_links(through, column: str, ids: list[int], topic_id: int) -> list[int]:
    """Link ids to a topic through an M2M table, skipping links that exist; returns the ids newly linked."""
    added: list[int] = []
    for chunk in chunks(ids):
        have = set(through.objects.filter(topic_id=topic_id, **{f"{column}__in": chunk}).values_list(column, flat=True))
        new = [pk for pk in chunk if pk not in have]
        through.objects.bulk_create([through(**{column: pk, "topic_id": topic_id}) for pk in new])
        added.extend(new)
    return added


def _update(model, ids: list[int], **values) -> None:
    for chunk in chunks(ids):
        model.objects.filter(pk__in=chunk).update(**values)


def chunks(items: Sequence[int], size: int = _CHUNK) -> Iterator[Sequence[int]]:
    """Slices of at most size ids: an IN list stays far below the database's limit on parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
