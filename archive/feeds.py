"""Atom feeds of a speaker's and a topic's latest public quotes, for readers who follow them in a feed reader.

A quote's text goes into the entry's summary as HTML, so it is escaped first: a feed reader renders that
HTML, and imported text is never trusted. Titles are plain text, which the feed writer escapes as XML.
Control characters are dropped from every text: XML 1.0 cannot carry them, and the feed writer raises on one
(the import drops them too, but rows stored before it did may still hold some).
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from .ingest.read import without_controls
from .models import Quote, Speaker, Topic
from .views import public_quotes

FEED_SIZE = 50


class QuoteFeed(Feed):
    feed_type = Atom1Feed
    # Atom wants an author for every entry; a quote by nobody named has none of its own.
    author_name = "Quote archive"

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def item_title(self, quote: Quote) -> str:
        speaker = quote.speaker.name if quote.speaker else "Unknown speaker"
        return without_controls(f"{speaker}: “{Truncator(quote.text).chars(100)}”")

    def item_description(self, quote: Quote) -> str:
        article = quote.article
        source = f"{article.display_title}, {article.outlet}" if article.outlet else article.display_title
        return without_controls(f"<blockquote><p>{escape(quote.text)}</p></blockquote><p>In “{escape(source)}”.</p>")

    def item_link(self, quote: Quote) -> str:
        return quote.get_absolute_url()

    def item_author_name(self, quote: Quote) -> str | None:
        return without_controls(quote.speaker.name) if quote.speaker else None

    def item_pubdate(self, quote: Quote):
        return quote.published_at

    def item_updateddate(self, quote: Quote):
        return quote.updated_at


class SpeakerFeed(QuoteFeed):
    def get_object(self, request, slug: str) -> Speaker:
        return get_object_or_404(Speaker, slug=slug)

    def title(self, speaker: Speaker) -> str:
        return without_controls(f"Quotes by {speaker.name}")

    def subtitle(self, speaker: Speaker) -> str:
        return without_controls(f"The latest {FEED_SIZE} quotes by {speaker.name} in the quote archive, newest first.")

    def items(self, speaker: Speaker):
        return public_quotes().filter(speaker=speaker)[:FEED_SIZE]


class TopicFeed(QuoteFeed):
    def get_object(self, request, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic: Topic) -> str:
        return without_controls(f"Quotes on {topic.name}")

    def subtitle(self, topic: Topic) -> str:
        return without_controls(f"The latest {FEED_SIZE} quotes on {topic.name} in the quote archive, newest first.")

    def items(self, topic: Topic):
        return public_quotes().filter(topics=topic)[:FEED_SIZE]
