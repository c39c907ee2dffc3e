"""A document's bytes and name in, a ParsedArticle out: the one entry point of the ingest package."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from . import people, read
from .layout import html_page, page_copy
from .parsed import Layout, ParsedArticle
from .quotes import spans
from .read import content_hash

__all__ = ["parse_document", "parse_path"]


def parse_document(data: bytes, name: str) -> ParsedArticle:
    """Parse one document; raises read.UnreadableDocument with a one-line reason."""
    raw = read.decode(data)
    layout = without_controls(html_page.parse_html(raw) if read.is_html(name) else page_copy.parse_text(raw))
    if not layout.body.strip():
        raise read.UnreadableDocument("no article text found")
    # The title and standfirst may name the interviewee of a Q&A whose body never does.
    found = spans.extract_quotes(layout.body, header=f"{layout.title}\n{layout.subtitle}")
    speakers = people.fold_speakers(found)
    # Every field of the layout (title, outlet, date, body ...) carries over under the same name.
    metadata = {f.name: getattr(layout, f.name) for f in fields(Layout) if f.name != "warnings"}
    return ParsedArticle(
        source_file=name,
        raw_text=raw,
        content_hash=content_hash(layout.body),
        speakers=speakers.speakers,
        quotes=speakers.quotes,
        warnings=list(layout.warnings),
        **metadata,
    )


def without_controls(layout: Layout) -> Layout:
    """The layout with no control characters in any text: an HTML page's entities (`&#27;`) and JSON-LD escapes
    (`\\u0000`) make them after decoding. Done before the quotes are found, so their offsets hold."""
    texts = {f.name: getattr(layout, f.name) for f in fields(Layout) if isinstance(getattr(layout, f.name), str)}
    return replace(layout, **{name: read.without_controls(value) for name, value in texts.items()})


def parse_path(path: Path, max_bytes: int = read.DEFAULT_MAX_BYTES) -> ParsedArticle:
    return parse_document(read.read_bytes(path, max_bytes), path.name)
