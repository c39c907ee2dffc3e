"""Article files in, plain dataclasses out: the extraction, with no Django in it.

The stages, in the order a document goes through them:

- ``read``: bytes to text (size, binary and encoding checks, line endings);
- ``layout/``: where the article is and what the page says about it: plain-text page copies (``page_copy``) and
  HTML pages (``html_page``), each giving a ``Layout`` (title, kicker, outlet, section, date, byline, clean body);
- ``quotes/``: quote spans in the body and the printed words (cues) that name who speaks;
- ``people``: the cues resolved to people, every spelling folded into one;
- ``topics``: keyword rules;
- ``pipeline``: all of it for one document, ``parse_document(bytes, name) -> ParsedArticle``.

``language/`` holds the word handling the stages share: tokens and speech verbs, names, roles.
"""

from .parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from .pipeline import parse_document
from .read import UnreadableDocument, content_hash, find_documents, is_supported, read_bytes

__all__ = [
    "ParsedArticle",
    "ParsedQuote",
    "ParsedSpeaker",
    "UnreadableDocument",
    "content_hash",
    "find_documents",
    "is_supported",
    "parse_document",
    "read_bytes",
]
