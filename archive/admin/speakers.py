"""Speakers and their aliases in the admin, with the merge of duplicates into one speaker."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from .. import curation, speaker_checks
from ..models import Quote, Speaker, SpeakerAlias, count_of
from .common import ADMIN_CSS, ApostropheSearchMixin, OfferedLookupsOnly, action_page, log_changes
from .edit_history import record_forms

MAX_MERGE = 50


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        Speaker.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Speaker to keep",
        help_text="The others are merged into it: their quotes and aliases move to it, their names become its "
        "aliases, and they are deleted.",
    )

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = speakers
        self.fields["keep"].label_from_instance = self.describe

    @staticmethod
    def describe(speaker):
        role = f", {Truncator(speaker.description).chars(60)}" if speaker.description else ""
        quotes, aliases = speaker.quote_count, speaker.alias_count
        return f"{speaker.name}{role} ({quotes} quote{pluralize(quotes)}, {aliases} alias{pluralize(aliases, 'es')})"


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    fields = ["name"]
    extra = 1


class SpeakerCheckFilter(admin.SimpleListFilter):
    title = "needs a look"
    parameter_name = "check"

    def lookups(self, request, model_admin):
        return [
            ("unreviewed", "Has unreviewed quotes"),
            ("duplicate", "Suspected duplicate"),
            ("junk", "Suspected junk name"),
            ("no_quotes", "No quotes"),
        ]

    def queryset(self, request, queryset):
        quotes = Quote.objects.filter(speaker=OuterRef("pk"))
        if self.value() == "unreviewed":
            return queryset.filter(Exists(quotes.filter(status=Quote.Status.UNREVIEWED)))
        if self.value() == "no_quotes":
            return queryset.filter(~Exists(quotes))
        if self.value() == "duplicate":
            return queryset.filter(pk__in=speaker_checks.duplicate_ids())
        if self.value() == "junk":
            return queryset.filter(pk__in=list(speaker_checks.junk_speakers()))
        return queryset


def merge(request, keep: Speaker, others: list[Speaker]):
    """Merge through curation, with the admin's own log entries beside the history batch; returns the result."""
    result = curation.merge_speakers(keep, others, by=request.user)
    merged = ", ".join(f"{s.name} (id {s.pk})" for s in others)
    log_changes(
        request,
        Speaker,
        [keep.pk],
        f"Merged in {merged}: {result.quotes_moved} quote(s) and {result.aliases_moved} alias(es) moved.",
    )
    LogEntry.objects.log_actions(request.user.pk, others, DELETION, f"Merged into {keep.name} (id {keep.pk}).")
    return result


@admin.register(Speaker)
class SpeakerAdmin(OfferedLookupsOnly, ApostropheSearchMixin, admin.ModelAdmin):
    class Media:
        css = ADMIN_CSS

    list_display = ["name", "short_description", "quote_count", "alias_count", "wikidata_id"]
    list_filter = [SpeakerCheckFilter]
    search_fields = ["name", "aliases__name"]
    search_help_text = "Search names and every alias."
    show_full_result_count = False
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "suspicions", "quotes_of_speaker"]
    fields = [
        "name",
        "slug",
        "description",
        "wikidata_id",
        "suspicions",
        ("created_at", "updated_at"),
        "quotes_of_speaker",
    ]
    inlines = [SpeakerAliasInline]
    actions = ["merge_speakers"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=count_of(Quote, "speaker"), alias_count=count_of(SpeakerAlias, "speaker"))
        )

    def get_urls(self):
        info = self.admin_site.admin_view
        return [
            path("duplicates/", info(self.duplicates_view), name="archive_speaker_duplicates"),
            path("duplicates/merge/", info(require_POST(self.merge_pair_view)), name="archive_speaker_merge_pair"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = {"duplicates_url": reverse("admin:archive_speaker_duplicates"), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        record_forms(request, [form], f"Speaker {form.instance} {'edited' if change else 'added'}")

    def duplicates_view(self, request):
        """Pairs that may be one person, each with a one-click merge in either direction."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        pairs = speaker_checks.duplicate_pairs()
        ids = {pk for pair in pairs for pk in (pair.first, pair.second)}
        speakers = self.get_queryset(request).in_bulk(ids)
        rows = [
            (speakers[p.first], speakers[p.second], p.reason)
            for p in pairs
            if p.first in speakers and p.second in speakers
        ]
        # The one with more quotes is offered as the one to keep.
        rows = [(a, b, why) if a.quote_count >= b.quote_count else (b, a, why) for a, b, why in rows]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Suggested duplicate speakers",
            "rows": rows,
            "can_merge": self.has_change_permission(request) and self.has_delete_permission(request),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/archive/speaker/duplicates.html", context)

    def merge_pair_view(self, request):
        if not (self.has_change_permission(request) and self.has_delete_permission(request)):
            raise PermissionDenied
        keep = get_object_or_404(
            Speaker, pk=request.POST.get("keep", "0") if request.POST.get("keep", "").isdigit() else 0
        )
        other_id = request.POST.get("other", "")
        other = get_object_or_404(Speaker, pk=int(other_id) if other_id.isdigit() else 0)
        if other.pk == keep.pk:
            messages.warning(request, "Choose two different speakers.")
            return redirect("admin:archive_speaker_duplicates")
        result = merge(request, keep, [other])
        record = reverse("admin:archive_batch_change", args=[result.batch.pk])
        messages.success(
            request,
            format_html(
                'Merged {} into {}: {} quote(s) and {} alias(es) moved. <a href="{}">What moved</a>.',
                other.name,
                keep.name,
                result.quotes_moved,
                result.aliases_moved,
                record,
            ),
        )
        return redirect("admin:archive_speaker_duplicates")

    @admin.display(description="needs a look")
    def suspicions(self, speaker):
        if speaker.pk is None:
            return "-"
        reason = speaker_checks.junk_reason(speaker.name)
        return f"The name looks like no person: {reason}." if reason else "Nothing suspicious in the name."

    @admin.display(description="quotes")
    def quotes_of_speaker(self, speaker):
        if speaker.pk is None:
            return "-"
        quotes = speaker.quotes.select_related("article").order_by("-published_at", "-id")[:50]
        desk = reverse("admin:archive_quote_desk")
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a> <span class="quiet">({}, {})</span></li>',
            (
                (
                    reverse("admin:archive_quote_change", args=[q.pk]),
                    Truncator(q.text).chars(120),
                    q.get_status_display(),
                    Truncator(q.article.display_title).chars(50),
                )
                for q in quotes
            ),
        )
        return format_html(
            '<p><a href="{}?speaker={}&amp;status=">Review this speaker\'s quotes on the desk</a> '
            "(the latest 50 below)</p><ul>{}</ul>",
            desk,
            speaker.pk,
            rows,
        )

    @admin.display(description="description")
    def short_description(self, speaker):
        return Truncator(speaker.description).chars(80)

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, speaker):
        url = reverse("admin:archive_quote_changelist")
        return format_html('<a href="{}?speaker__id__exact={}">{}</a>', url, speaker.pk, speaker.quote_count)

    @admin.display(description="aliases", ordering="alias_count")
    def alias_count(self, speaker):
        return speaker.alias_count

    @admin.action(description="Merge selected speakers into one…", permissions=["change", "delete"])
    def merge_speakers(self, request, queryset):
        count = queryset.count()
        if not 2 <= count <= MAX_MERGE:
            self.message_user(request, f"Select between 2 and {MAX_MERGE} speakers to merge.", messages.WARNING)
            return None
        speakers = queryset.prefetch_related("aliases")
        form = MergeForm(request.POST if "apply" in request.POST else None, speakers=speakers)
        if form.is_valid():
            target = form.cleaned_data["keep"]
            others = [s for s in speakers if s.pk != target.pk]
            merged = ", ".join(f"{s.name} (id {s.pk})" for s in others)
            result = merge(request, target, others)
            self.message_user(
                request,
                f"Merged {merged} into {target.name}: {result.quotes_moved} quote(s) and "
                f"{result.aliases_moved} alias(es) moved.",
                messages.SUCCESS,
            )
            return None
        return action_page(
            self,
            request,
            queryset,
            form,
            action="merge_speakers",
            title="Merge speakers",
            intro="These records are one person. Choose the one to keep; no quote and no spelling is lost.",
            submit="Merge",
            list_samples=False,
        )


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(OfferedLookupsOnly, ApostropheSearchMixin, admin.ModelAdmin):
    list_display = ["name", "speaker"]
    search_fields = ["name", "speaker__name"]
    list_select_related = ["speaker"]
    autocomplete_fields = ["speaker"]
    fields = ["name", "speaker"]
    show_full_result_count = False
