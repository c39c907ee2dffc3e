"""Public, read-only pages: articles, speakers, quotes, topics and search, for readers and people citing them,
and downloads of a filtered quote list.

Rejected quotes never leave the database: every quote shown comes through `Quote.objects.public()`.
Each page runs a fixed number of queries whatever its size (related rows are joined or prefetched), and
lists are ordered newest first on the indexed `published_at` of the row they list, paged by keyset
(pagination.py) so that the last page costs what the first does.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from . import downloads, facets, search, search_query, sharing
from .filters import QuoteFilter, SearchForm, SpeakerSearchForm
from .models import Article, Quote, Speaker, Topic, count_of, count_up_to, on_topic
from .pagination import COUNT_LIMIT, KeysetPaged, MoreThan, ResultsPaginator, rows_at
from .pagination import Paginator as KeysetPaginator
from .public_ids import assign_public_ids
from .slugs import ArticleFormerSlug, SpeakerFormerSlug
from .speakers import find_speakers

PUBLIC_STATUSES = (Quote.Status.UNREVIEWED, Quote.Status.VERIFIED)
# Columns no list shows, and the largest: lists leave them in the database.
HEAVY_ARTICLE_FIELDS = ("body", "raw_text", "import_warnings")

# The home page's "most quoted" counts the speakers of this many latest public quotes.
RECENT_QUOTES_WINDOW = 1000


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


def page_size() -> int:
    """Read per request, so that override_settings (tests, the benchmark's query counts) takes effect."""
    return settings.ARCHIVE_PAGE_SIZE


class ForgivingPagesMixin:
    """Lists paged by the archive's page size. A page number past the end shows the last page (an old link to a
    list that shrank), not a 404; "last" is the last page, as in Django's ListView."""

    def get_paginate_by(self, queryset):
        return page_size()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=self.get_allow_empty())
        number = self.request.GET.get(self.page_kwarg)
        if number == "last":
            number = paginator.num_pages or "last"  # None: a count known only to pass COUNT_LIMIT (ResultsPaginator)
        page = paginator.get_page(number)
        return paginator, page, page.object_list, page.has_other_pages()


# A word ending in a contraction ("We’ve", "They’re") is a sentence's subject the extraction took for a name:
# never a person to put on the front page.
CONTRACTION = re.compile(r"\w['’](?:ve|re|ll|d|m|s|t)\b", re.IGNORECASE)


def plausible_name(name: str) -> bool:
    return bool(name) and not CONTRACTION.search(name) and any(ch.isupper() for ch in name)


@require_safe
def home(request):
    # "Most quoted" over the latest quotes only: a count over the whole archive is a scan of every quote
    # (over a second at a million), while this window is read from the date index and is always fresh.
    recent = Quote.objects.public().exclude(speaker=None).newest_first().values("pk")[:RECENT_QUOTES_WINDOW]
    # Grouped by the quote's speaker id, each group named afterwards by primary key: joined before grouping,
    # PostgreSQL hashed every speaker of the archive for these 1,000 rows (as the facets did, facets.py).
    speaker = Speaker.objects.filter(pk=OuterRef("speaker")).order_by()
    ranked = (
        Quote.objects.filter(pk__in=recent)
        .order_by()
        .values("speaker")
        .annotate(quote_count=Count("pk"))
        .annotate(name=Subquery(speaker.values("name")[:1]), slug=Subquery(speaker.values("slug")[:1]))
        .values("name", "slug", "quote_count")
        .order_by("-quote_count", "name")[:20]
    )
    top_speakers = [row for row in ranked if plausible_name(row["name"])][:10]
    context = {
        "latest_articles": light_articles()[:8],
        "latest_quotes": rows_at(public_quotes(), 0, 5),
        "top_speakers": top_speakers,
        "recent_window": RECENT_QUOTES_WINDOW,
        "topics": Topic.objects.order_by("name")[:40],
    }
    return render(request, "archive/home.html", context)


class ArticleListView(KeysetPaged, ForgivingPagesMixin, ListView):
    queryset = light_articles().prefetch_related("topics")
    context_object_name = "articles"


class FormerSlugRedirectMixin:
    """An address the object had before a rename or a merge answers with a permanent redirect to the current one."""

    former_slugs: type = None
    former_field = ""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except Http404:
            target = current_address(self.former_slugs, self.former_field, kwargs["slug"])
            if target is None:
                raise
            return redirect(target + request.path_info.split(f"/{kwargs['slug']}/", 1)[1], permanent=True)


def current_address(former_slugs, field: str, slug: str) -> str | None:
    former = former_slugs.objects.select_related(field).filter(slug=slug).first()
    return getattr(former, field).get_absolute_url() if former else None


class ArticleDetailView(FormerSlugRedirectMixin, DetailView):
    queryset = Article.objects.prefetch_related("topics")
    context_object_name = "article"
    former_slugs, former_field = ArticleFormerSlug, "article"

    def get_context_data(self, **kwargs):
        quotes = list(self.object.quotes.public().select_related("speaker").order_by("start", "end"))
        # ?quote= names the quote a reader followed here: it is marked apart from the others.
        wanted = self.request.GET.get("quote")
        current = next((quote for quote in quotes if wanted and quote.public_id == wanted), None)
        page_url = self.request.build_absolute_uri(self.object.get_absolute_url())
        share = sharing.article_share(self.object, page_url)
        return super().get_context_data(quotes=quotes, current_quote=current, share=share, **kwargs)


class SpeakerListView(ForgivingPagesMixin, ListView):
    """Every speaker by name, or most quoted first; ?q= narrows to names and aliases matching the words."""

    context_object_name = "speakers"

    def get_queryset(self):
        self.form = SpeakerSearchForm(self.request.GET)
        words, order = self.form.values()
        speakers = Speaker.objects.all()
        if words:
            speakers = speakers.filter(pk__in=[s.pk for s in find_speakers(words, limit=200)])
        if order == "quotes":
            # A correlated count per speaker on the (speaker, date) index: a scan at a million quotes, which is
            # why names stay the default order.
            return speakers.annotate(quote_total=count_of(Quote, "speaker", status__in=PUBLIC_STATUSES)).order_by(
                "-quote_total", "name", "id"
            )
        return speakers.order_by("name", "id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
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


class SpeakerDetailView(FormerSlugRedirectMixin, KeysetPaged, SingleObjectMixin, ForgivingPagesMixin, ListView):
    """A speaker, their names and role, their topics, a timeline of their quotes, and a page of the quotes."""

    template_name = "archive/speaker_detail.html"
    former_slugs, former_field = SpeakerFormerSlug, "speaker"

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
        window = facets.speaker_window(speaker)
        timeline = facets.speaker_timeline(window)
        return super().get_context_data(
            speaker=speaker,
            other_names=other_names,
            speaker_topics=facets.speaker_topics(window),
            timeline=timeline,
            # Topics and timeline are counted over the newest WINDOW quotes; a full window means there are more.
            overview_window=facets.WINDOW if len(window) >= facets.WINDOW else None,
            **kwargs,
        )


@require_safe
def speaker_suggestions(request):
    """Names for the speaker box of the quote filter, as the reader types (static/archive/archive.js)."""
    speakers = find_speakers(request.GET.get("q", "")[:100], limit=10)
    return JsonResponse({"speakers": [{"name": s.name, "slug": s.slug, "also": s.matched} for s in speakers]})


class QuoteListView(KeysetPaged, ForgivingPagesMixin, FilterView):
    filterset_class = QuoteFilter
    paginator_class = ResultsPaginator  # for words alone (search results); other filters page by keyset
    queryset = public_quotes()
    template_name = "archive/quote_list.html"
    context_object_name = "quotes"

    def paginate_queryset(self, queryset, page_size):
        # Words alone are counted and paged in the search index: for a word in 78,000 of a million quotes, the
        # count takes 1.5 ms there against 42 through "id IN (matches)", the page 8 ms against 50. With other
        # filters too, the database plans the join.
        words = self.filterset.only_words()
        self.search_results = None
        if words:
            self.search_results = search.search_quotes(words, public_quotes(), snippets=False)
            return ForgivingPagesMixin.paginate_queryset(self, self.search_results, page_size)
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        export_query = query_string(self.request) if self.request.GET else ""
        limit = f"{downloads.EXPORT_LIMIT:,}"
        context = super().get_context_data(export_query=export_query, export_limit=limit, **kwargs)
        if not (self.filterset.is_bound and self.filterset.errors) and context["paginator"].count:
            results = getattr(self, "search_results", None)
            window = results.ids(facets.WINDOW) if results is not None else self.object_list
            context["facets"] = facets.quote_facets(window, self.request, context["paginator"].count)
        return context


def citation(quote: Quote, url: str) -> str:
    """One line to paste into a text: speaker, “quote”, article title, outlet, date, the original article's
    address when there is one, permalink."""
    article = quote.article
    parts = [quote.speaker.name if quote.speaker else "Unknown speaker", f"“{quote.text}”"]
    parts.append(f"in “{article.display_title}”")
    if article.outlet:
        parts.append(article.outlet)
    published = quote.published_at or article.published_at
    parts.append(format_date(timezone.localtime(published), "j F Y") if published else "date unknown")
    source = sharing.web_address(article.url)
    return ", ".join(parts) + (f", {source}" if source else "") + f". Quote archive: {url}"


@require_safe
def quote_detail(request, public_id: str):
    """A quote by its public id; a rejected one answers 410 Gone with a note and its article's link."""
    quote = get_object_or_404(
        Quote.objects.select_related("article", "speaker").prefetch_related("topics"), public_id=public_id
    )
    if quote.status == Quote.Status.REJECTED:
        return render(request, "archive/quote_withdrawn.html", {"quote": quote}, status=410)
    permalink = request.build_absolute_uri(quote.get_absolute_url())
    context = {
        "quote": quote,
        "permalink": permalink,
        "citation": citation(quote, permalink),
        "share": sharing.quote_share(
            quote, permalink, request.build_absolute_uri(reverse("quote_card", args=[public_id]))
        ),
        "embed": sharing.embed_html(quote, permalink),
    }
    return render(request, "archive/quote_detail.html", context)


@require_safe
def quote_by_row(request, pk: int):
    """Addresses by row number, from before public ids: a permanent redirect to the quote's public address."""
    fields = ("public_id", "start", "end", "article__content_hash")
    quote = get_object_or_404(Quote.objects.select_related("article").only(*fields), pk=pk)
    if not quote.public_id:
        # Loaded from a fixture older than public ids: it gets its id now, the one its article and span give.
        assign_public_ids([quote])
        Quote.objects.filter(pk=pk, public_id=None).update(public_id=quote.public_id)
    return redirect(reverse("quote_detail", args=[quote.public_id]), permanent=True)


class TopicListView(ListView):
    # Articles are counted in the link table alone, on its topic index, up to COUNT_LIMIT: counted to the end, a
    # broad topic's links were each read (48 ms for 13 topics at 10,000 articles on PostgreSQL, growing with the
    # archive). Public quotes are not counted here: that needs every tagged quote's status.
    paginate_by = 100
    context_object_name = "topics"

    def get_queryset(self):
        links = count_up_to(Article.topics.through, "topic", COUNT_LIMIT)
        return Topic.objects.select_related("parent").annotate(article_count=links)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for topic in context["topics"]:
            if topic.article_count > COUNT_LIMIT:
                topic.article_count = MoreThan(COUNT_LIMIT)
        return context


class TopicDetailView(DetailView):  # two lists, each paged with get_page: a page past the end is the last
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
    if search_query.parse(words):
        quotes = search.search_quotes(words, public_quotes(), order)
        articles = search.search_articles(words, light_articles(), order)
        page = ResultsPaginator(quotes if kind == "quotes" else articles, page_size()).get_page(request.GET.get("page"))
        links = {value: query_string(request, type=value) for value in ("quotes", "articles")}
        links |= {value: query_string(request, order=value) for value in search.ORDERS}
        context |= {"searched": True, "quotes": quotes, "articles": articles, "page": page, "links": links}
        context["alert_query"] = "?" + urlencode({"text": words})
        if kind == "quotes" and quotes.count():
            newest = quotes.newest_ids(facets.WINDOW)
            context["facets"] = facets.quote_facets(newest, request, quotes.count(), words=words)
    if words.strip():
        # People first: a surname typed in the search box reaches that person's page.
        context["people"] = find_speakers(words, limit=8)
    return render(request, "archive/search.html", context)


def query_string(request, **changes) -> str:
    """The current query string with some values changed, back on the first page."""
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query[name] = value
    return "?" + query.urlencode()


@require_safe
def export_quotes(request, fmt: str):
    """The quote list's filtered quotes, newest first, as CSV or JSON; at most downloads.EXPORT_LIMIT of them."""
    filterset = QuoteFilter(request.GET, queryset=public_quotes())
    if not filterset.is_valid():
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return HttpResponseBadRequest(f"These filters are not valid: {errors}", content_type="text/plain")
    return downloads.streamed(request, filterset.qs[: downloads.EXPORT_LIMIT], fmt)
