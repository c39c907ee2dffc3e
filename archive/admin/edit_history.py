"""The forms of a saved change page in; the history batch of what they changed out, and an object's recorded
changes in, the table its change page shows out."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from .. import history
from ..history import Batch, Change
from ..models import Quote

# The fields whose edits on a change page (or an inline row) go to history, per model.
TRACKED_FIELDS = {
    "quote": ("text", "speaker", "kind", "status", "reject_reason", "topics"),
    "article": ("title", "subtitle", "outlet", "section", "author", "published_at", "url", "topics"),
    "speaker": ("name", "description", "wikidata_id"),
    "topic": ("name", "parent", "keywords"),
}


def _plain(form, name: str, value):
    """A form value as history stores it: objects as {"id", "name"}, several as a list, the rest as text."""
    if value is None or value == "":
        return None
    if hasattr(value, "_meta"):
        return history.ref(value)
    if isinstance(value, (list, tuple)) or hasattr(value, "model"):
        return [history.ref(v) if hasattr(v, "_meta") else v for v in value] or None
    field = form.fields.get(name)
    queryset = getattr(field, "queryset", None)
    if queryset is not None and isinstance(value, int):  # an initial foreign key is its id
        return history.ref(queryset.model._default_manager.filter(pk=value).first())
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def form_changes(form) -> list[Change]:
    """What a saved model form changed, value by value (its initial data still holds the old values)."""
    obj = form.instance
    model = obj._meta.model_name
    changes = []
    for name in form.changed_data:
        if name not in TRACKED_FIELDS.get(model, ()):
            continue
        old, new = _plain(form, name, form.initial.get(name)), _plain(form, name, form.cleaned_data.get(name))
        if old != new:
            changes.append(
                Change(model=model, object_id=obj.pk, object_repr=str(obj)[:300], field=name, old=old, new=new)
            )
    return changes


def record_forms(request, forms, summary: str) -> None:
    """One history batch for the edits of a change page: the object's form and its inline rows."""
    changes = [change for form in forms for change in form_changes(form)]
    if changes:
        fields = {c.field for c in changes}
        action = Batch.Action.REVIEW if fields <= {"status", "reject_reason"} else Batch.Action.EDIT
        history.record(request.user, action, summary, changes)


def mark_reviewed(request, form) -> None:
    """A status set on a change page or an inline row records its reviewer, as the desk does."""
    quote = form.instance
    if isinstance(quote, Quote) and "status" in form.changed_data:
        reviewed = quote.status != Quote.Status.UNREVIEWED
        quote.reviewed_at = timezone.now() if reviewed else None
        quote.reviewed_by = request.user if reviewed else None


def changes_list(changes):
    """An object's history on its change page: when, who, which action, the field, old and new."""
    rows = [
        (
            reverse("admin:archive_batch_change", args=[c.batch_id]),
            timezone.localtime(c.batch.at).strftime("%Y-%m-%d %H:%M"),
            c.batch.user or "—",
            c.batch.get_action_display(),
            c.field,
            history.show(c.old),
            history.show(c.new),
        )
        for c in changes
    ]
    if not rows:
        return "No changes recorded."
    return format_html(
        '<table class="history-changes"><tbody>{}</tbody></table>',
        format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>→ {}</td></tr>',
            rows,
        ),
    )
