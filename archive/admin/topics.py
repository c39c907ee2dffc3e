"""Topics in the admin: the taxonomy, its keyword rules, and applying those rules to the archive."""

from __future__ import annotations

from django.contrib import admin

from ..models import Article, Quote, Topic, count_of
from .common import OfferedLookupsOnly, rules_action
from .edit_history import record_forms


@admin.register(Topic)
class TopicAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    list_display = ["name", "parent", "article_count", "quote_count"]
    list_select_related = ["parent"]
    search_fields = ["name", "keywords"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description", "keywords"]
    actions = ["apply_keyword_rules"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=count_of(Article.topics.through, "topic"),
                quote_count=count_of(Quote.topics.through, "topic"),
            )
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        record_forms(request, [form], f"Topic {form.instance} {'edited' if change else 'added'}")

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, topic):
        return topic.article_count

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, topic):
        return topic.quote_count

    @admin.action(description="Apply keyword rules of selected topics to the whole archive…", permissions=["change"])
    def apply_keyword_rules(self, request, queryset):
        return rules_action(self, request, queryset, list(queryset), action="apply_keyword_rules")
