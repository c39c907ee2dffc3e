"""Any query string on the quote list: never a server error, and a filter value is data, never SQL.

The exact-match filters (topic, outlet, kind) must show nothing for a value that is not one of theirs, and the
speaker filter nothing for a value that is neither the speaker's slug nor the start of the words of her name: had a
value reached SQL as syntax (``' OR '1'='1``), it would widen the list instead.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.models import Quote
from archive.speakers import folded_words

pytestmark = pytest.mark.usefixtures("archive")

KEYS = ["text", "speaker", "topic", "outlet", "kind", "date_from", "date_to", "page", "o", "order", "type", "x"]
EXACT = ("speaker", "topic", "outlet", "kind")
NASTY = [
    "' OR '1'='1", "' OR 1=1 --", '" OR ""="', "1; DROP TABLE archive_quote; --", "%", "_", "%%", "\\", "'", '"',
    "\x00", "a\x00b", "NULL", "null", "None", "[]", "{}", "*", "a*", "(", ")", "NEAR(a b)", "a AND b", "-", "--",
    "9999-12-31", "0001-01-01", "10000-01-01", "2023-02-30", "2023-13-01", "-1", "0", "99999999999999999999", "1e309",
    "NaN", "inf", "last", "\u202e", "\ufdd0", "😀", "İ", " ", "\t", "\n", "x" * 600,
]  # fmt: skip
VALID = {"speaker": "jane-roe", "topic": "trade", "outlet": "Example News", "kind": "direct"}

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.sampled_from(list(VALID.values())))
queries = st.lists(st.tuples(st.sampled_from(KEYS), values), max_size=6)
raw_queries = st.text(alphabet=st.sampled_from("abcdefghijkpqtx=&%;+ 0129'\"-_*()[]\\~#?/ÿ\u00e9"), max_size=60)


@pytest.fixture
def archive(make_article, make_speaker, make_topic, make_quote):
    trade = make_topic("Trade", keywords="trade")
    trade.slug = "trade"
    trade.save()
    jane = make_speaker("Jane Roe")
    article = make_article(
        body="Intro. “Trade between our countries doubled,” Jane Roe said. “We will open an embassy,” she added.",
        outlet="Example News",
        published_at=datetime(2023, 6, 8, tzinfo=UTC),
    )
    first = make_quote("Trade between our countries doubled", article=article, speaker=jane)
    make_quote("We will open an embassy", article=article, speaker=jane, kind=Quote.Kind.REPORTED)
    first.topics.add(trade)
    return article


def listed(response) -> int:
    return response.context["paginator"].count if response.context.get("paginator") else len(response.context["quotes"])


def names_jane_roe(value: str) -> bool:
    """Whether the speaker filter takes value for Jane Roe: her slug, or words that each start a word of her name."""
    if value.strip() == "jane-roe":
        return True
    words = folded_words(value)
    return bool(words) and all(any(name.startswith(word) for name in ("jane", "roe")) for word in words)


def check(client, pairs: list[tuple[str, str]] | None = None, raw: str | None = None) -> None:
    query = raw if raw is not None else urlencode(pairs or [])
    response = client.get("/quotes/", QUERY_STRING=query)
    assert response.status_code in (200, 404), (query, response.status_code)
    if response.status_code == 404:
        assert "page" in query  # only a page number that is not a page is "not found"
        return
    if pairs is not None:
        given_values = {}
        for key, value in pairs:
            given_values[key] = value  # the last of a repeated key wins, as in request.GET
        wrong = [k for k in EXACT if given_values.get(k) not in (None, "", VALID[k])]
        if "speaker" in wrong and names_jane_roe(given_values["speaker"]):
            wrong.remove("speaker")
        if wrong:
            assert listed(response) == 0, (query, wrong)


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.mark.django_db
@FUZZ
@given(queries)
def test_any_filter_values_give_a_page_never_an_error_and_never_widen_an_exact_filter(client, pairs):
    check(client, pairs=pairs)


@pytest.mark.django_db
@FUZZ
@given(raw_queries)
def test_any_raw_query_string_gives_a_page_never_an_error(client, raw):
    check(client, raw=raw)


@pytest.mark.django_db
@pytest.mark.parametrize("key", EXACT)
@pytest.mark.parametrize("payload", ["' OR '1'='1", "x' OR 1=1 --", "%", "_"])
def test_an_injection_attempt_in_an_exact_filter_matches_nothing(client, key, payload):
    response = client.get("/quotes/", {key: payload})
    assert response.status_code == 200 and listed(response) == 0


@pytest.mark.django_db
def test_the_valid_values_do_match(client):
    for key, value in VALID.items():
        assert listed(client.get("/quotes/", {key: value})) >= 1, key
