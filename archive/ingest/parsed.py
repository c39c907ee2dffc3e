"""The dataclasses the ingest modules hand to the loader: plain values, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["Layout", "ParsedArticle", "ParsedQuote", "ParsedSpeaker", "QUOTE_KINDS"]

QUOTE_KINDS = ("direct", "interview_answer", "reported")


@dataclass(frozen=True)
class Layout:
    """Metadata and clean body of one document, as text.py or html.py read it."""

    title: str = ""
    subtitle: str = ""
    outlet: str = ""
    section: str = ""
    author: str = ""
    published_at: datetime | None = None
    url: str = ""
    body: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedSpeaker:
    """One person quoted in an article: the fullest name, a role, and every form printed."""

    name: str
    description: str = ""
    variants: tuple[str, ...] = ()  # other forms of the name printed in the article


@dataclass(frozen=True)
class ParsedQuote:
    """A quote as a span of the article body: body[start:end] == text."""

    text: str
    start: int
    end: int
    kind: str  # one of QUOTE_KINDS
    speaker: str | None  # ParsedSpeaker.name, or None when nobody can be named
    attribution: str = ""  # the words that named the speaker, as printed ("the Azeri foreign minister")


@dataclass
class ParsedArticle:
    source_file: str
    raw_text: str
    content_hash: str
    title: str = ""
    subtitle: str = ""
    outlet: str = ""
    section: str = ""
    author: str = ""
    published_at: datetime | None = None
    url: str = ""
    body: str = ""
    speakers: list[ParsedSpeaker] = field(default_factory=list)
    quotes: list[ParsedQuote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
