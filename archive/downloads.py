"""Downloads of a filtered quote list as CSV or JSON: each quote with its review status and public id.

Streamed a chunk of rows at a time, so memory stays flat up to EXPORT_LIMIT quotes. The CSV starts with a UTF-8
byte-order mark (Excel otherwise reads it in the machine's legacy code page) and defuses cells a spreadsheet
would run as formulas.
"""

from __future__ import annotations

import csv
import itertools
import json

from django.http import StreamingHttpResponse

EXPORT_LIMIT = 10_000
EXPORT_FIELDS = [
    "id", "permalink", "text", "speaker", "speaker_slug", "kind", "status", "published_at",
    "article_title", "outlet", "source_url", "topics", "public_id",
]  # fmt: skip
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_rows(request, quotes):
    """One dict per quote, in EXPORT_FIELDS order; the queryset is read in chunks, never held whole."""
    base = request.build_absolute_uri("/")[:-1]
    for quote in quotes.prefetch_related("topics").iterator(chunk_size=1000):
        article, speaker = quote.article, quote.speaker
        yield {
            "id": quote.pk,
            "permalink": base + quote.get_absolute_url(),
            "text": quote.text,
            "speaker": speaker.name if speaker else "",
            "speaker_slug": speaker.slug if speaker else "",
            "kind": quote.kind,
            "status": quote.status,
            "published_at": quote.published_as_printed.isoformat() if quote.published_at else None,
            "article_title": article.title,
            "outlet": article.outlet,
            "source_url": article.url,
            "topics": [topic.slug for topic in quote.topics.all()],
            "public_id": quote.public_id,
        }


def csv_cell(value):
    """A value as a CSV cell: text a spreadsheet would run as a formula gets a leading ' (numbers are ours)."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Echo:
    """A file-like object csv.writer writes into, giving each line back for streaming."""

    def write(self, value: str) -> str:
        return value


def streamed(request, quotes, fmt: str) -> StreamingHttpResponse:
    """The response of a download: quotes (already cut to EXPORT_LIMIT) as "csv" or "json"."""
    if fmt == "csv":
        writer = csv.writer(Echo())
        lines = (
            writer.writerow([csv_cell(row[field]) for field in EXPORT_FIELDS]) for row in export_rows(request, quotes)
        )
        # The byte-order mark tells Excel the file is UTF-8; without it, “curly quotes” and accents turn to noise.
        header = "\ufeff" + writer.writerow(EXPORT_FIELDS)
        response = StreamingHttpResponse(itertools.chain([header], lines), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(json_lines(export_rows(request, quotes)), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="quotes.{fmt}"'
    return response


def json_lines(rows):
    """A JSON object {"limit": ..., "quotes": [...]} written a quote at a time."""
    yield f'{{"limit": {EXPORT_LIMIT}, "quotes": ['
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
