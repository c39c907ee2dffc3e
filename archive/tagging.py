"""Topics on articles and quotes: an editor's tagging and untagging, and the keyword rules, previewed before they
are applied; each application is one history batch that ``undo`` reverts.

Rules only ever add topics (an editor's removal is an explicit action), as the import's suggestions do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q, QuerySet

from . import history
from .curation import change_row, chunks, label_field
from .history import Batch, Change, ref
from .ingest.topics import TopicMatcher
from .models import Article, Quote, Topic

_CHUNK = 500


def tag(rows: QuerySet, topics: Iterable[Topic], by=None, action: str = Batch.Action.TAG) -> list[int]:
    """Add topics to articles or quotes (the topics they have stay); returns the ids of the rows that gained one."""
    model = rows.model
    column = f"{model._meta.model_name}_id"
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    tagged: dict[int, list[Topic]] = {}
    with transaction.atomic():
        for topic in topics:
            for pk in _add_links(model.topics.through, column, ids, topic.pk):
                tagged.setdefault(pk, []).append(topic)
        _record_links(by, action, model, tagged, added=True)
    return sorted(tagged)


def untag(rows: QuerySet, topics: Iterable[Topic], by=None) -> list[int]:
    """Remove topics from articles or quotes; returns the ids of the rows that lost one."""
    model = rows.model
    column = f"{model._meta.model_name}_id"
    through = model.topics.through
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    untagged: dict[int, list[Topic]] = {}
    with transaction.atomic():
        for topic in topics:
            for chunk in chunks(ids):
                links = through.objects.filter(topic_id=topic.pk, **{f"{column}__in": chunk})
                for pk in links.values_list(column, flat=True):
                    untagged.setdefault(pk, []).append(topic)
                links.delete()
        _record_links(by, Batch.Action.UNTAG, model, untagged, added=False)
    return sorted(untagged)


def tag_quotes(quotes: QuerySet[Quote], topics: Iterable[Topic], by=None) -> list[int]:
    return tag(quotes, topics, by)


def _record_links(by, action: str, model, links: dict[int, list[Topic]], *, added: bool):
    if not links:
        return None
    reprs = dict(model._default_manager.filter(pk__in=list(links)).values_list("pk", label_field(model)))
    changes = [
        change_row(model, pk, reprs.get(pk, pk), "topics", None if added else ref(t), ref(t) if added else None)
        for pk, topics in sorted(links.items())
        for t in topics
    ]
    names = ", ".join(sorted({t.name for topics in links.values() for t in topics}))
    verb = "tagged with" if added else "untagged from"
    return history.record(by, action, f"{len(links)} {model._meta.verbose_name}(s) {verb} {names}", changes)


@dataclass
class TopicRuleResult:
    # New links per topic primary key; the rules only add, so these are all the changes made.
    articles: dict[int, int] = field(default_factory=dict)
    quotes: dict[int, int] = field(default_factory=dict)
    # A preview's samples: (topic, row) pairs of links the rules would add.
    samples: list[tuple[Topic, Article | Quote]] = field(default_factory=list)
    batch: Batch | None = None

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
    by=None,
    preview: bool = False,
    samples: int = 10,
) -> TopicRuleResult:
    """Tag articles and quotes whose text matches the topics' keywords (whole words, any case); never untags.

    The same rules as the import's suggestions (``ingest.topics``). By default the whole archive is scanned; the
    database first narrows it to rows containing a keyword's longest word, the matcher then decides. With preview,
    nothing is written: the counts are what would be added, with a few samples to catch a keyword that matches too
    much ("Mars" in "Bruno Mars"). Applied, the new links are one history batch, undone together by ``undo``.
    """
    articles = Article.objects.all() if articles is None else articles
    quotes = Quote.objects.all() if quotes is None else quotes
    result = TopicRuleResult()
    rules = {topic.slug: topic.keyword_list() for topic in topics}
    matcher = TopicMatcher(rules)
    by_slug = {topic.slug: topic for topic in topics}
    keywords = [k for words in rules.values() for k in words]
    scans = [
        (Article, ("title", "subtitle", "body"), articles, result.articles),
        (Quote, ("text",), quotes, result.quotes),
    ]
    with transaction.atomic():
        added: dict[type, dict[int, list[Topic]]] = {Article: {}, Quote: {}}
        for model, fields, rows, counts in scans:
            through, column = model.topics.through, f"{model._meta.model_name}_id"
            matches: dict[str, list[int]] = {slug: [] for slug in by_slug}
            if matcher:
                candidates = rows.filter(_prefilter(keywords, fields)).order_by("pk").values_list("pk", *fields)
                for pk, *texts in candidates.iterator(chunk_size=_CHUNK):
                    for slug in matcher.match("\n".join(texts)):
                        matches[slug].append(pk)
            for slug, ids in matches.items():
                topic = by_slug[slug]
                new = (
                    _new_links(through, column, ids, topic.pk)
                    if preview
                    else _add_links(through, column, ids, topic.pk)
                )
                counts[topic.pk] = len(new)
                for pk in new:
                    added[model].setdefault(pk, []).append(topic)
        if preview:
            result.samples = _samples(added, samples)
        elif added[Article] or added[Quote]:
            names = ", ".join(t.name for t in topics)
            summary = (
                f"Keyword rules of {names}: {result.articles_tagged} article(s), {result.quotes_tagged} quote(s) tagged"
            )
            changes = []
            for model, links in added.items():
                reprs = dict(model.objects.filter(pk__in=list(links)).values_list("pk", label_field(model)))
                changes += [
                    change_row(model, pk, reprs[pk], "topics", None, ref(t)) for pk, ts in links.items() for t in ts
                ]
            result.batch = history.record(by, Batch.Action.RULES, summary, changes)
    return result


def _samples(added, limit: int) -> list[tuple[Topic, Article | Quote]]:
    picked = [(model, pk, t) for model, links in added.items() for pk, ts in links.items() for t in ts][:limit]
    rows = {model: model.objects.in_bulk([pk for m, pk, _ in picked if m is model]) for model in added}
    return [(t, rows[model][pk]) for model, pk, t in picked]


UNDOABLE = {Batch.Action.RULES, Batch.Action.TAG, Batch.Action.UNTAG}


def undo(batch: Batch, by=None) -> Batch:
    """Revert a batch of topic links (a rule application, a bulk tagging or untagging) as one new batch."""
    if batch.action not in UNDOABLE:
        raise ValueError("Only topic changes can be undone as a batch.")
    if batch.undone_by_id:
        raise ValueError("This action was already undone.")
    models_by_name = {"article": Article, "quote": Quote}
    with transaction.atomic():
        changes = []
        for change in batch.changes.filter(field="topics"):
            model = models_by_name.get(change.model)
            if model is None:
                continue
            through, column = model.topics.through, f"{change.model}_id"
            if change.new:  # a link was added: remove it
                through.objects.filter(topic_id=change.new["id"], **{column: change.object_id}).delete()
            elif change.old and Topic.objects.filter(pk=change.old["id"]).exists():  # a link was removed: restore it
                through.objects.get_or_create(topic_id=change.old["id"], **{column: change.object_id})
            else:
                continue
            changes.append(
                Change(
                    model=change.model,
                    object_id=change.object_id,
                    object_repr=change.object_repr,
                    field="topics",
                    old=change.new,
                    new=change.old,
                )
            )
        undone = history.record(by, Batch.Action.UNDO, f"Undone: {batch.summary}", changes)
        batch.undone_by = undone
        batch.save(update_fields=["undone_by"])
    return undone


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


def _new_links(through, column: str, ids: list[int], topic_id: int) -> list[int]:
    """The ids not yet linked to a topic (what _add_links would add), without writing."""
    new: list[int] = []
    for chunk in chunks(ids):
        have = set(through.objects.filter(topic_id=topic_id, **{f"{column}__in": chunk}).values_list(column, flat=True))
        new.extend(pk for pk in chunk if pk not in have)
    return new
