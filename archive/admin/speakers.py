"""Speakers and their aliases in the admin, with the merge of duplicates into one speaker."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from .. import curation
from ..models import Quote, Speaker, SpeakerAlias, count_of
from .common import OfferedLookupsOnly, action_page, log_changes

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


@admin.register(Speaker)
class SpeakerAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    list_display = ["name", "short_description", "quote_count", "alias_count"]
    search_fields = ["name", "aliases__name"]
    search_help_text = "Search names and every alias."
    show_full_result_count = False
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fields = ["name", "slug", "description", ("created_at", "updated_at")]
    inlines = [SpeakerAliasInline]
    actions = ["merge_speakers"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=count_of(Quote, "speaker"), alias_count=count_of(SpeakerAlias, "speaker"))
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
            result = curation.merge_speakers(target, others)
            merged = ", ".join(f"{s.name} (id {s.pk})" for s in others)
            log_changes(
                request,
                Speaker,
                [target.pk],
                f"Merged in {merged}: {result.quotes_moved} quote(s) and {result.aliases_moved} alias(es) moved.",
            )
            LogEntry.objects.log_actions(
                request.user.pk, others, DELETION, f"Merged into {target.name} (id {target.pk})."
            )
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
class SpeakerAliasAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    list_display = ["name", "speaker"]
    search_fields = ["name", "speaker__name"]
    list_select_related = ["speaker"]
    autocomplete_fields = ["speaker"]
    fields = ["name", "speaker"]
    show_full_result_count = False
