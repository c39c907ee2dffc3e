"""The activity page: every editor's actions, newest first, filtered by editor, action and date; each links to its
record page (what it changed, old and new values, links to the objects), and topic changes can be undone."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import Count, Min
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


class ActivityChangeList(ChangeList):
    """The page of actions, then two queries for that page alone: how many changes each made, and its first.

    Annotating the queryset instead would count every batch's changes (a GROUP BY over the whole history) before
    the page is cut, and again in the paginator's count.
    """

    def get_results(self, request):
        super().get_results(request)
        batches = {batch.pk: batch for batch in self.result_list}
        counts = Change.objects.filter(batch__in=list(batches)).values("batch").annotate(n=Count("*")).order_by()
        for row in counts:
            batches[row["batch"]].change_count = row["n"]
        firsts = Change.objects.filter(batch__in=list(batches)).values("batch").annotate(first=Min("id")).order_by()
        for change in Change.objects.filter(pk__in=[row["first"] for row in firsts]):
            batches[change.batch_id].first_change = change


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

    def get_changelist(self, request, **kwargs):
        return ActivityChangeList

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_undo_permission(self, request):
        return request.user.has_perm("archive.change_article") and request.user.has_perm("archive.change_quote")

    @admin.display(description="changes")
    def change_count(self, batch):
        return getattr(batch, "change_count", None)

    @admin.display(description="object")
    def first_object(self, batch):
        first = getattr(batch, "first_change", None)
        if first is None:
            return "-"
        more = batch.change_count - 1
        link = object_link(first.model, first.object_id, first.object_repr[:60])
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
        total = batch.changes.count()
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
