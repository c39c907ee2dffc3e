"""A line of printed text in, the date and time it prints out, as a naive wall-clock datetime.

News pages print dates in a handful of shapes: ``08 June 2023 - 12:48``, ``June 8, 2023``, ``Nov. 18, 2019,
8:41 AM UTC``, ``4/3/2021, 8:55:39 PM``, ``2023-06-08 12:48``, ``08.06.2023``. The time is kept as printed (local
time of the page; a zone name after it is ignored): the loader decides what zone it is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["find_date", "parse_date"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:,|-|–|—|at|/|\|)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\w:]))?"
)
# Also a time printed before the date, as some American sites do ("5:45 AM PST 11/19/2019").
_TIME_FIRST = (
    r"(?:(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)"
    r"(?:\s+[A-Z]{2,4})?\s+)"
)

PATTERNS = [
    # 2023-06-08, 2023-06-08T12:48:00, 2023-06-08 12:48, 2016-09-27 07:47 PM
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
        r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?)?(?!\d)",
        re.IGNORECASE,
    ),
    # 08 June 2023 - 12:48, 19 November 2019
    re.compile(
        _WEEKDAY + r"(?<![\w.])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME,
        re.IGNORECASE,
    ),
    # June 8, 2023; Nov. 19, 2019, 8:41 AM; Tue., Nov. 19, 2019
    re.compile(
        _WEEKDAY + r"(?<![\w.])" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME,
        re.IGNORECASE,
    ),
    # 5:45 AM PST 11/19/2019
    re.compile(_TIME_FIRST + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})", re.IGNORECASE),
    # 4/3/2021, 8:55:39 PM (US order unless the first number cannot be a month); 08.06.2023 12:48 (day first)
    re.compile(
        r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)" + _TIME, re.IGNORECASE
    ),
]


@dataclass(frozen=True)
class FoundDate:
    value: datetime
    start: int
    end: int


_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")


def find_date(text: str) -> FoundDate | None:
    """The first plausible date printed in ``text``, or None."""
    if not _YEAR.search(text):
        return None  # every shape prints a four-digit year; most lines have none
    found = [hit for hit in (_match(pattern, text) for pattern in PATTERNS) if hit]
    return min(found, key=lambda hit: hit.start) if found else None


def parse_date(text: str) -> datetime | None:
    hit = find_date(text)
    return hit.value if hit else None


def _match(pattern: re.Pattern[str], text: str) -> FoundDate | None:
    for match in pattern.finditer(text):
        value = _build(match)
        if value is not None:
            return FoundDate(value, match.start(), match.end())
    return None


def _build(match: re.Match[str]) -> datetime | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("month"):
        month, day = MONTHS[parts["month"].lower()], int(parts["day"])
    elif parts.get("mon"):
        month, day = int(parts["mon"]), int(parts["day"])
    else:
        a, b = int(parts["a"]), int(parts["b"])
        # Slashes are read the American way (month first) unless that is impossible; dots are European.
        month, day = (b, a) if parts.get("sep") == "." or a > 12 else (a, b)
    hour = int(parts["hour"]) if parts.get("hour") else 0
    minute = int(parts["minute"]) if parts.get("minute") else 0
    second = int(parts["second"]) if parts.get("second") else 0
    ampm = (parts.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not 1900 <= year <= 2100:
        return None
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
