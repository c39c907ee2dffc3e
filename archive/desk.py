"""The review desk: unreviewed quotes one after another, each in its paragraph, decided without a page load.

Three admin views (staff only, mounted by ``QuoteAdmin.get_urls``): the desk itself, a page of filtered quotes; the
decision a row's forms post (JSON for the desk's script, a redirect back for a plain form); and the speaker search
the script's autocomplete asks. The decisions themselves are ``curation`` functions, so each one goes to history.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import curation
from .models import Article, Quote, Speaker, SpeakerAlias, Topic, count_of

PAGE_SIZE = 25
# A paragraph longer than this is cut around the quote: the desk shows what judging it needs.
CONTEXT_CHARS = 600
REJECT_REASONS = ["Not a quote", "Wrong span", "Wrong speaker", "Duplicate", "Paraphrase, not speech"]
SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n")


def paragraph_in_context(body: str, start: int, end: int, attribution: str = ""):
    """The paragraph around a quote: its sentence, the quote and the words that name the speaker marked.

    Every piece of imported text is escaped; the marks are spans whose classes say what each piece is, so marks
    that overlap or nest (a quote longer than its sentence, an attribution inside it) still render correctly.
    """
    p_start = max(body.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    p_end = body.find("\n", end)
    p_end = min(len(body) if p_end == -1 else p_end, end + CONTEXT_CHARS)
    s_start = max(
        [body.rfind(mark, p_start, start) + 2 for mark in SENTENCE_ENDS if body.rfind(mark, p_start, start) != -1]
        or [p_start]
    )
    ends = [body.find(mark, end, p_end) + 1 for mark in SENTENCE_ENDS if body.find(mark, end, p_end) != -1]
    s_end = min(ends or [p_end])
    a_start = a_end = -1
    if attribution:
        # The printed attribution nearest the quote, outside it.
        candidates, pos = [], body.find(attribution, p_start, p_end)
        while pos != -1:
            if pos + len(attribution) <= start or pos >= end:
                candidates.append(pos)
            pos = body.find(attribution, pos + 1, p_end)
        if candidates:
            a_start = min(candidates, key=lambda p: min(abs(p - end), abs(p + len(attribution) - start)))
            a_end = a_start + len(attribution)
    cuts = sorted({p_start, p_end, s_start, s_end, start, end, *([a_start, a_end] if a_start >= 0 else [])})
    cuts = [c for c in cuts if p_start <= c <= p_end]
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        classes = [
            name
            for name, (lo, hi) in (
                ("sentence", (s_start, s_end)),
                ("quote", (start, end)),
                ("attribution", (a_start, a_end)),
            )
            if lo <= left and right <= hi
        ]
        pieces.append((" ".join(classes) or "around", body[left:right]))
    return format_html(
        '<p class="desk-context">{}{}{}</p>',
        "…" if p_start > 0 and body[p_start - 1] != "\n" else "",
        format_html_join("", '<span class="{}">{}</span>', pieces),
        "…" if p_end < len(body) and body[p_end] != "\n" else "",
    )


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class DeskFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Quote.Status.choices, empty_label="Any status")
    article = django_filters.NumberFilter(field_name="article_id", widget=forms.HiddenInput)
    speaker = django_filters.NumberFilter(field_name="speaker_id", widget=forms.HiddenInput)
    outlet = django_filters.ChoiceFilter(field_name="article__outlet", empty_label="Any outlet", label="Outlet")
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(), method="tagged", empty_label="Any topic", label="Topic"
    )
    # Bounds as datetimes at midnight (local time), so the (published_at, id) index serves them: a __date lookup
    # wraps the column in a function and scanned 100,000 quotes (2.8 s).
    since = django_filters.DateFilter(method="from_date", label="From")
    until = django_filters.DateFilter(method="to_date", label="To")

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else None
        if data is not None and "status" not in data:
            data["status"] = Quote.Status.UNREVIEWED
        super().__init__(data, *args, **kwargs)
        outlets = Article.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
        self.filters["outlet"].extra["choices"] = [(o, o) for o in outlets]
        for name in ("since", "until"):
            self.form.fields[name].widget = forms.DateInput(attrs={"type": "date"})

    def from_date(self, queryset, name, day):
        return queryset.filter(published_at__gte=_midnight(day))

    def to_date(self, queryset, name, day):
        return queryset.filter(published_at__lt=_midnight(day + timedelta(days=1)))

    def tagged(self, queryset, name, topic):
        return queryset.filter(pk__in=Quote.topics.through.objects.filter(topic=topic).values("quote_id"))


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def desk(request, admin_site):
    """A page of quotes to review, oldest first; an article's quotes in reading order with its body below."""
    _require(request, "archive.change_quote")
    # The body is the row's context; the article's raw text and warnings are not needed.
    rows_queryset = Quote.objects.select_related("article", "speaker").defer(
        "article__raw_text", "article__import_warnings"
    )
    filters = DeskFilter(request.GET, queryset=rows_queryset)
    quotes = filters.qs
    article = None
    if filters.form.is_valid() and filters.form.cleaned_data.get("article"):
        article = Article.objects.filter(pk=filters.form.cleaned_data["article"]).first()
    if article is not None:
        quotes = quotes.order_by("start", "id")
    else:
        quotes = quotes.order_by(F("published_at").asc(nulls_last=True), "id")
    page = Paginator(quotes, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [row_context(quote) for quote in page.object_list]
    context = {
        **admin_site.each_context(request),
        "title": f"Review: {article.display_title}" if article else "Review desk",
        "opts": Quote._meta,
        "filters": filters,
        "page": page,
        "rows": rows,
        "article": article,
        "body": highlighted(article) if article else "",
        "reasons": REJECT_REASONS,
        "here": request.get_full_path(),
        "query": _query_without_page(request),
    }
    return TemplateResponse(request, "admin/archive/desk/desk.html", context)


def highlighted(article: Article):
    # Imported here: the admin package imports this module to mount the desk's URLs.
    from .admin.common import highlighted_body

    return highlighted_body(article.body, article.quotes.values_list("start", "end"))


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def row_context(quote: Quote) -> dict:
    return {
        "quote": quote,
        "context": paragraph_in_context(quote.article.body, quote.start, quote.end, quote.attribution),
    }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(v, v) for v in ("verify", "reject", "unreview", "speaker", "nobody", "text")]
    )
    reason = forms.CharField(required=False, max_length=200)
    speaker_id = forms.IntegerField(required=False)
    speaker_name = forms.CharField(required=False, max_length=200)
    text = forms.CharField(required=False, strip=False)


def decide(request, admin_site, pk: int):
    """One decision on one quote; answers the desk's script with the row redrawn, a plain form with a redirect."""
    _require(request, "archive.change_quote")
    quote = get_object_or_404(Quote.objects.select_related("article", "speaker"), pk=pk)
    form = DecisionForm(request.POST)
    message, error = "", ""
    if not form.is_valid():
        error = "That decision is not one the desk knows."
    else:
        message, error = apply_decision(request, quote, form.cleaned_data)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if wants_json:
        if error:
            return JsonResponse({"ok": False, "error": error}, status=400)
        quote = Quote.objects.select_related("article", "speaker").get(pk=pk)
        html = render_to_string(
            "admin/archive/desk/_quote.html",
            {"row": row_context(quote), "reasons": REJECT_REASONS, "here": _next(request)},
            request=request,
        )
        return JsonResponse({"ok": True, "message": message, "html": html})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, message)
    return redirect(f"{_next(request)}#quote-{pk}")


def apply_decision(request, quote: Quote, data: dict) -> tuple[str, str]:
    """(message, error) of a decision; the change itself is a curation function, recorded in history."""
    one = Quote.objects.filter(pk=quote.pk)
    decision, user = data["decision"], request.user
    if decision in ("verify", "reject", "unreview"):
        status = {"verify": Quote.Status.VERIFIED, "reject": Quote.Status.REJECTED}.get(
            decision, Quote.Status.UNREVIEWED
        )
        curation.set_status(one, status, by=user, reason=data.get("reason") or "")
        return f"Quote marked {Quote.Status(status).label.lower()}.", ""
    if decision == "nobody":
        curation.reassign_quotes(one, None, by=user)
        return "Quote attributed to no named speaker.", ""
    if decision == "speaker":
        speaker = None
        if data.get("speaker_id"):
            speaker = Speaker.objects.filter(pk=data["speaker_id"]).first()
        name = (data.get("speaker_name") or "").strip()
        if speaker is None and name:
            speaker = curation.speaker_named(name) or curation.create_speaker(name, by=user)
        if speaker is None:
            return "", "Type a speaker's name, or choose “No named speaker”."
        curation.reassign_quotes(one, speaker, by=user)
        return f"Quote attributed to {speaker.name}.", ""
    error = curation.edit_text(quote, data.get("text") or "", by=user)
    return ("", error) if error else ("Quote text changed.", "")


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("admin:archive_quote_desk")


def speakers(request, admin_site):
    """Speakers whose name or a spelling of it contains the typed words, with roles and quote counts (JSON)."""
    _require(request, "archive.view_speaker")
    term = " ".join(request.GET.get("q", "").split())[:100]
    results = []
    if term:
        aliases = SpeakerAlias.objects.filter(name__icontains=term).values("speaker_id")
        found = (
            Speaker.objects.filter(Q(name__icontains=term) | Q(pk__in=aliases))
            .annotate(quote_count=count_of(Quote, "speaker"))
            .order_by("-quote_count", "name")[:10]
        )
        results = [{"id": s.pk, "name": s.name, "role": s.description[:80], "quotes": s.quote_count} for s in found]
    return JsonResponse({"results": results})


def urls(admin_site):
    from django.urls import path

    def view(func):
        def wrapped(request, **kwargs):
            return func(request, admin_site, **kwargs)

        return admin_site.admin_view(wrapped)

    return [
        path("desk/", require_GET(view(desk)), name="archive_quote_desk"),
        path("desk/speakers/", require_GET(view(speakers)), name="archive_quote_desk_speakers"),
        path("desk/<int:pk>/", require_POST(view(decide)), name="archive_quote_desk_decide"),
    ]
