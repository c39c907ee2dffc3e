"""Editors' curation as plain functions: quote statuses, reassigning, editing a span, merging speakers.

Admin actions and the review desk are thin wrappers around these (topics: ``tagging``). Each change runs in one
transaction, writes its history batch (``history``: who, when, old and new values), and only ever does what an
editor asked for, so curation wins over a re-import (docs/architecture.md): a merged speaker's names live on as
aliases of the speaker it was merged into.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from . import history
from .history import Batch, Change, ref
from .models import Quote, Speaker, SpeakerAlias, name_key
from .slugs import unique_slug

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
                changes.append(change_row(Quote, pk, text, "status", old, status))
            if old_reason != reason:
                changes.append(change_row(Quote, pk, text, "reject_reason", old_reason, reason))
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
            changes = [change_row(Quote, q.pk, q.text, "speaker", ref(q.speaker), ref(speaker)) for q in before]
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
            [change_row(Speaker, speaker.pk, name, "created", None, name)],
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
        history.record(
            by, Batch.Action.EDIT, "Quote text edited", [change_row(Quote, quote.pk, old, "text", old, text)]
        )
    return ""


def label_field(model) -> str:
    return {"quote": "text", "article": "title"}.get(model._meta.model_name, "name")


def change_row(model, pk: int, text, field: str, old, new) -> Change:
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
            changes.append(change_row(Quote, pk, text, "speaker", ref(by_id[speaker_id]), ref(target)))
        for pk, name, speaker_id in SpeakerAlias.objects.filter(speaker_id__in=ids).values_list(
            "pk", "name", "speaker_id"
        ):
            changes.append(change_row(SpeakerAlias, pk, name, "speaker", ref(by_id[speaker_id]), ref(target)))
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
                changes.append(change_row(SpeakerAlias, alias.pk, name, "created", None, ref(target)))
        if not target.description:
            target.description = next((s.description for s in others if s.description), "")
            if target.description:
                changes.append(change_row(Speaker, target.pk, target.name, "description", "", target.description))
        target.save(update_fields=["description", "updated_at"])
        for other in others:
            changes.append(change_row(Speaker, other.pk, other.name, "merged into", ref(other), ref(target)))
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


def _update(model, ids: list[int], **values) -> None:
    for chunk in chunks(ids):
        model.objects.filter(pk__in=chunk).update(**values)


def chunks(items: Sequence[int], size: int = _CHUNK) -> Iterator[Sequence[int]]:
    """Slices of at most size ids: an IN list stays far below the database's limit on parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
