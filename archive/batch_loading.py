"""Prepared articles in, rows out, many articles per transaction: the import's writer when there are many files.

The rules are loading.py's (identity, curation wins, speakers by alias, topics only add); what changes is how many
queries they take. A batch of new articles is written with one insert per table (articles, speakers, aliases,
quotes, topic links) and read with one query per kind of lookup, instead of a dozen queries per article. An article
the archive already has (or an earlier one of the same batch) goes through ``ArchiveLoader.load``, in its place in
the order, so the archive is the one that loading the files one by one would give. When anything in a batch fails,
the batch is rolled back and its articles are loaded again one per transaction: one bad file never costs the others
their import, and its error names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import TypeVar

from django.db import transaction

from .ingest.parsed import ParsedArticle
from .ingest.prepare import PreparedArticle
from .loading import CREATED, FAILED, ArchiveLoader, ImportOutcome, load_for_import, new_quote
from .models import Article, Quote
from .published import stored_instant, utc_offset_minutes
from .slugs import unique_slugs
from .speaker_resolution import SpeakerResolver

__all__ = ["BATCH_SIZE", "load_batch_for_import", "load_in_batches"]

# Articles per transaction: enough to share each query among many articles, few enough that a page or an editor
# waiting for SQLite's write lock waits for a fraction of a second.
BATCH_SIZE = 50

Source = TypeVar("Source")  # what a caller names each article by (a path, in the import)


def load_in_batches(
    loader: ArchiveLoader,
    results: Iterable[tuple[Source, tuple[PreparedArticle | ParsedArticle | None, str]]],
    *,
    dry_run: bool = False,
    size: int = BATCH_SIZE,
) -> Iterator[tuple[Source, ImportOutcome]]:
    """Each source's outcome, in the sources' order: the parsed articles (or why there is none) loaded ``size`` at
    a time."""
    pending: list[tuple[Source, PreparedArticle | ParsedArticle | None, str]] = []
    for source, (parsed, reason) in results:
        pending.append((source, parsed, reason))
        if len(pending) >= size:
            yield from _flush(loader, pending, dry_run)
            pending = []
    yield from _flush(loader, pending, dry_run)


def _flush(loader, pending, dry_run: bool) -> Iterator[tuple[Source, ImportOutcome]]:
    outcomes = iter(load_batch_for_import(loader, [parsed for _, parsed, _ in pending if parsed is not None], dry_run))
    for source, parsed, reason in pending:
        yield source, (ImportOutcome(FAILED, reason=reason) if parsed is None else next(outcomes))


def load_batch_for_import(
    loader: ArchiveLoader, items: list[PreparedArticle | ParsedArticle], dry_run: bool = False
) -> list[ImportOutcome]:
    """Load the articles in one transaction; should it fail, one transaction each. Never raises for an article."""
    if dry_run or len(items) < 2:
        return [load_for_import(loader, item, dry_run=dry_run) for item in items]
    try:
        prepared = [loader.prepare(item) for item in items]
        with transaction.atomic():
            results = BatchWriter(loader).load(prepared)
    except Exception:  # noqa: BLE001 - rolled back; each article is tried alone, and the one at fault says why
        return [load_for_import(loader, item) for item in items]
    return [
        ImportOutcome(action, len(item.parsed.quotes), flagged)
        for (action, flagged), item in zip(results, prepared, strict=True)
    ]


class BatchWriter:
    """One batch's writes, inside the caller's transaction."""

    def __init__(self, loader: ArchiveLoader) -> None:
        self.loader = loader

    def load(self, items: list[PreparedArticle]) -> list[tuple[str, int]]:
        """(action, quotes flagged) for each article, written in their order."""
        known = self.known_to_the_archive(items)
        results: list[tuple[str, int] | None] = [None] * len(items)
        fresh: list[int] = []
        for n, item in enumerate(items):
            if n in known:
                # An article the archive has, or had an earlier one in this batch: written in its turn, by the
                # one-article path that updates (or leaves alone) what is there.
                self.create(items, fresh, results)
                fresh = []
                result = self.loader.load(item)
                results[n] = (result.action, result.quotes_flagged)
            else:
                fresh.append(n)
        self.create(items, fresh, results)
        return results

    @staticmethod
    def known_to_the_archive(items: list[PreparedArticle]) -> set[int]:
        """The positions of the articles that loading.ArchiveLoader.find_existing would find, in the archive or
        among the batch's earlier articles: by url, by (outlet, title, date), by content hash."""
        parsed = [item.parsed for item in items]
        urls = {p.url for p in parsed if p.url}
        # find_existing looks an article up by (outlet, title, date) only when it has a title and an outlet or a date.
        titled = {n for n, p in enumerate(parsed) if p.title and (p.outlet or p.published_at)}
        articles = Article.objects.order_by()
        seen_urls = set(articles.filter(url__in=urls).values_list("url", flat=True)) if urls else set()
        seen_hashes = set(articles.filter(content_hash__in={p.content_hash for p in parsed}).values_list(
            "content_hash", flat=True))  # fmt: skip
        seen_identities = set()
        if titled:
            # Outlet and title first: the (outlet, title, published_at) index answers; the dates are compared here.
            outlets, titles = {parsed[n].outlet for n in titled}, {parsed[n].title for n in titled}
            identities = articles.filter(outlet__in=outlets, title__in=titles)
            seen_identities = set(identities.values_list("outlet", "title", "published_at"))
        known = set()
        for n, p in enumerate(parsed):
            identity = (p.outlet, p.title, stored_instant(p.published_at))
            if (
                (p.url and p.url in seen_urls)
                or (n in titled and identity in seen_identities)
                or p.content_hash in seen_hashes
            ):
                known.add(n)
            seen_urls.add(p.url)
            seen_hashes.add(p.content_hash)
            seen_identities.add(identity)
        return known

    def create(self, items: list[PreparedArticle], positions: list[int], results: list) -> None:
        """Write new articles with their speakers, quotes and topic links: one insert per table."""
        if not positions:
            return
        batch = [items[n] for n in positions]
        texts = [item.parsed.title or PurePath(item.parsed.source_file).stem for item in batch]
        articles = [new_article(item, slug) for item, slug in zip(batch, unique_slugs(Article, texts), strict=True)]
        Article.objects.bulk_create(articles)
        resolver = SpeakerResolver(speaker for item in batch for speaker in item.speakers)
        speakers = [resolver.resolve(item.speakers) for item in batch]
        resolver.save()
        quotes = [
            (new_quote(article, pq, found.get(pq.speaker) if pq.speaker else None), topics)
            for article, item, found in zip(articles, batch, speakers, strict=True)
            for pq, topics in zip(item.parsed.quotes, item.quote_topics, strict=True)
        ]
        # bulk_create gives the rows their ids (SQLite and PostgreSQL), which the topic links need.
        Quote.objects.bulk_create([quote for quote, _ in quotes])
        self.loader.add_topic_links(Quote, [(quote.pk, topics) for quote, topics in quotes])
        self.loader.add_topic_links(Article, [(a.pk, item.topics) for a, item in zip(articles, batch, strict=True)])
        for n in positions:
            results[n] = (CREATED, 0)


def new_article(item: PreparedArticle, slug: str) -> Article:
    """The row ArchiveLoader.save_article makes of a new article (save() adds nothing to a new article)."""
    parsed = item.parsed
    fields = {name: getattr(parsed, name) for name in ("title", "subtitle", "outlet", "section", "author", "url")}
    return Article(
        **fields,
        slug=slug,
        source_file=parsed.source_file,
        published_at=stored_instant(parsed.published_at),
        published_utc_offset=utc_offset_minutes(parsed.published_at),
        body=parsed.body,
        raw_text=parsed.raw_text,
        content_hash=parsed.content_hash,
        import_warnings=list(parsed.warnings),
        extraction_hash=item.fingerprint,
    )
