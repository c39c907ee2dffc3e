"""Admin logins throttled: after a few failed passwords for one account from one address (or many from one
address), logins from there are refused for a while, the right password included.

A small throttle of our own rather than django-axes: it keeps failure counts in Django's cache for a fixed window,
needs no tables, backend or middleware, and leaves the test client's login() working. The cache is per process by
default (each gunicorn worker counts on its own, so N workers allow N times the attempts); a deployment with more
than a few workers should set a shared cache (CACHES) so the counts are shared. The address is REMOTE_ADDR, never a
forwarded header a client could forge: behind a proxy every login shares the proxy's address, and the per-account
limit still holds.
"""

from __future__ import annotations

import hashlib

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

ACCOUNT_LIMIT = 5  # failed logins for one account from one address
ADDRESS_LIMIT = 20  # failed logins from one address, whatever the account
WINDOW_SECONDS = 15 * 60

THROTTLED = (
    "Too many failed logins from your address. For the account's safety, logins are paused for "
    f"{WINDOW_SECONDS // 60} minutes: try again later, or ask another editor to reset your password."
)


def throttle_keys(address: str, username: str) -> dict[str, int]:
    """The cache keys a failed login counts against, each with its limit."""
    account = hashlib.sha256(f"{address}\0{username.casefold()}".encode()).hexdigest()
    return {f"login-failures:account:{account}": ACCOUNT_LIMIT, f"login-failures:address:{address}": ADDRESS_LIMIT}


class ThrottledLoginForm(AdminAuthenticationForm):
    def clean(self):
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        keys = throttle_keys(address, self.cleaned_data.get("username") or "")
        counts = cache.get_many(list(keys))
        if any(counts.get(key, 0) >= limit for key, limit in keys.items()):
            raise ValidationError(THROTTLED, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            for key in keys:
                # add() starts the window at the first failure; incr() keeps it (a fixed window, not a sliding one).
                cache.add(key, 0, WINDOW_SECONDS)
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.set(key, 1, WINDOW_SECONDS)
            raise
