"""Publication times as pages print them.

A page prints its time either with a zone ("07:47 PM EST", an ISO date with an offset) or without one
("08 June 2023 - 12:48"). The archive stores the instant in ``published_at`` (a UTC timestamp, as both databases
keep them) and the page's offset in ``published_utc_offset``, in minutes; when the page named no zone the offset is
None and ``published_at`` holds the printed wall-clock time labelled UTC. Nothing invents a zone: a time without one
is shown and exported as printed, without an offset.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

__all__ = ["as_printed", "stored_instant", "utc_offset_minutes"]


def stored_instant(moment: datetime | None) -> datetime | None:
    """What ``published_at`` stores for a parsed time: the instant when it has a zone, else the printed wall-clock
    time labelled UTC (a database column of aware datetimes needs some label; the offset field says it is none)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def utc_offset_minutes(moment: datetime | None) -> int | None:
    """The parsed time's offset from UTC in minutes, or None when the page named no zone."""
    if moment is None or moment.tzinfo is None:
        return None
    offset = moment.utcoffset()
    return None if offset is None else int(offset // timedelta(minutes=1))


def as_printed(moment: datetime | None, offset_minutes: int | None) -> datetime | None:
    """The stored time as the page printed it: in the page's own offset, or naive when it gave no zone."""
    if moment is None:
        return None
    if offset_minutes is None:
        return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    return moment.astimezone(timezone(timedelta(minutes=offset_minutes)))
