"""The address of a page that takes one slug, built from its route read once.

`reverse()` resolves the route again on every call (about 18 µs). A list page names three addresses per row (the
quote, its speaker, its article): 150 calls, 2.5 ms of a 40 ms page at 50 rows. The route is read once per URL
configuration (ROOT_URLCONF: this site sets no per-request one) and script prefix, and the slug put in its place
(4-6 µs a call); a value that is no slug goes through `reverse()`, which refuses it as before.
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.urls import get_script_prefix, reverse

__all__ = ["slug_address"]

_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")  # what the <slug:...> converter accepts: printed in an address as it is
_HOLE = "0slug0"


def slug_address(route: str, slug: str) -> str:
    """``reverse(route, args=[slug])`` for a route with one slug."""
    if not _SLUG.match(slug):
        return reverse(route, args=[slug])
    return _pattern(route, settings.ROOT_URLCONF, get_script_prefix()).replace(_HOLE, slug)


@functools.lru_cache(maxsize=64)
def _pattern(route: str, urlconf: str, prefix: str) -> str:
    # urlconf and prefix are the key (tests and mounted sites change them); reverse() reads them itself.
    address = reverse(route, args=[_HOLE])
    if address.count(_HOLE) != 1:
        raise ValueError(f"{route} is not a route with one slug")
    return address
