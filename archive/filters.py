"""Query-string filters of the public lists: django-filter parses and validates, the views stay short."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import django_filters as filters
from django import forms
from django.utils import timezone

from . import search
from .models import Article, Quote, Speaker, Topic, on_topic


class DayFilter(filters.DateFilter):
    """A calendar day compared with a datetime column as a bound in time.

    `published_at__date` would wrap the column in a function and lose its index; comparing with the day's
    first instant (or the next day's, for an inclusive "to") keeps the (published_at, id) index usable.
    """

    def __init__(self, *args, next_day: bool = False, **kwargs):
        self.next_day = next_day
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        if self.next_day:
            if value == date.max:
                return qs  # "up to the end of time": no bound
            value += timedelta(days=1)
        try:
            # In UTC now, so that a day at the edge of the calendar fails here rather than in the database.
            instant = datetime.combine(value, time.min, tzinfo=timezone.get_current_timezone()).astimezone(UTC)
        except OverflowError:
            return qs  # before or after any date the database can hold: no bound
        return super().filter(qs, instant)


def outlet_choices() -> list[tuple[str, str]]:
    outlets = Article.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
    return [(outlet, outlet) for outlet in outlets]


class FilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SearchTextField(forms.CharField):
    """A search box's text, NUL bytes dropped rather than refused: only its words are used anyway."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")


class SearchForm(FilterForm):
    """The search page's query string: the words, which list to show, and the order."""

    q = SearchTextField(required=False, label="Words")
    type = forms.ChoiceField(choices=[("quotes", "Quotes"), ("articles", "Articles")], required=False)
    order = forms.ChoiceField(
        choices=[(search.DATE, "Newest first"), (search.RELEVANCE, "Best match first")], required=False
    )

    def values(self) -> tuple[str, str, str]:
        """(words, "quotes" or "articles", order): a value that is not a choice falls back to the default."""
        self.is_valid()
        data = self.cleaned_data
        return data.get("q") or "", data.get("type") or "quotes", data.get("order") or search.DATE


class QuoteFilter(filters.FilterSet):
    # Whole words through the full-text index (search.py), not a substring scan of every quote.
    text = filters.CharFilter(method="filter_text", label="Words")
    # A text box, not a <select>: an archive can hold many thousands of speakers. Links pass the slug.
    speaker = filters.ModelChoiceFilter(
        field_name="speaker",
        lookup_expr="exact",
        to_field_name="slug",
        queryset=Speaker.objects.all(),
        widget=forms.TextInput,
        label="Speaker",
        help_text="As in the address of the speaker's page, e.g. ilham-aliyev.",
        error_messages={"invalid_choice": "No speaker has this address name."},
    )
    topic = filters.ModelChoiceFilter(
        method="filter_topic",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label="Any topic",
        label="Topic",
        error_messages={"invalid_choice": "There is no such topic."},
    )
    outlet = filters.ChoiceFilter(
        # The quote's copy of its article's outlet, indexed with the date (Quote.outlet).
        field_name="outlet",
        lookup_expr="exact",
        empty_label="Any outlet",
        label="Outlet",
    )
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=Quote.Kind.choices, empty_label="Any kind"
    )
    date_from = DayFilter(field_name="published_at", lookup_expr="gte", label="From")
    date_to = DayFilter(field_name="published_at", lookup_expr="lt", next_day=True, label="To")

    class Meta:
        model = Quote
        form = FilterForm
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per request: a callable would be run again on validation and on rendering.
        self.filters["outlet"].extra["choices"] = outlet_choices()

    def filter_topic(self, queryset, name, value):
        return on_topic(queryset, value) if value else queryset

    def filter_text(self, queryset, name, value):
        return search.filter_quotes(queryset, value) if value else queryset

    def only_words(self) -> str:
        """The words searched for, when they are the only filter set (then search.py counts and pages)."""
        data = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        others = [value for name, value in data.items() if name != "text" and value not in (None, "", [])]
        return "" if others else data.get("text") or ""
