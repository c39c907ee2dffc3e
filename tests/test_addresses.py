"""addresses.slug_address: the same address reverse() gives, without resolving the route on every call."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from archive.addresses import slug_address


@pytest.mark.parametrize("route", ["article_detail", "speaker_detail", "quote_detail", "topic_detail"])
@pytest.mark.parametrize("slug", ["adam-karimov", "a", "Q7x_9", "2024-06-01-talks"])
def test_it_gives_the_address_reverse_gives(route, slug):
    assert slug_address(route, slug) == reverse(route, args=[slug])


def test_a_value_that_is_no_slug_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        slug_address("speaker_detail", "two words")
    with pytest.raises(NoReverseMatch):
        slug_address("speaker_detail", "")


def test_a_site_mounted_under_a_prefix_gets_addresses_under_it():
    set_script_prefix("/archive/")
    try:
        assert slug_address("speaker_detail", "adam-karimov") == "/archive/speakers/adam-karimov/"
    finally:
        set_script_prefix("/")
    assert slug_address("speaker_detail", "adam-karimov") == "/speakers/adam-karimov/"


def test_a_route_without_exactly_one_slug_is_a_programming_error():
    with pytest.raises(NoReverseMatch):
        slug_address("quote_list", "x")
