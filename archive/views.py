"""Public, read-only pages: articles, speakers, quotes, topics and search, for readers and people citing them,
and downloads of a filtered quote list.

Rejected quotes never leave the database: every quote shown comes through `Quote.objects.public()`.
Each page runs a fixed number of queries whatever its size (related rows are joined or prefetched), and
lists are ordered newest first on the indexed `published_at` of the row they list, paged by keyset
(pagination.py) so that the last page costs what the first does.
"""

from __future__ import annotations

import csv
import itertools
import json

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.list import MultipleObjectMixin
from django_filters.views import FilterView

from . import search
from .filters import QuoteFilter, SearchForm
from .models import Article, Quote, Speaker, Topic, count_of, on_topic
from .pagination import KeysetPaged, rows_at
from .pagination import Paginator as KeysetPaginator

# Columns no list shows, and the largest: lists leave them in the database.
HEAVY_ARTICLE_FIELDS = ("body", "raw_text", "import_warnings")

# The home page's "most quoted" counts the speakers of this many latest public quotes.
RECENT_QUOTES_WINDOW = 1000


def page_size() -> int:
    """Read per request, so that override_settings (tests, the benchmark's query counts) takes effect."""
    return settings.ARCHIVE_PAGE_SIZE


class PagedByArchiveSize:
    """List views paged by the archive's page size."""

    def get_paginate_by(self, queryset):
        return page_size()


def light_articles():
    return Article.objects.newest_first().defer(*HEAVY_ARTICLE_FIELDS)


def public_quotes():
    """Public quotes, newest first, each with its speaker and (light) article in the same query."""
    return (
        Quote.objects.public()
        .newest_first()
        .select_related("article", "speaker")
        .defer(*(f"article__{name}" for name in HEAVY_ARTICLE_FIELDS))
    )


@require_safe
def home(request):
    # "Most quoted" over the latest quotes only: a count over the whole archive is a scan of every quote
    # (over a second at a million), while this window is read from the date index and is always fresh.
    recent = Quote.objects.public().exclude(speaker=None).newest_first().values("pk")[:RECENT_QUOTES_WINDOW]
    top_speakers = (
        Quote.objects.filter(pk__in=recent)
        .order_by()
        .values(name=F("speaker__name"), slug=F("speaker__slug"))
        .annotate(quote_count=Count("pk"))
        .order_by("-quote_count", "name")[:10]
    )
    context = {
        "latest_articles": light_articles()[:8],
        "latest_quotes": rows_at(public_quotes(), 0, 5),
        "top_speakers": top_speakers,
        "recent_window": RECENT_QUOTES_WINDOW,
        "topics": Topic.objects.order_by("name")[:40],
    }
    return render(request, "archive/home.html", context)


class ArticleListView(PagedByArchiveSize, KeysetPaged, ListView):
    queryset = light_articles().prefetch_related("topics")
    context_object_name = "articles"


class ArticleDetailView(DetailView):
    queryset = Article.objects.prefetch_related("topics")
    context_object_name = "article"

    def get_context_data(self, **kwargs):
        quotes = self.object.quotes.public().select_related("speaker").order_by("start", "end")
        return super().get_context_data(quotes=list(quotes), **kwargs)


class SpeakerListView(PagedByArchiveSize, ListView):
    queryset = Speaker.objects.order_by("name", "id")
    context_object_name = "speakers"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Counted for the page only: annotating the list itself would group every quote of the archive
        # before the page is cut (and again for the paginator's count).
        speakers = context["speakers"]
        counts = dict(
            Quote.objects.public()
            .filter(speaker__in=[speaker.pk for speaker in speakers])
            .order_by()
            .values_list("speaker")
            .annotate(Count("pk"))
        )
        for speaker in speakers:
            speaker.quote_count = counts.get(speaker.pk, 0)
        return context


class SpeakerDetailView(PagedByArchiveSize, KeysetPaged, SingleObjectMixin, ListView):
    """A speaker, their names and role, and a page of their public quotes."""

    template_name = "archive/speaker_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Speaker.objects.prefetch_related("aliases"))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # Through the reverse manager, each quote's .speaker is self.object: no query per row.
        return (
            self.object.quotes.public()
            .newest_first()
            .select_related("article")
            .defer(*(f"article__{name}" for name in HEAVY_ARTICLE_FIELDS))
        )

    def get_context_data(self, **kwargs):
        speaker = self.object
        other_names = [alias.name for alias in speaker.aliases.all() if alias.name != speaker.name]
        return super().get_context_data(speaker=speaker, other_names=other_names, **kwargs)


class QuoteListView(PagedByArchiveSize, KeysetPaged, FilterView):
    filterset_class = QuoteFilter
    queryset = public_quotes()
    template_name = "archive/quote_list.html"
    context_object_name = "quotes"

    def paginate_queryset(self, queryset, page_size):
        # Words alone are counted and paged in the search index: for a word in 78,000 of a million quotes, the
        # count takes 1.5 ms there against 42 through "id IN (matches)", the page 8 ms against 50. With other
        # filters too, the database plans the join.
        words = self.filterset.only_words()
        if words:
            results = search.search_quotes(words, public_quotes(), snippets=False)
            return MultipleObjectMixin.paginate_queryset(self, results, page_size)
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        export_query = query_string(self.request) if self.request.GET else ""
        return super().get_context_data(export_query=export_query, export_limit=f"{EXPORT_LIMIT:,}", **kwargs)


def citation(quote: Quote, url: str) -> str:
    """One line to paste into a text: speaker, “quote”, article title, outlet, date, permalink."""
    article = quote.article
    parts = [quote.speaker.name if quote.speaker else "Unknown speaker", f"“{quote.text}”"]
    parts.append(f"in “{article.display_title}”")
    if article.outlet:
        parts.append(article.outlet)
    published = quote.published_at or article.published_at
    parts.append(format_date(timezone.localtime(published), "j F Y") if published else "date unknown")
    return ", ".join(parts) + f". {url}"


class QuoteDetailView(DetailView):
    queryset = Quote.objects.public().select_related("article", "speaker").prefetch_related("topics")
    context_object_name = "quote"

    def get_context_data(self, **kwargs):
        permalink = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(permalink=permalink, citation=citation(self.object, permalink), **kwargs)


class TopicListView(ListView):
    # Articles are counted in the link table alone, on its topic index. Public quotes are not counted
    # here: that needs every tagged quote's status, a scan of the archive for a broad topic.
    queryset = Topic.objects.select_related("parent").annotate(article_count=count_of(Article.topics.through, "topic"))
    paginate_by = 100
    context_object_name = "topics"


class TopicDetailView(DetailView):
    """A topic with two lists, each paged on its own: its quotes (?page=) and its articles (?articles_page=)."""

    queryset = Topic.objects.select_related("parent").prefetch_related("children")
    context_object_name = "topic"

    def get_context_data(self, **kwargs):
        topic, query = self.object, self.request.GET
        quotes = KeysetPaginator(on_topic(public_quotes(), topic), page_size()).get_page(query.get("page"))
        articles = KeysetPaginator(on_topic(light_articles(), topic), page_size()).get_page(query.get("articles_page"))
        return super().get_context_data(quotes_page=quotes, articles_page=articles, **kwargs)


@require_safe
def search_page(request):
    """Quotes or articles containing the reader's words, newest or best first, each with its matches marked."""
    form = SearchForm(request.GET)
    words, kind, order = form.values()
    context = {"form": form, "words": words, "kind": kind, "order": order}
    if search.parse(words):
        quotes = search.search_quotes(words, public_quotes(), order)
        articles = search.search_articles(words, light_articles(), order)
        page = Paginator(quotes if kind == "quotes" else articles, page_size()).get_page(request.GET.get("page"))
        links = {value: query_string(request, type=value) for value in ("quotes", "articles")}
        links |= {value: query_string(request, order=value) for value in search.ORDERS}
        context |= {"searched": True, "quotes": quotes, "articles": articles, "page": page, "links": links}
    return render(request, "archive/search.html", context)


def query_string(request, **changes) -> str:
    """The current query string with some values changed, back on the first page."""
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query[name] = value
    return "?" + query.urlencode()


# Downloads of a filtered quote list

EXPORT_LIMIT = 10_000
EXPORT_FIELDS = [
    "id", "permalink", "text", "speaker", "speaker_slug", "kind", "status", "published_at",
    "article_title", "outlet", "source_url", "topics",
]  # fmt: skip
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_rows(request, quotes):
    """One dict per quote, in EXPORT_FIELDS order; the queryset is read in chunks, never held whole."""
    base = request.build_absolute_uri("/")[:-1]
    for quote in quotes.prefetch_related("topics").iterator(chunk_size=1000):
        article, speaker = quote.article, quote.speaker
        yield {
            "id": quote.pk,
            "permalink": base + quote.get_absolute_url(),
            "text": quote.text,
            "speaker": speaker.name if speaker else "",
            "speaker_slug": speaker.slug if speaker else "",
            "kind": quote.kind,
            "status": quote.status,
            "published_at": quote.published_at.isoformat() if quote.published_at else None,
            "article_title": article.title,
            "outlet": article.outlet,
            "source_url": article.url,
            "topics": [topic.slug for topic in quote.topics.all()],
        }


def csv_cell(value):
    """A value as a CSV cell: text a spreadsheet would run as a formula gets a leading ' (numbers are ours)."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Echo:
    """A file-like object csv.writer writes into, giving each line back for streaming."""

    def write(self, value: str) -> str:
        return value


@require_safe
def export_quotes(request, fmt: str):
    """The quote list's filtered quotes, newest first, as CSV or JSON; at most EXPORT_LIMIT of them."""
    filterset = QuoteFilter(request.GET, queryset=public_quotes())
    if not filterset.is_valid():
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return HttpResponseBadRequest(f"These filters are not valid: {errors}", content_type="text/plain")
    quotes = filterset.qs[:EXPORT_LIMIT]
    if fmt == "csv":
        writer = csv.writer(Echo())
        lines = (
            writer.writerow([csv_cell(row[field]) for field in EXPORT_FIELDS]) for row in export_rows(request, quotes)
        )
        response = StreamingHttpResponse(
            itertools.chain([writer.writerow(EXPORT_FIELDS)], lines), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(json_lines(export_rows(request, quotes)), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="quotes.{fmt}"'
    return response


def json_lines(rows):
    """A JSON object {"limit": ..., "quotes": [...]} written a quote at a time."""
    yield f'{{"limit": {EXPORT_LIMIT}, "quotes": ['
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
