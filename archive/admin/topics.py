"""Topics in the admin: the taxonomy, its keyword rules, and applying those rules to the archive."""

from __future__ import annotations

from django.contrib import admin, messages

from .. import curation
from ..models import Article, Quote, Topic, count_of
from .common import OfferedLookupsOnly, log_changes


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

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, topic):
        return topic.article_count

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, topic):
        return topic.quote_count

    @admin.action(description="Apply keyword rules of selected topics to the whole archive", permissions=["change"])
    def apply_keyword_rules(self, request, queryset):
        topics = list(queryset)
        result = curation.apply_topic_rules(topics)
        for topic in topics:
            articles, quotes = result.articles.get(topic.pk, 0), result.quotes.get(topic.pk, 0)
            log_changes(request, Topic, [topic.pk], f"Keyword rules applied: {articles} article(s), {quotes} quote(s).")
        self.message_user(
            request,
            f"Added {result.articles_tagged} topic(s) to articles and {result.quotes_tagged} to quotes; "
            "no topic was removed.",
            messages.SUCCESS,
        )
