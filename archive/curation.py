"""Editors' curation as plain functions: quote statuses, reassigning, tagging, merging speakers, keyword rules.

Admin actions are thin wrappers around these. Each change runs in one transaction and only ever adds what an
editor asked for, so curation wins over a re-import (DESIGN.md section 3): a merged speaker's names live on as
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

from . import history
from .history import Batch, Change, ref
from .ingest.topics import TopicMatcher
from .models import Article, Quote, Speaker, SpeakerAlias, Topic, name_key, unique_slug

# Changing any of these is an editor's edit: a re-import then leaves the quote alone.
EDITED_FIELDS = frozenset({"text", "speaker", "kind"})

_CHUNK = 500


def set_status(quotes: QuerySet[Quote], status: str, by=None, reason: str = "") -> list[int]:
    """Give quotes a review status (a rejection with its reason); returns the ids of those that changed.

    A status alone is not an edit. Verifying or rejecting records when and by whom; each change goes to history.
    """
    if status not in Quote.Status.values:
        raise ValueError(f"Unknown quote status {status!r}")
    reason = reason.strip()[:200] if status == Quote.Status.REJECTED else ""
    reviewed = status != Quote.Status.UNREVIEWED
    now = timezone.now()
    with transaction.atomic():
        before = list(
            quotes.exclude(status=status, reject_reason=reason)
            .order_by("pk")
            .values_list("pk", "status", "reject_reason", "text")
        )
        ids = [pk for pk, *_ in before]
        _update(
            Quote,
            ids,
            status=status,
            reject_reason=reason,
            reviewed_at=now if reviewed else None,
            reviewed_by=by if reviewed and by and by.pk else None,
            updated_at=now,
        )
        changes = []
        for pk, old, old_reason, text in before:
            if old != status:
                changes.append(_change(Quote, pk, text, "status", old, status))
            if old_reason != reason:
                changes.append(_change(Quote, pk, text, "reject_reason", old_reason, reason))
        if changes:
            label = Quote.Status(status).label.lower()
            history.record(by, Batch.Action.REVIEW, f"{len(ids)} quote(s) marked {label}", changes)
    return ids


def reassign_quotes(quotes: QuerySet[Quote], speaker: Speaker | None, by=None) -> list[int]:
    """Attribute quotes to another speaker (None: to nobody); returns the ids changed, all now marked edited."""
    others = quotes.filter(speaker__isnull=False) if speaker is None else quotes.exclude(speaker=speaker)
    with transaction.atomic():
        before = list(others.select_related("speaker").order_by("pk"))
        ids = [q.pk for q in before]
        _update(Quote, ids, speaker=speaker, edited=True, updated_at=timezone.now())
        if ids:
            changes = [_change(Quote, q.pk, q.text, "speaker", ref(q.speaker), ref(speaker)) for q in before]
            history.record(
                by, Batch.Action.SPEAKER, f"{len(ids)} quote(s) attributed to {speaker or 'nobody'}", changes
            )
    return ids


def create_speaker(name: str, by=None, description: str = "") -> Speaker:
    """A new speaker with its name as its first alias (an editor's correction of an attribution)."""
    name = " ".join(name.split())[:200]
    with transaction.atomic():
        speaker = Speaker.objects.create(name=name, slug=unique_slug(Speaker, name), description=description)
        SpeakerAlias.objects.get_or_create(name=name, defaults={"speaker": speaker})
        history.record(
            by,
            Batch.Action.EDIT,
            f"Speaker {name} created",
            [_change(Speaker, speaker.pk, name, "created", None, name)],
        )
    return speaker


def speaker_named(name: str) -> Speaker | None:
    """The one speaker printed under this name (case, accents and dots folded), or None when none or several are."""
    found = list(Speaker.objects.filter(aliases__key=name_key(name)).distinct()[:2])
    if not found:
        found = list(Speaker.objects.filter(name__iexact=name.strip())[:2])
    return found[0] if len(found) == 1 else None


def edit_text(quote: Quote, text: str, by=None) -> str:
    """Change what a quote says to another span of its article; returns "" or why the text cannot be used."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    body = quote.article.body
    if not text:
        return "A quote needs its text."
    if body[quote.start : quote.end] == text:
        return ""
    found = find_anchor(body, text, quote.start)
    if found is None:
        return "The article does not contain this text. A quote must be exactly as printed."
    if Quote.objects.filter(article=quote.article_id, start=found, end=found + len(text)).exclude(pk=quote.pk).exists():
        return "Another quote of this article already holds exactly this text."
    old = quote.text
    with transaction.atomic():
        quote.text, quote.start, quote.end, quote.anchored, quote.edited = text, found, found + len(text), True, True
        quote.save(update_fields=["text", "start", "end", "anchored", "edited", "updated_at"])
        history.record(by, Batch.Action.EDIT, "Quote text edited", [_change(Quote, quote.pk, old, "text", old, text)])
    return ""


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
    reprs = dict(model._default_manager.filter(pk__in=list(links)).values_list("pk", _repr_field(model)))
    changes = [
        _change(model, pk, reprs.get(pk, pk), "topics", None if added else ref(t), ref(t) if added else None)
        for pk, topics in sorted(links.items())
        for t in topics
    ]
    names = ", ".join(sorted({t.name for topics in links.values() for t in topics}))
    verb = "tagged with" if added else "untagged from"
    return history.record(by, action, f"{len(links)} {model._meta.verbose_name}(s) {verb} {names}", changes)


def _repr_field(model) -> str:
    return {"quote": "text", "article": "title"}.get(model._meta.model_name, "name")


def _change(model, pk: int, text, field: str, old, new) -> Change:
    return Change(
        model=model._meta.model_name, object_id=pk, object_repr=str(text)[:300], field=field, old=old, new=new
    )


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
    batch: Batch | None = None


def merge_speakers(target: Speaker, others: Iterable[Speaker], by=None) -> MergeResult:
    """Fold others into target: their quotes and aliases move, their names become aliases, then they go.

    Nothing is lost: every spelling stays an alias (so a re-import finds target, never re-creating a merged
    speaker), and an empty description is filled from the first merged speaker that has one. All or nothing; the
    history batch of the merge lists every quote and alias that moved (the merge's record page).
    """
    others = [s for s in others if s.pk != target.pk]
    result = MergeResult(target=target, merged_names=[s.name for s in others])
    if not others:
        return result
    ids = [s.pk for s in others]
    by_id = {s.pk: s for s in others}
    with transaction.atomic():
        changes = []
        for pk, text, speaker_id in (
            Quote.objects.filter(speaker_id__in=ids).order_by("pk").values_list("pk", "text", "speaker_id")
        ):
            changes.append(_change(Quote, pk, text, "speaker", ref(by_id[speaker_id]), ref(target)))
        for pk, name, speaker_id in SpeakerAlias.objects.filter(speaker_id__in=ids).values_list(
            "pk", "name", "speaker_id"
        ):
            changes.append(_change(SpeakerAlias, pk, name, "speaker", ref(by_id[speaker_id]), ref(target)))
        # Quotes keep their review state: the person is the same, only the record of them is one now.
        result.quotes_moved = Quote.objects.filter(speaker_id__in=ids).update(speaker=target, updated_at=timezone.now())
        result.aliases_moved = SpeakerAlias.objects.filter(speaker_id__in=ids).update(speaker=target)
        # A name already an alias of someone (here or elsewhere) keeps its owner: that spelling is not lost.
        names = list(dict.fromkeys(s.name for s in [target, *others]))
        taken = set(SpeakerAlias.objects.filter(name__in=names).values_list("name", flat=True))
        for name in names:
            if name not in taken:
                alias = SpeakerAlias.objects.create(speaker=target, name=name)
                result.aliases_added.append(name)
                changes.append(_change(SpeakerAlias, alias.pk, name, "created", None, ref(target)))
        if not target.description:
            target.description = next((s.description for s in others if s.description), "")
            if target.description:
                changes.append(_change(Speaker, target.pk, target.name, "description", "", target.description))
        target.save(update_fields=["description", "updated_at"])
        for other in others:
            changes.append(_change(Speaker, other.pk, other.name, "merged into", ref(other), ref(target)))
        Speaker.objects.filter(pk__in=ids).delete()
        merged = ", ".join(result.merged_names)
        result.batch = history.record(
            by,
            Batch.Action.MERGE,
            f"Merged {merged} into {target.name}: "
            f"{result.quotes_moved} quote(s), {result.aliases_moved} alias(es) moved",
            changes,
        )
    return result


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
                reprs = dict(model.objects.filter(pk__in=list(links)).values_list("pk", _repr_field(model)))
                changes += [
                    _change(model, pk, reprs[pk], "topics", None, ref(t)) for pk, ts in links.items() for t in ts
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


def _update(model, ids: list[int], **values) -> None:
    for chunk in chunks(ids):
        model.objects.filter(pk__in=chunk).update(**values)


def chunks(items: Sequence[int], size: int = _CHUNK) -> Iterator[Sequence[int]]:
    """Slices of at most size ids: an IN list stays far below the database's limit on parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
