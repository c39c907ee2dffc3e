"""Atom feeds of a speaker's and a topic's latest public quotes, for readers who follow them in a feed reader.

A quote's text goes into the entry's summary as HTML, so it is escaped first: a feed reader renders that
HTML, and imported text is never trusted. Titles are plain text, which the feed writer escapes as XML.
Control characters are dropped from every text: XML 1.0 cannot carry them, and the feed writer raises on one
(the import drops them too, but rows stored before it did may still hold some).
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from . import search
from .filters import QuoteFilter
from .ingest.read import without_controls
from .models import Quote, Speaker, Topic, on_topic
from .pagination import rows_at
from .slugs import SpeakerFormerSlug
from .views import current_address, public_quotes

FEED_SIZE = 50


class QuoteFeed(Feed):
    feed_type = Atom1Feed
    # Atom wants an author for every entry; a quote by nobody named has none of its own.
    author_name = "Quote archive"

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def item_title(self, quote: Quote) -> str:
        speaker = quote.speaker.name if quote.speaker else "Unknown speaker"
        return without_controls(f"{speaker}: “{Truncator(quote.text).chars(100)}”{status_note(quote)}")

    def item_description(self, quote: Quote) -> str:
        article = quote.article
        source = f"{article.display_title}, {article.outlet}" if article.outlet else article.display_title
        review = "Verified by an editor." if quote.status == Quote.Status.VERIFIED else "Not yet checked by an editor."
        return without_controls(
            f"<blockquote><p>{escape(quote.text)}</p></blockquote><p>In “{escape(source)}”. {review}</p>"
        )

    def item_categories(self, quote: Quote) -> list[str]:
        # The review status as an Atom category, for readers that filter on it.
        return [quote.status]

    def item_link(self, quote: Quote) -> str:
        return quote.get_absolute_url()

    def item_author_name(self, quote: Quote) -> str | None:
        return without_controls(quote.speaker.name) if quote.speaker else None

    def item_pubdate(self, quote: Quote):
        return quote.published_at

    def item_updateddate(self, quote: Quote):
        return quote.updated_at


def status_note(quote: Quote) -> str:
    return "" if quote.status == Quote.Status.VERIFIED else " (not yet checked)"


class SpeakerFeed(QuoteFeed):
    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            # A merged or renamed speaker's feed moves with them: feed readers follow a 301 and keep the new one.
            address = current_address(SpeakerFormerSlug, "speaker", kwargs["slug"])
            if address is None:
                raise
            return redirect(address + "feed/", permanent=True)

    def get_object(self, request, slug: str) -> Speaker:
        return get_object_or_404(Speaker, slug=slug)

    def title(self, speaker: Speaker) -> str:
        return without_controls(f"Quotes by {speaker.name}")

    def subtitle(self, speaker: Speaker) -> str:
        return without_controls(f"The latest {FEED_SIZE} quotes by {speaker.name} in the quote archive, newest first.")

    def items(self, speaker: Speaker):
        return rows_at(public_quotes().filter(speaker=speaker), 0, FEED_SIZE)


class TopicFeed(QuoteFeed):
    def get_object(self, request, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic: Topic) -> str:
        return without_controls(f"Quotes on {topic.name}")

    def subtitle(self, topic: Topic) -> str:
        return without_controls(f"The latest {FEED_SIZE} quotes on {topic.name} in the quote archive, newest first.")

    def items(self, topic: Topic):
        return rows_at(on_topic(public_quotes(), topic), 0, FEED_SIZE)


class FilteredQuoteFeed(QuoteFeed):
    """The quote list's filters (or a search's words, as ?text=) as a feed: an alert for new quotes that match."""

    def __call__(self, request, *args, **kwargs):
        self.filterset = QuoteFilter(request.GET, queryset=public_quotes())
        if not self.filterset.is_valid():
            return HttpResponseBadRequest("These filters are not valid.", content_type="text/plain")
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return request

    def link(self, request) -> str:
        query = request.GET.urlencode()
        return "/quotes/" + (f"?{query}" if query else "")

    def title(self, request) -> str:
        described = "; ".join(f"{name} {value}" for name, value in request.GET.items() if value)
        return f"Quotes: {described}" if described else "Latest quotes"

    def subtitle(self, request) -> str:
        return f"The latest {FEED_SIZE} quotes in the quote archive matching these filters, newest first."

    def items(self, request):
        words = self.filterset.only_words()
        if words:
            return search.search_quotes(words, public_quotes(), snippets=False)[:FEED_SIZE]
        return self.filterset.qs[:FEED_SIZE]
