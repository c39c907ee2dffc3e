"""The activity page: every editor's actions, newest first, filtered by editor, action and date; each links to its
record page (what it changed, old and new values, links to the objects), and topic changes can be undone."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .. import tagging
from ..history import Batch, Change, show
from .common import ADMIN_CSS

# A record page shows this many changes; a rule that tagged ten thousand quotes is summed up, not listed.
SHOWN_CHANGES = 500


def object_link(model: str, object_id: int, text: str):
    try:
        url = reverse(f"admin:archive_{model}_change", args=[object_id])
    except Exception:  # a model without an admin page
        return text
    return format_html('<a href="{}">{}</a>', url, text)


@admin.register(Batch)
class ActivityAdmin(admin.ModelAdmin):
    class Media:
        css = ADMIN_CSS

    list_display = ["at", "user", "action", "summary", "first_object", "change_count", "undone"]
    list_display_links = ["at", "summary"]
    list_filter = ["user", "action", ("at", admin.DateFieldListFilter)]
    list_select_related = ["user", "undone_by"]
    search_fields = ["summary"]
    show_full_result_count = False
    date_hierarchy = None
    fields = ["at", "user", "action", "summary", "undone_by", "changes_table"]
    readonly_fields = fields
    actions = ["undo"]

    def get_queryset(self, request):
        first = Change.objects.filter(batch=OuterRef("pk")).order_by("id")
        return (
            super()
            .get_queryset(request)
            .annotate(
                change_count=Count("changes"),
                first_model=Subquery(first.values("model")[:1]),
                first_id=Subquery(first.values("object_id")[:1]),
                first_repr=Subquery(first.values("object_repr")[:1]),
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_undo_permission(self, request):
        return request.user.has_perm("archive.change_article") and request.user.has_perm("archive.change_quote")

    @admin.display(description="changes", ordering="change_count")
    def change_count(self, batch):
        return batch.change_count

    @admin.display(description="object")
    def first_object(self, batch):
        if not batch.first_model:
            return "-"
        more = batch.change_count - 1
        link = object_link(batch.first_model, batch.first_id, batch.first_repr[:60])
        return format_html("{}{}", link, f" and {more} more change(s)" if more else "")

    @admin.display(description="undone", boolean=True)
    def undone(self, batch):
        return bool(batch.undone_by_id)

    @admin.display(description="what changed")
    def changes_table(self, batch):
        changes = batch.changes.all()[:SHOWN_CHANGES]
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (c.model, object_link(c.model, c.object_id, c.object_repr[:120]), c.field, show(c.old), show(c.new))
                for c in changes
            ),
        )
        total = batch.change_count if hasattr(batch, "change_count") else batch.changes.count()
        note = f"The first {SHOWN_CHANGES} of {total} changes." if total > SHOWN_CHANGES else ""
        return format_html(
            '<table class="history-changes"><thead><tr><th>record</th><th>object</th><th>field</th><th>old</th>'
            "<th>new</th></tr></thead><tbody>{}</tbody></table>{}",
            rows,
            note,
        )

    @admin.action(description="Undo the selected topic changes (rule applications, tagging)", permissions=["undo"])
    def undo(self, request, queryset):
        done, refused = [], []
        for batch in queryset.order_by("-at", "-id"):
            try:
                tagging.undo(batch, by=request.user)
                done.append(batch)
            except ValueError as error:
                refused.append(f"{batch.summary}: {error}")
        if done:
            self.message_user(request, f"Undone: {'; '.join(b.summary for b in done)}.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)
