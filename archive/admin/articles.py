"""Articles in the admin: metadata, the body with its quotes marked, and the quotes inline for quick review."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from .. import search
from ..models import Article, Quote, Topic, count_of
from .common import (
    ADMIN_CSS,
    LeanChangeList,
    OfferedLookupsOnly,
    PublishedFilter,
    TopicFilter,
    apostrophe_variants,
    highlighted_body,
    in_context,
    rules_action,
    topics_action,
)
from .edit_history import mark_reviewed, record_forms
from .quotes import QuoteEditForm


class QuoteInlineFormSet(BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Django sets only article_id on each row; the row's context then reads the article again per quote.
        form.instance.article = self.instance
        return form


class QuoteInline(admin.TabularInline):
    model = Quote
    form = QuoteEditForm
    formset = QuoteInlineFormSet
    fields = ["quote_in_context", "speaker", "kind", "status"]
    readonly_fields = ["quote_in_context"]
    autocomplete_fields = ["speaker"]
    show_change_link = True
    extra = 0
    ordering = ["start"]

    def has_add_permission(self, request, obj=None):
        # A new quote is anchored to its text on its own page (Quotes > Add), not typed into a row here.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    @admin.display(description="quote in context")
    def quote_in_context(self, quote):
        return in_context(quote.article.body, quote.start, quote.end, width=80)


class MissingMetadataFilter(admin.SimpleListFilter):
    """Articles whose source gave no outlet or no date: an editor fills them in from the page."""

    title = "missing metadata"
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [("outlet", "No outlet"), ("date", "No date"), ("any", "No outlet or no date")]

    def queryset(self, request, queryset):
        conditions = {"outlet": Q(outlet=""), "date": Q(published_at__isnull=True)}
        conditions["any"] = conditions["outlet"] | conditions["date"]
        return queryset.filter(conditions[self.value()]) if self.value() in conditions else queryset


@admin.register(Article)
class ArticleAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    class Media:
        css = ADMIN_CSS

    list_display = ["display_title", "outlet", "published_at", "quote_count", "unreviewed_count", "review_link"]
    list_filter = [PublishedFilter, MissingMetadataFilter, "outlet", TopicFilter]
    # Sorting by a count computes it for every article (0.6 s for 100,000); the list shows counts, sorts by these.
    sortable_by = ["display_title", "outlet", "published_at"]
    # The body only through the full-text index (get_search_results): a substring scan of every article's
    # text is too slow for a large archive.
    search_fields = ["title", "outlet", "source_file", "url"]
    search_help_text = (
        "Each word must be in the title, outlet, source file name or URL, or be a whole word of the text "
        "(word* for a beginning)."
    )
    list_defer = ["body", "raw_text", "subtitle", "import_warnings"]
    show_full_result_count = False
    autocomplete_fields = ["topics"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [QuoteInline]
    actions = ["apply_topic_rules", "tag_with_topics", "remove_topics"]
    # The body is read-only: the quotes' offsets point into it. A changed source is re-imported instead.
    readonly_fields = [
        "body_with_quotes",
        "source_file",
        "content_hash",
        "import_warnings",
        "raw_text",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "subtitle",
                    "slug",
                    "outlet",
                    "section",
                    "author",
                    "published_at",
                    "published_utc_offset",
                    "url",
                ]
            },
        ),
        ("Topics", {"fields": ["topics"]}),
        # Collapsed: the quotes above are the review; the body is there to read around them.
        ("Text", {"classes": ["collapse"], "fields": ["body_with_quotes"]}),
        (
            "Provenance",
            {
                "classes": ["collapse"],
                "fields": ["source_file", "content_hash", "import_warnings", "raw_text", ("created_at", "updated_at")],
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_count=count_of(Quote, "article"),
                unreviewed_count=count_of(Quote, "article", status=Quote.Status.UNREVIEWED),
            )
        )

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def get_search_results(self, request, queryset, search_term):
        # Django's own search of the fields, with the index as one more place each word may be found.
        conditions = [
            Q.create(
                [(f"{field}__icontains", w) for field in self.search_fields for w in apostrophe_variants(word)],
                connector=Q.OR,
            )
            | search.article_match(query)
            for word, query in search.admin_words(search_term)
        ]
        return queryset.filter(*conditions), False

    def save_formset(self, request, form, formset, change):
        for row in formset.forms:
            if row.has_changed():
                mark_reviewed(request, row)
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rows = [row for formset in formsets for row in formset.forms if row.instance.pk and row.has_changed()]
        record_forms(request, [form, *rows], f"Article edited on its page: {form.instance}")

    @admin.display(description="title", ordering="title")
    def display_title(self, article):
        return article.display_title

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, article):
        url = reverse("admin:archive_quote_changelist")
        return format_html('<a href="{}?article__id__exact={}">{}</a>', url, article.pk, article.quote_count)

    @admin.display(description="unreviewed", ordering="unreviewed_count")
    def unreviewed_count(self, article):
        if not article.unreviewed_count:
            return 0
        url = reverse("admin:archive_quote_changelist")
        return format_html(
            '<a href="{}?article__id__exact={}&amp;status__exact=unreviewed">{}</a>',
            url,
            article.pk,
            article.unreviewed_count,
        )

    @admin.display(description="review")
    def review_link(self, article):
        url = reverse("admin:archive_quote_desk")
        return format_html('<a href="{}?article={}&amp;status=">on the desk</a>', url, article.pk)

    @admin.display(description="body, quotes marked")
    def body_with_quotes(self, article):
        if article.pk is None:
            return "-"
        return highlighted_body(article.body, article.quotes.values_list("start", "end"))

    @admin.action(description="Apply topic keyword rules to selected articles…", permissions=["change"])
    def apply_topic_rules(self, request, queryset):
        selected = queryset.order_by().values("pk")
        return rules_action(
            self,
            request,
            queryset,
            list(Topic.objects.exclude(keywords="")),
            articles=Article.objects.filter(pk__in=selected),
            quotes=Quote.objects.filter(article__in=selected),
            action="apply_topic_rules",
        )

    @admin.action(description="Tag selected articles with topics…", permissions=["change"])
    def tag_with_topics(self, request, queryset):
        return topics_action(self, request, queryset, remove=False)

    @admin.action(description="Remove topics from selected articles…", permissions=["change"])
    def remove_topics(self, request, queryset):
        return topics_action(self, request, queryset, remove=True)
