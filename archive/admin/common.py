"""Pieces the model admins share: quotes shown in their context, bulk history entries, intermediate action pages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html, format_html_join

from .. import tagging
from ..curation import chunks
from ..models import Topic

# The stylesheet of the classes below (quote-context, article-body): a model admin that shows them loads it with
# ``class Media: css = ADMIN_CSS``. No inline style: the Content-Security-Policy refuses style attributes.
ADMIN_CSS = {"all": ["archive/admin.css"]}


APOSTROPHES = ("'", "\u2019")


def apostrophe_variants(text: str) -> list[str]:
    """A search term as typed and with its apostrophes swapped: "We've" finds "We’ve" and the other way round."""
    variants = [text]
    for a, b in (APOSTROPHES, APOSTROPHES[::-1]):
        if a in text and text.replace(a, b) not in variants:
            variants.append(text.replace(a, b))
    return variants


class ApostropheSearchMixin:
    """Django's own admin search, run for each apostrophe variant of the term (names and titles by substring)."""

    def get_search_results(self, request, queryset, search_term):
        results, duplicates = super().get_search_results(request, queryset, search_term)
        for variant in apostrophe_variants(search_term)[1:]:
            more, more_duplicates = super().get_search_results(request, queryset, variant)
            results, duplicates = results | more, duplicates or more_duplicates
        return results, duplicates


def in_context(body: str, start: int, end: int, width: int = 150):
    """The quoted span marked in the article text around it; imported text is escaped, never trusted."""
    return format_html(
        '<div class="quote-context">{}{}<mark>{}</mark>{}{}</div>',
        "…" if start > width else "",
        body[max(0, start - width) : start],
        body[start:end],
        body[end : end + width],
        "…" if end + width < len(body) else "",
    )


def highlighted_body(body: str, spans: Iterable[tuple[int, int]]):
    """The whole body with every quote marked; a span overlapping the previous one is left unmarked."""
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start < pos or end > len(body):
            continue
        pieces.append((body[pos:start], body[start:end]))
        pos = end
    return format_html(
        '<div class="article-body">{}{}</div>',
        format_html_join("", "{}<mark>{}</mark>", pieces),
        body[pos:],
    )


UNKNOWN_DATE = "unknown"


class PublishedFilter(admin.SimpleListFilter):
    """Year, then month, of publication: a date hierarchy whose choices cost two index lookups.

    Django's ``date_hierarchy`` lists the years with a DISTINCT over a date function of every row, 2.3 s for a
    million quotes on SQLite; this finds the first and last date through the (published_at, id) index instead.
    """

    title = "published"
    parameter_name = "published"

    def lookups(self, request, model_admin):
        dates = (
            model_admin.model._default_manager.filter(published_at__isnull=False)
            .order_by("published_at")
            .values_list("published_at", flat=True)
        )
        first, last = dates.first(), dates.last()
        if first is None:
            return [(UNKNOWN_DATE, "Unknown date")]
        first, last = timezone.localtime(first), timezone.localtime(last)
        choices = []
        selected_year = self._year()
        for year in range(last.year, first.year - 1, -1):
            choices.append((str(year), str(year)))
            if year == selected_year:
                months = range(first.month if year == first.year else 1, (last.month if year == last.year else 12) + 1)
                choices += [(f"{year}-{m:02d}", f"\u2003{MONTHS[m]} {year}") for m in months]
        return [*choices, (UNKNOWN_DATE, "Unknown date")]

    def queryset(self, request, queryset):
        if self.value() == UNKNOWN_DATE:
            return queryset.filter(published_at__isnull=True)
        year, month = self._year(), self._month()
        if year is None:
            return queryset
        if month is None:
            start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
        else:
            start, end = datetime(year, month, 1), datetime(year + month // 12, month % 12 + 1, 1)
        tz = timezone.get_current_timezone()
        return queryset.filter(
            published_at__gte=timezone.make_aware(start, tz), published_at__lt=timezone.make_aware(end, tz)
        )

    def _parts(self) -> list[int]:
        try:
            parts = [int(p) for p in (self.value() or "").split("-")]
        except ValueError:
            return []
        if not 1 <= len(parts) <= 2 or not 1 <= parts[0] <= 9998 or (len(parts) == 2 and not 1 <= parts[1] <= 12):
            return []
        return parts

    def _year(self) -> int | None:
        parts = self._parts()
        return parts[0] if parts else None

    def _month(self) -> int | None:
        parts = self._parts()
        return parts[1] if len(parts) == 2 else None


class TopicFilter(admin.SimpleListFilter):
    """Rows tagged with a topic, found through the link table with IN: Django's own filter on a many-to-many
    field adds DISTINCT over whole rows, which sorts the table (250 ms for a million quotes)."""

    title = "topic"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Topic.objects.values_list("pk", "name")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in dict(self.lookup_choices):
            # Only a topic the filter offers: a number past the database's integer (or a digit that int() refuses)
            # would fail inside the query. The admin answers with its "invalid filter" page instead.
            raise IncorrectLookupParameters(f"no topic {self.value()!r}")
        links = queryset.model.topics.through.objects.filter(topic_id=int(self.value()))
        return queryset.filter(pk__in=links.values(f"{queryset.model._meta.model_name}_id"))


class OfferedLookupsOnly:
    """A model admin that accepts in its change list's query string only the filters it offers.

    Django's admin accepts any lookup on the model's own fields (``?text__regex=(`` is a server error, and a
    catastrophic pattern keeps a worker busy); here anything else answers 400. Offered are the list filters'
    parameters and ``extra_lookups``, the ones links elsewhere in the admin write.
    """

    extra_lookups: tuple[str, ...] = ()

    def lookup_allowed(self, lookup, value, request=None) -> bool:
        return lookup in self.offered_lookups(request)

    def offered_lookups(self, request) -> set[str]:
        offered = set(self.extra_lookups)
        for item in self.get_list_filter(request):
            if isinstance(item, type) and issubclass(item, admin.SimpleListFilter):
                offered.add(item.parameter_name)
                continue
            path = item[0] if isinstance(item, list | tuple) else item
            field = get_fields_from_path(self.model, path)[-1]
            # The parameters Django's field filters write: the field itself (all values), __exact (through the key
            # of a relation) and __isnull.
            exact = f"{path}__{field.target_field.name}__exact" if field.is_relation else f"{path}__exact"
            offered |= {path, exact, f"{path}__isnull"}
        return offered


class LeanChangeList(ChangeList):
    """A change list that leaves out the long text columns its model admin names in ``list_defer``."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer(*getattr(self.model_admin, "list_defer", ()))


def log_changes(request, model, ids: list[int], message: str) -> None:
    """One history entry per changed object, written in bulk, so a bulk action shows on each object's history."""
    for chunk in chunks(ids):
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=model._default_manager.filter(pk__in=chunk),
            action_flag=CHANGE,
            change_message=message,
        )


def action_page(
    model_admin,
    request,
    queryset,
    form,
    *,
    action: str,
    title: str,
    intro: str,
    submit: str,
    list_samples=True,
    template="admin/archive/action_page.html",
    extra=None,
):
    """The intermediate page of an action that asks something first; it posts back to the same action.

    The selection travels as Django's own action fields (``_selected_action``, ``select_across``), and the page
    keeps the change list's query string, so "select all" across a filtered list stays that filtered list.
    """
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "intro": intro,
        "form": form,
        "media": model_admin.media + form.media,
        "count": queryset.count(),
        "samples": list(queryset[:10]) if list_samples else [],
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action": action,
        "submit": submit,
        **(extra or {}),
    }
    return TemplateResponse(request, template, context)


class TopicsForm(forms.Form):
    def __init__(self, *args, model=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The admin's autocomplete (topics are searchable in TopicAdmin) instead of a long select.
        self.fields["topics"] = forms.ModelMultipleChoiceField(
            Topic.objects.all(),
            widget=AutocompleteSelectMultiple(model._meta.get_field("topics"), admin.site),
            help_text="Type to search topics.",
        )


def topics_action(model_admin, request, queryset, *, remove: bool):
    """Add topics to, or remove them from, the selected articles or quotes: one history batch, undoable."""
    model = model_admin.model
    form = TopicsForm(request.POST if "apply" in request.POST else None, model=model)
    plural = model._meta.verbose_name_plural
    if form.is_valid():
        topics = list(form.cleaned_data["topics"])
        change = tagging.untag if remove else tagging.tag
        ids = change(queryset, topics, by=request.user)
        names = ", ".join(t.name for t in topics)
        verb = "untagged from" if remove else "tagged with"
        log_changes(request, model, ids, f"{verb.capitalize()} {names} (bulk action).")
        model_admin.message_user(request, f"{len(ids)} {plural} {verb} {names}.", messages.SUCCESS)
        return None
    return action_page(
        model_admin,
        request,
        queryset,
        form,
        action="remove_topics" if remove else "tag_with_topics",
        title=f"{'Remove topics from' if remove else 'Tag'} {plural}{'' if remove else ' with topics'}",
        intro=f"The {plural} lose these topics; others stay." if remove else f"Add topics to these {plural}.",
        submit="Remove" if remove else "Tag",
    )


class ApplyRulesForm(forms.Form):
    confirm = forms.BooleanField(initial=True, widget=forms.HiddenInput)


def rules_action(model_admin, request, queryset, topics, articles=None, quotes=None, *, action: str):
    """Keyword rules in two steps: a preview of what they would tag (counts and samples), then the application,
    one history batch the activity page can undo."""
    form = ApplyRulesForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        result = tagging.apply_topic_rules(topics, articles=articles, quotes=quotes, by=request.user)
        for topic in topics:
            n_articles, n_quotes = result.articles.get(topic.pk, 0), result.quotes.get(topic.pk, 0)
            log_changes(
                request, Topic, [topic.pk], f"Keyword rules applied: {n_articles} article(s), {n_quotes} quote(s)."
            )
        if result.batch:
            url = reverse("admin:archive_batch_change", args=[result.batch.pk])
            model_admin.message_user(
                request,
                format_html(
                    "Added {} topic(s) to articles and {} to quotes; no topic was removed. "
                    '<a href="{}">What changed, and undo</a>.',
                    result.articles_tagged,
                    result.quotes_tagged,
                    url,
                ),
                messages.SUCCESS,
            )
        else:
            model_admin.message_user(request, "The keyword rules found nothing new to tag.", messages.INFO)
        return None
    preview = tagging.apply_topic_rules(topics, articles=articles, quotes=quotes, preview=True, samples=20)
    rows = [(t, preview.articles.get(t.pk, 0), preview.quotes.get(t.pk, 0), t.keyword_list()) for t in topics]
    return action_page(
        model_admin,
        request,
        queryset,
        form,
        action=action,
        title="Apply keyword rules",
        intro="Check what the rules would tag before they do: a keyword may match more than its topic "
        "(“Mars” in “Bruno Mars”). Nothing is removed, and the application can be undone from the activity page.",
        submit="Apply",
        list_samples=False,
        template="admin/archive/rule_preview.html",
        extra={"preview": preview, "rows": rows},
    )
