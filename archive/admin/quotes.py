"""Quotes in the admin: the review queue, bulk verify/reject, reassigning and tagging, edits kept anchored."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import F, Q
from django.utils.html import format_html
from django.utils.text import Truncator

from .. import curation, desk, history, search
from ..models import Article, Quote, Speaker
from .common import (
    ADMIN_CSS,
    LeanChangeList,
    OfferedLookupsOnly,
    PublishedFilter,
    TopicFilter,
    action_page,
    apostrophe_variants,
    in_context,
    log_changes,
    topics_action,
)
from .edit_history import changes_list, mark_reviewed, record_forms


class QuoteEditForm(forms.ModelForm):
    """Marks a quote edited when an editor adds one or changes what was said, by whom or how: re-imports then
    leave it alone (docs/architecture.md, loading). A status change alone is review, not an edit."""

    def save(self, commit=True):
        if self.instance._state.adding or curation.EDITED_FIELDS & set(self.changed_data):
            self.instance.edited = True
        return super().save(commit)


class QuoteTextField(forms.CharField):
    """A quote's text as the article has it: browsers send a textarea's line breaks as CRLF, bodies have LF."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class QuoteAdminForm(QuoteEditForm):
    """Keeps the quote's text anchored in its article: a changed text is looked up in the body and its offsets
    follow it, or the editor is told the article does not say that."""

    text = QuoteTextField(widget=forms.Textarea)

    def clean(self):
        cleaned = super().clean()
        quote, text = self.instance, cleaned.get("text")
        article = cleaned.get("article") if "article" in self.fields else quote.article
        if not text or article is None:
            return cleaned
        if quote.start is not None and article.pk == quote.article_id and article.body[quote.start : quote.end] == text:
            quote.anchored = True
            return cleaned
        found = curation.find_anchor(article.body, text, quote.start or 0)
        if found is None:
            self.add_error("text", "The article does not contain this text. A quote must be exactly as printed.")
            return cleaned
        # start and end are not form fields, so the form would not check this constraint itself.
        holder = Quote.objects.filter(article=article, start=found, end=found + len(text)).exclude(pk=quote.pk)
        if holder.exists():
            self.add_error("text", "Another quote of this article already holds exactly this text.")
            return cleaned
        quote.start, quote.end, quote.anchored = found, found + len(text), True
        return cleaned


class SpeakerForm(forms.Form):
    speaker = forms.ModelChoiceField(
        Speaker.objects.all(),
        widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin.site),
        help_text="Type to search speakers by name.",
    )


def obj_label(obj) -> str:
    return Truncator(str(obj)).chars(80)


class HasSpeakerFilter(admin.SimpleListFilter):
    title = "speaker named"
    parameter_name = "has_speaker"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No: nobody named")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(speaker__isnull=self.value() == "no")
        return queryset


@admin.register(Quote)
class QuoteAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    class Media:
        css = ADMIN_CSS

    # The links from the article and speaker lists to their quotes.
    extra_lookups = ("article__id__exact", "speaker__id__exact")

    form = QuoteAdminForm
    list_display = ["short_text", "speaker", "article_title", "kind", "status", "published_at"]
    list_filter = ["status", "kind", HasSpeakerFilter, PublishedFilter, "anchored", "edited", TopicFilter]
    # Only orders an index serves: sorting a million quotes by a joined name takes a second.
    sortable_by = ["published_at"]
    # The text through the full-text index (get_search_results); names and titles by substring.
    search_fields = ["text", "speaker__name", "article__title"]
    search_help_text = (
        "Each word must be in the quote's text (whole words, or word* for a beginning), the speaker's name "
        "or the article's title."
    )
    list_select_related = ["speaker", "article"]
    # A page of quotes needs the article's title, not its text.
    list_defer = ["article__body", "article__raw_text", "article__subtitle", "article__import_warnings"]
    autocomplete_fields = ["article", "speaker", "topics"]
    # The unfiltered total is a second COUNT of a large table on every filtered page.
    show_full_result_count = False
    actions = ["verify", "reject", "mark_unreviewed", "reassign_speaker", "tag_with_topics", "remove_topics"]
    readonly_fields = [
        "quote_in_context",
        "reviewed_by",
        "reviewed_at",
        "history",
        "attribution",
        "start",
        "end",
        "anchored",
        "edited",
        "published_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["quote_in_context", "text", "speaker", "kind", "status", "reject_reason", "topics"]}),
        ("Review", {"fields": [("reviewed_by", "reviewed_at"), "history"]}),
        (
            "Source",
            {
                "fields": [
                    "article",
                    "attribution",
                    ("start", "end"),
                    ("anchored", "edited"),
                    "published_at",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def get_urls(self):
        # The review desk lives under the quotes: /admin/archive/quote/desk/.
        return desk.urls(self.admin_site) + super().get_urls()

    def save_model(self, request, obj, form, change):
        mark_reviewed(request, form)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        verb = "edited" if change else "added"
        record_forms(request, [form], f"Quote {verb} on its page: {obj_label(form.instance)}")

    def get_readonly_fields(self, request, obj=None):
        # A quote belongs to the article it was found in; only a new quote chooses one.
        return [*self.readonly_fields, "article"] if obj else self.readonly_fields

    def get_search_results(self, request, queryset, search_term):
        # As Django's own search, each word anywhere: but a substring scan of every quote's text takes a second
        # for a million quotes, so the text is searched in the index, and names and titles through their tables.
        conditions = [
            Q.create(
                [Q(speaker__in=Speaker.objects.filter(name__icontains=w)) for w in apostrophe_variants(word)]
                + [Q(article__in=Article.objects.filter(title__icontains=w)) for w in apostrophe_variants(word)],
                connector=Q.OR,
            )
            | search.quote_match(query, include_rejected=True)
            for word, query in search.admin_words(search_term)
        ]
        return queryset.filter(*conditions), False

    def get_ordering(self, request):
        # The review queue works from the oldest unreviewed quote, along the (status, published_at) index.
        if request.GET.get("status__exact") == Quote.Status.UNREVIEWED:
            return [F("published_at").asc(nulls_last=True), "id"]
        return super().get_ordering(request)

    @admin.display(description="quote")
    def short_text(self, quote):
        return Truncator(quote.text).chars(90)

    @admin.display(description="article")
    def article_title(self, quote):
        return Truncator(str(quote.article)).chars(60)

    @admin.display(description="history")
    def history(self, quote):
        return changes_list(history.history_of(quote)[:50]) if quote.pk else "-"

    @admin.display(description="in its article")
    def quote_in_context(self, quote):
        if quote.pk is None:
            return "-"
        body = quote.article.body
        if body[quote.start : quote.end] != quote.text:
            return format_html(
                "<strong>The article no longer contains this text.</strong> Correct the text to what it says now, "
                "or reject the quote with the list's “Mark selected quotes as rejected” action. "
                "The article around its old place:{}",
                in_context(body, quote.start, quote.end, width=300),
            )
        return in_context(body, quote.start, quote.end, width=300)

    @admin.action(description="Mark selected quotes as verified", permissions=["change"])
    def verify(self, request, queryset):
        self.set_status(request, queryset, Quote.Status.VERIFIED)

    @admin.action(description="Mark selected quotes as rejected", permissions=["change"])
    def reject(self, request, queryset):
        self.set_status(request, queryset, Quote.Status.REJECTED)

    @admin.action(description="Mark selected quotes as unreviewed", permissions=["change"])
    def mark_unreviewed(self, request, queryset):
        self.set_status(request, queryset, Quote.Status.UNREVIEWED)

    def set_status(self, request, queryset, status):
        label = Quote.Status(status).label
        ids = curation.set_status(queryset, status, by=request.user)
        log_changes(request, Quote, ids, f"Status set to {label} (bulk action).")
        self.message_user(request, f"{len(ids)} quote(s) marked {label.lower()}.", messages.SUCCESS)

    @admin.action(description="Reassign selected quotes to a speaker…", permissions=["change"])
    def reassign_speaker(self, request, queryset):
        form = SpeakerForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            speaker = form.cleaned_data["speaker"]
            ids = curation.reassign_quotes(queryset, speaker, by=request.user)
            log_changes(request, Quote, ids, f"Speaker set to {speaker} (id {speaker.pk}) (bulk action).")
            self.message_user(request, f"{len(ids)} quote(s) reassigned to {speaker}.", messages.SUCCESS)
            return None
        return action_page(
            self,
            request,
            queryset,
            form,
            action="reassign_speaker",
            title="Reassign quotes to a speaker",
            intro="Attribute these quotes to the speaker you choose. They are marked edited, so a re-import "
            "keeps the attribution.",
            submit="Reassign",
        )

    @admin.action(description="Tag selected quotes with topics…", permissions=["change"])
    def tag_with_topics(self, request, queryset):
        return topics_action(self, request, queryset, remove=False)

    @admin.action(description="Remove topics from selected quotes…", permissions=["change"])
    def remove_topics(self, request, queryset):
        return topics_action(self, request, queryset, remove=True)
