"""What a quote or article page tells the sites it is shared on: Open Graph and Twitter card tags, schema.org
JSON-LD (`Quotation`, `NewsArticle`), and the embed snippet a reader pastes into their own page.

Imported text goes out as data: the tags are escaped by the templates, and the JSON-LD is written by
`json_ld`, which escapes <, > and & so that no text can close the <script> element it sits in.
"""

from __future__ import annotations

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from .models import Article, Quote

SITE_NAME = "Quote archive"


def web_address(url: str) -> str:
    """The address if it is an http(s) one, else "": an imported "javascript:" URL must not become a link."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def speaker_name(quote: Quote) -> str:
    return quote.speaker.name if quote.speaker else "An unknown speaker"


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> block: a data block the browser never runs, so the CSP allows it."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped above


def _date(value) -> str | None:
    return value.isoformat() if value else None


def article_ld(article: Article, url: str = "") -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": article.display_title,
        "datePublished": _date(article.published_as_printed),
        "publisher": {"@type": "Organization", "name": article.outlet} if article.outlet else None,
        "author": {"@type": "Person", "name": article.author} if article.author else None,
        "url": web_address(article.url) or url or None,
    }
    return {key: value for key, value in data.items() if value}


def quote_share(quote: Quote, permalink: str, image: str) -> dict:
    """The tags and JSON-LD of a quote's page."""
    article = quote.article
    name = speaker_name(quote)
    title = f"{name}: “{Truncator(quote.text).chars(90)}”"
    source = ", ".join(part for part in (article.display_title, article.outlet) if part)
    ld = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": quote.text,
        "url": permalink,
        "identifier": quote.public_id,
        "spokenByCharacter": {"@type": "Person", "name": quote.speaker.name} if quote.speaker else None,
        "dateCreated": _date(quote.published_as_printed),
        "isPartOf": article_ld(article),
        "creativeWorkStatus": quote.get_status_display(),
    }
    return {
        "title": title,
        "description": f"{Truncator(quote.text).chars(280)} In “{source}”.",
        "url": permalink,
        "image": image,
        "image_alt": f"{name}: “{Truncator(quote.text).chars(200)}”",
        "type": "article",
        "card": "summary_large_image",
        "ld": json_ld({key: value for key, value in ld.items() if value}),
    }


def article_share(article: Article, page_url: str) -> dict:
    description = article.subtitle or Truncator(article.body).words(40)
    return {
        "title": article.display_title,
        "description": Truncator(description).chars(280),
        "url": page_url,
        "image": "",
        "type": "article",
        "card": "summary",
        "ld": json_ld({"@context": "https://schema.org", **article_ld(article, page_url)}),
    }


def embed_html(quote: Quote, permalink: str) -> str:
    """A self-contained <blockquote> for another site: the words, who said them, a link back. Plain text to copy,
    shown escaped on the page."""
    return format_html(
        '<blockquote class="quote-archive-embed" cite="{}"><p>{}</p><footer>— {}, <a href="{}">{}</a></footer>'
        "</blockquote>",
        permalink,
        quote.text,
        speaker_name(quote),
        permalink,
        SITE_NAME,
    )
