"""An HTML page as text in, a Layout out: metadata from what the page declares, and its main text as paragraphs.

Metadata comes from, best first: JSON-LD (an Article, also inside ``@graph``), Open Graph and ``article:*`` meta
tags, plain meta tags, ``<time datetime>``, bylines and ``<title>``. The main text is html_main_text.py's (trafilatura
reconciled with our own scorer). Nothing here raises on a bad page: what cannot be read becomes a warning.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import warnings as warnings_module
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from ..parsed import Layout
from . import dates, html_fields, html_main_text, html_scorer

__all__ = ["parse_html"]

ARTICLE_TYPES = (
    "Article",
    "BlogPosting",
    "NewsArticle",
    "Report",
    "Posting",
)  # SocialMediaPosting too  # any @type ending in one of these
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")
BY = re.compile(r"^\s*(by|from|von|par|por|di)\s+", re.I)
SPACES = re.compile(r"\s+")
JSON_LD_TYPE = re.compile(r"ld\+json", re.I)
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
)


def parse_html(raw: str) -> Layout:
    """Read one page; never raises (a page that defeats the parser comes back as flat text with a warning)."""
    # Broad catches on purpose: a third-party page must never stop an import, and the warning names the failure.
    warnings: list[str] = []
    try:
        with warnings_module.catch_warnings():
            # "looks like a URL/filename": the page is read whatever it looks like, and a bad one is reported.
            warnings_module.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(raw, "lxml")
    except Exception as exc:
        warnings.append(f"page could not be parsed ({type(exc).__name__}); text taken without layout")
        return Layout(body=html_scorer.flat_text(raw), warnings=tuple(warnings))
    try:
        meta = read_metadata(soup)
    except Exception as exc:
        warnings.append(f"metadata not read ({type(exc).__name__})")
        meta = {}
    try:
        paragraphs, found = html_main_text.main_paragraphs(raw, soup)
        warnings.extend(found)
    except Exception as exc:
        warnings.append(f"main text not found ({type(exc).__name__}); text taken without layout")
        paragraphs = html_scorer.flat_text(raw).split("\n\n")
    title = meta.get("title", "")
    if paragraphs and title and fold(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]  # engines sometimes keep the headline as the first paragraph
    body = "\n\n".join(p for p in paragraphs if p)
    if not body:
        warnings.append("no main text found")
    published = meta.get("published_at")
    if published is not None and published.tzinfo is None and (published.hour or published.minute):
        warnings.append("the page prints its time without a zone: kept as printed")
    return Layout(
        title=title,
        subtitle=meta.get("description", ""),
        outlet=meta.get("outlet", ""),
        section=meta.get("section", ""),
        author=meta.get("author", ""),
        published_at=meta.get("published_at"),
        url=meta.get("url", ""),
        body=body,
        warnings=tuple(warnings),
    )


class PageTags:
    """The page's elements in document order, and by tag name, from one walk of the tree: each metadata reader
    asks for a few names (title, meta, script, link, time), and a find_all per reader walked the whole page again
    (most of the metadata's cost on big pages)."""

    def __init__(self, soup: BeautifulSoup):
        self.all: list[Tag] = [node for node in soup.descendants if isinstance(node, Tag)]
        self.by_name: dict[str, list[Tag]] = {}
        for tag in self.all:
            self.by_name.setdefault(tag.name, []).append(tag)

    def named(self, name: str) -> list[Tag]:
        return self.by_name.get(name, [])


def read_metadata(soup: BeautifulSoup) -> dict:
    """Title, outlet, section, author, description, url and published_at, each from its best source."""
    tags = PageTags(soup)
    metas = meta_tags(tags)
    article = json_ld_article(tags)
    headings = tags.named("h1")
    outlet = first(metas.get("og:site_name"), org_name(article.get("publisher")), metas.get("application-name"))
    title = html_fields.choose_title(
        fold(text_of(article.get("headline"))),
        fold(first(metas.get("og:title"), metas.get("twitter:title"))),
        fold(page_title(tags)),
        fold(headings[0].get_text(" ")) if headings else "",
    )
    return {
        "title": html_fields.strip_bracketed_site(strip_site(title, fold(outlet)), fold(outlet)),
        "outlet": fold(outlet),
        "description": fold(
            first(text_of(article.get("description")), metas.get("og:description"), metas.get("description"))
        ),
        "section": fold(first(text_of(article.get("articleSection")), metas.get("article:section"))),
        "author": find_author(tags, article, metas),
        "url": find_url(tags, article, metas),
        "published_at": find_date(tags, article, metas),
    }


def page_title(tags: PageTags) -> str:
    """The document's <title>, not an SVG icon's (which lxml also calls title)."""
    for title in tags.named("title")[:5]:
        if not any(parent.name == "svg" for parent in title.parents):
            return title.get_text()
    return ""


def meta_tags(tags: PageTags) -> dict[str, str]:
    """Meta tag values by lower-cased name or property; the first one of a name wins."""
    found: dict[str, str] = {}
    for tag in tags.named("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            # Markup inside a value (a <script> in og:title) is not text to keep.
            found.setdefault(key.strip().lower(), html_fields.strip_markup(value.strip()))
    return found


def json_ld_article(tags: PageTags) -> dict:
    """The first Article-like JSON-LD object on the page, or {} (broken JSON is skipped: it is common)."""
    scripts = (tag for tag in tags.named("script") if JSON_LD_TYPE.search(str(tag.get("type") or "")))
    for script in scripts:
        source = script.string or script.get_text()
        try:
            data = json.loads(clean_json(source), strict=False)
        except (ValueError, RecursionError):
            continue
        for item in walk_json(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.endswith(ARTICLE_TYPES) for t in types):
                return item
    return {}


def clean_json(source: str) -> str:
    source = source.strip()
    source = re.sub(r"^(<!--|<!\[CDATA\[)|(-->|\]\]>)$", "", source).strip()
    return re.sub(r",\s*([}\]])", r"\1", source)  # trailing commas, which CMS templates leave behind


def walk_json(data: object, depth: int = 0) -> Iterator[dict]:
    """Objects of a JSON-LD document in reading order: top level, list items, @graph members, mainEntity."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from walk_json(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from walk_json(data[key], depth + 1)


def find_author(tags: PageTags, article: dict, metas: dict[str, str]) -> str:
    names = person_names(article.get("author"))
    if not names:
        metas_named = (metas.get("author"), metas.get("article:author"), metas.get("dc.creator"), metas.get("byl"))
        names = [v for v in metas_named if v]
        names = [n for n in names if not n.startswith(("http://", "https://", "www."))][:1]
    if not names:
        names = [name for name in [html_fields.byline_from_page(tags.all)] if name]
    cleaned = []
    for name in names:
        name = html_fields.clean_byline(BY.sub("", fold(name)).strip(" ,;|"))
        if name and name not in cleaned:
            cleaned.append(name)
    return ", ".join(cleaned)


def person_names(value: object) -> list[str]:
    """Author names from a JSON-LD author: a string, a Person, or a list of either."""
    if isinstance(value, list):
        return [name for item in value for name in person_names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        return [fold(name)] if isinstance(name, str) and fold(name) else []
    if isinstance(value, str) and value.strip() and not value.startswith(("http://", "https://")):
        return [fold(value)]
    return []


def org_name(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return text_of(value.get("name"))
    return text_of(value)


def find_url(tags: PageTags, article: dict, metas: dict[str, str]) -> str:
    canonical = next((link for link in tags.named("link") if "canonical" in (link.get("rel") or ())), None)
    entity = article.get("mainEntityOfPage")
    candidates = (
        canonical.get("href") if canonical else None,
        metas.get("og:url"),
        text_of(article.get("url")),
        entity.get("@id") if isinstance(entity, dict) else entity,
    )
    for url in candidates:
        if isinstance(url, str) and url.strip().startswith(("http://", "https://")):
            return url.strip()
    return ""


def find_date(tags: PageTags, article: dict, metas: dict[str, str]) -> datetime | None:
    values = [text_of(article.get("datePublished")), text_of(article.get("dateCreated"))]
    values += [metas.get(name) for name in DATE_META]
    published = next((tag for tag in tags.all if tag.get("itemprop") == "datePublished"), None)
    if published is not None:
        values.append(published.get("datetime") or published.get("content") or "")
    values += [time.get("datetime") for time in tags.named("time") if time.has_attr("datetime")][:3]
    for value in values:
        if isinstance(value, str) and value.strip():
            parsed = parse_datetime(value)
            if parsed is not None:
                parsed = html_fields.with_printed_zone(parsed, value)  # "07:47 PM EST" keeps its offset
            # Templates print placeholders such as 0001-01-01 when the date field is empty.
            if parsed is not None and 1900 <= parsed.year <= 2100:
                return parsed
    return None


def parse_datetime(value: str) -> datetime | None:
    """ISO 8601 (aware when it carries an offset, naive otherwise), RFC 2822, or a date as printed."""
    value = value.strip()
    iso = re.sub(r"^(\d{4}-\d{2}-\d{2}) (\d)", r"\1T\2", value)
    iso = re.sub(r"(\.\d{6})\d+", r"\1", iso)  # nanoseconds
    iso = re.sub(r"\s*(UTC|GMT)$", "Z", iso)
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dates.parse_date(value)
    except (ValueError, OverflowError):
        return None


def strip_site(title: str, outlet: str) -> str:
    """Drop a trailing " | Site" (or " - Site", ...) when it is the site's name, or a leading "Site | "."""
    if not outlet:
        return title
    key = outlet.casefold()
    for separator in TITLE_SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        if sep and head and tail.strip().casefold() == key:
            return head.strip()
        lead, sep, rest = title.partition(separator)
        if sep and rest and lead.strip().casefold() == key:
            return rest.strip()
    return title


def text_of(value: object) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return value.strip() if isinstance(value, str) else ""


def first(*values: str | None) -> str:
    return next((v for v in values if isinstance(v, str) and v.strip()), "")


def fold(text: str) -> str:
    """One line, single spaces, entities decoded: JSON-LD and meta values are often escaped twice by CMSs."""
    return SPACES.sub(" ", html_lib.unescape(text)).strip()
