"""The footer tells the truth: how many quotes an editor verified, the rest marked as not yet checked."""

from django.core.cache import cache
from django.urls import reverse

from archive.models import Quote


def test_the_footer_counts_the_verified_quotes_and_links_to_them(client, make_quote):
    make_quote(status=Quote.Status.VERIFIED)
    make_quote()
    make_quote()
    html = client.get(reverse("article_list")).content.decode()
    assert "Editors have verified 1 of them" in html
    assert "checked by editors" not in html
    assert '<a href="/quotes/?status=verified">Verified quotes only</a>' in html


def test_the_count_is_cached_between_pages(client, make_quote, settings, django_assert_num_queries):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    make_quote(status=Quote.Status.VERIFIED)
    url = reverse("topic_list")
    # Expect 3 queries: the count, the page of topics, the footer's count; then 2, the count cached
    with django_assert_num_queries(3):
        client.get(url)
    with django_assert_num_queries(2):
        assert "Editors have verified 1 of them" in client.get(url).content.decode()
    cache.clear()


def test_the_home_page_and_the_search_show_each_quotes_status(client, make_quote):
    make_quote("Ferry checked", status=Quote.Status.VERIFIED)
    make_quote("Ferry unchecked")
    for response in (client.get(reverse("home")), client.get(reverse("search"), {"q": "ferry"})):
        html = response.content.decode()
        assert '<span class="status status-verified">Verified</span>' in html
        assert '<span class="status status-unreviewed">Not yet checked</span>' in html
