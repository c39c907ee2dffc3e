"""Who changed what: every editor's action is one Batch, each value it changed one Change with the old and new value.

A small audit trail written by the functions of ``curation`` rather than a signal-based library: bulk actions,
merges and keyword rules change rows with ``QuerySet.update()`` and ``bulk_create``, which send no model signals,
and undoing a rule application needs the batch it made. History is not part of the exported fixture.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone


class Batch(models.Model):
    """One editor action (a decision on the desk, a bulk action, a merge, a rule application): undone as one."""

    class Action(models.TextChoices):
        REVIEW = "review", "Review status"
        SPEAKER = "speaker", "Speaker changed"
        EDIT = "edit", "Edited"
        TAG = "tag", "Topics added"
        UNTAG = "untag", "Topics removed"
        MERGE = "merge", "Speakers merged"
        RULES = "rules", "Keyword rules applied"
        UNDO = "undo", "Undone"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="editor",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    summary = models.CharField(max_length=500)
    at = models.DateTimeField("date", default=timezone.now)
    # A batch whose changes another batch reverted: it can be undone only once.
    undone_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undoes", editable=False
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "editor action"
        verbose_name_plural = "activity"
        indexes = [models.Index(fields=["at", "id"], name="batch_at_idx")]

    def __str__(self) -> str:
        return self.summary


class Change(models.Model):
    """One value of one object, before and after. Related objects are stored as {"id": …, "name": …}."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="changes")
    model = models.CharField(max_length=40)
    object_id = models.PositiveIntegerField()
    object_repr = models.CharField(max_length=300)
    field = models.CharField(max_length=40)
    old = models.JSONField(null=True, blank=True)
    new = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["model", "object_id"], name="change_object_idx")]

    def __str__(self) -> str:
        return f"{self.object_repr}: {self.field} {show(self.old)} → {show(self.new)}"

    def admin_url(self) -> str:
        try:
            return reverse(f"admin:archive_{self.model}_change", args=[self.object_id])
        except NoReverseMatch:
            return ""


def ref(obj) -> dict | None:
    """A related object as history stores it: its id and its name at the time."""
    return None if obj is None else {"id": obj.pk, "name": str(obj)[:200]}


def show(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return f"{value.get('name', '')} (id {value.get('id')})"
    if isinstance(value, list):
        return ", ".join(show(v) for v in value) or "—"
    return str(value)


def short(obj) -> str:
    return str(obj)[:300]


def record(user, action: str, summary: str, changes: Iterable[Change]) -> Batch:
    """Write one batch and its changes (in bulk); the caller runs it inside its own transaction."""
    batch = Batch.objects.create(user=user if user and user.pk else None, action=action, summary=summary[:500])
    rows = []
    for change in changes:
        change.batch = batch
        rows.append(change)
    Change.objects.bulk_create(rows, batch_size=500)
    return batch


def history_of(obj) -> models.QuerySet[Change]:
    """The changes made to one object, newest first, with their batches (who, when, which action)."""
    return (
        Change.objects.filter(model=obj._meta.model_name, object_id=obj.pk)
        .select_related("batch__user")
        .order_by("-batch__at", "-id")
    )
