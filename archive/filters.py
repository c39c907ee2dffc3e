"""Query-string filters of the public lists: django-filter parses and validates, the views stay short."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import django_filters as filters
from django import forms
from django.db import connection
from django.utils import timezone

from . import search
from .models import Article, Quote, Speaker, Topic, name_key, on_topic
from .speakers import find_speakers


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


def outlet_spellings() -> dict[str, list[str]]:
    """Each outlet's name as shown, with every spelling the sources printed it in ("CALIBER.AZ", "Caliber.Az")."""
    by_key: dict[str, list[str]] = {}
    for name in printed_outlets():
        by_key.setdefault(outlet_key(name), []).append(name)
    return {outlet_label(names): names for names in by_key.values()}


def printed_outlets() -> list[str]:
    """Every distinct outlet name of the articles, in order, read on every request of the quote list (its outlet
    choices). A DISTINCT reads every article (7 ms at 10,000 on PostgreSQL, growing with the archive); this skip scan
    asks the outlet index for the next name after the last one found, one lookup per outlet."""
    table = connection.ops.quote_name(Article._meta.db_table)
    column = connection.ops.quote_name(Article._meta.get_field("outlet").column)
    sql = (
        f"WITH RECURSIVE printed(name) AS ("
        f"SELECT min({column}) FROM {table} WHERE {column} > '' "
        f"UNION ALL SELECT (SELECT min(a.{column}) FROM {table} a WHERE a.{column} > printed.name) "
        f"FROM printed WHERE printed.name IS NOT NULL"
        f") SELECT name FROM printed WHERE name IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


def outlet_key(name: str) -> str:
    """One key per outlet: case, accents and dots folded, a leading "The" and "www." and a web suffix dropped."""
    key = name_key(name.strip().removeprefix("www.").removeprefix("WWW."))
    for suffix in (" com", " co uk", " org", " net"):
        key = key.removesuffix(suffix)
    return key.removeprefix("the ") or key


def outlet_label(spellings: list[str]) -> str:
    # The spelling with the most capitals that is not all capitals: "Caliber.Az" over "caliber.az", "CALIBER.AZ".
    return max(spellings, key=lambda s: (not s.isupper(), sum(ch.isupper() for ch in s), s))


class FilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "“To” is before “From”: no quote can be in between.")
        return data


class SpeakerField(forms.CharField):
    """A speaker given by name, any printed spelling, or the slug of their page; a name that fits several
    speakers, or none, is an error that lists the closest names."""

    def __init__(self, *args, **kwargs):
        # Not stripped: " " is a value no speaker has (an exact filter never widens to "any speaker").
        kwargs.setdefault("strip", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        value = value.strip()
        speaker = Speaker.objects.filter(slug=value).first() if value else None
        if speaker:
            return speaker
        found = find_speakers(value, limit=6)
        exact = [s for s in found if s.exact]
        if len(exact) == 1 or len(found) == 1:
            return (exact or found)[0]
        if found:
            names = ", ".join(s.name for s in found[:5])
            raise forms.ValidationError(f"Several speakers match: {names}. Type more of the name.")
        raise forms.ValidationError("No speaker has this name.")


class SpeakerFilter(filters.Filter):
    field_class = SpeakerField


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


class SpeakerSearchForm(FilterForm):
    """The speaker list's query string: words of a name, and the order."""

    q = SearchTextField(required=False, label="Name")
    order = forms.ChoiceField(choices=[("name", "By name"), ("quotes", "Most quoted first")], required=False)

    def values(self) -> tuple[str, str]:
        self.is_valid()
        return self.cleaned_data.get("q") or "", self.cleaned_data.get("order") or "name"


class QuoteFilter(filters.FilterSet):
    # Whole words through the full-text index (search.py), not a substring scan of every quote.
    text = filters.CharFilter(method="filter_text", label="Words")
    # A text box, not a <select>: an archive can hold many thousands of speakers. Links pass the slug; readers
    # type a name, and static/archive/archive.js suggests names as they type.
    speaker = SpeakerFilter(
        field_name="speaker",
        lookup_expr="exact",
        label="Speaker",
        widget=forms.TextInput(attrs={"list": "speaker-names", "autocomplete": "off", "data-suggest": "speakers"}),
        help_text="A name or part of one, e.g. Aliyev.",
    )
    topic = filters.ModelChoiceFilter(
        method="filter_topic",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label="Any topic",
        label="Topic",
        error_messages={"invalid_choice": "There is no such topic."},
    )
    outlet = filters.ChoiceFilter(method="filter_outlet", empty_label="Any outlet", label="Outlet")
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=Quote.Kind.choices, empty_label="Any kind"
    )
    status = filters.ChoiceFilter(
        field_name="status",
        lookup_expr="exact",
        choices=[(Quote.Status.VERIFIED, "Verified by an editor"), (Quote.Status.UNREVIEWED, "Not yet checked")],
        empty_label="Checked or not",
        label="Review",
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
        self.outlets = outlet_spellings()
        self.filters["outlet"].extra["choices"] = [(name, name) for name in self.outlets]

    def filter_outlet(self, queryset, name, value):
        # The quote's copy of its article's outlet (Quote.outlet), indexed with the date.
        return queryset.filter(outlet__in=self.outlets.get(value, [value])) if value else queryset

    def filter_topic(self, queryset, name, value):
        return on_topic(queryset, value) if value else queryset

    def filter_text(self, queryset, name, value):
        return search.filter_quotes(queryset, value) if value else queryset

    def only_words(self) -> str:
        """The words searched for, when they are the only filter set (then search.py counts and pages)."""
        data = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        others = [value for name, value in data.items() if name != "text" and value not in (None, "", [])]
        return "" if others else data.get("text") or ""
