"""What every public page's footer says about the archive: how many quotes an editor has verified."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from .models import Quote

CACHE_KEY = "archive:verified-quotes"
# Counted on the (status, date) index, at most once in this many seconds: cheap at any size, close to fresh.
CACHE_SECONDS = 300


def verified_count() -> int:
    count = cache.get(CACHE_KEY)
    if count is None:
        count = Quote.objects.filter(status=Quote.Status.VERIFIED).count()
        cache.set(CACHE_KEY, count, CACHE_SECONDS)
    return count


def review_counts(request):
    # Lazy: counted only when a template shows it (the admin never does).
    return {"verified_quotes": SimpleLazyObject(verified_count)}
