"""A quote's article (its content hash) and span in; the quote's short, stable public id out, salted past any id
already taken."""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Quote


def public_id_for(content_hash: str, start: int, end: int, salt: int = 0) -> str:
    """A short, stable public id from a quote's identity at creation (its article and span): ten base32 letters
    and digits, so a restore into any database, and a re-import of the same file, give the same address."""
    seed = f"{content_hash}:{start}:{end}" + (f":{salt}" if salt else "")
    digest = hashlib.sha256(seed.encode()).digest()
    return base64.b32encode(digest).decode()[:PUBLIC_ID_LENGTH].lower()


PUBLIC_ID_LENGTH = 10


def assign_public_ids(quotes: list[Quote]) -> None:
    """Give each quote without one its public id, salted past any id already taken (a span reused after an edit)."""
    from .models import Quote  # imported here: models.py imports this module

    pending = [quote for quote in quotes if not quote.public_id]
    salt = 0
    while pending:
        for quote in pending:
            quote.public_id = public_id_for(quote.article.content_hash, quote.start, quote.end, salt)
        wanted = [quote.public_id for quote in pending]
        taken = set(Quote.objects.filter(public_id__in=wanted).values_list("public_id", flat=True))
        seen: set[str] = set()
        clashing = []
        for quote in pending:
            if quote.public_id in taken or quote.public_id in seen:
                clashing.append(quote)
            seen.add(quote.public_id)
        pending, salt = clashing, salt + 1
