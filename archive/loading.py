"""ParsedArticle in, rows out: one atomic transaction per article, idempotent, curation kept.

Rules (docs/architecture.md):
- the same article read twice is one article: match on url, then (outlet, title, date), then content hash;
- an article whose text and extraction are unchanged is left alone ("unchanged");
- a re-import never touches a quote an editor verified, rejected or edited; it re-anchors those to their
  text in the new body, or flags them (``anchored=False``) when the text is gone;
- unreviewed quotes are updated in place, so their permalinks survive a re-import;
- speakers are found across the whole archive through their aliases, so a merged speaker is never
  re-created: its names live on as aliases of the speaker it was merged into;
- topic suggestions only ever add: an editor's topics are never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from django.db import transaction

from .curation import find_anchor
from .import_parsing import parse_file, parse_for_import
from .ingest.parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from .ingest.prepare import ColumnLimits, PreparedArticle, Preparer, extraction_hash, fit_to_columns, prepare_speaker
from .ingest.topics import TopicMatcher
from .models import Article, Quote, Speaker, SpeakerAlias, Topic
from .published import stored_instant, utc_offset_minutes
from .slugs import unique_slug
from .speaker_resolution import SpeakerResolver

__all__ = [
    "CREATED", "FAILED", "UNCHANGED", "UPDATED", "ArchiveLoader", "ImportOutcome", "LoadResult",
    "extraction_hash", "fit_to_columns", "import_document", "import_file", "load_for_import",
]  # fmt: skip

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"


@dataclass(frozen=True)
class LoadResult:
    action: str  # CREATED, UPDATED or UNCHANGED
    article: Article
    quotes_created: int = 0
    quotes_flagged: int = 0


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one document did: its action, or FAILED with a one-line reason."""

    action: str  # CREATED, UPDATED, UNCHANGED or FAILED
    quotes: int = 0  # quotes the extraction found
    quotes_flagged: int = 0  # curated quotes whose text is gone from the new body
    reason: str = ""  # why it FAILED


class _DryRunRollback(Exception):
    """Raised inside a dry run's transaction so that nothing is written."""


def import_document(loader: ArchiveLoader, data: bytes, name: str, *, dry_run: bool = False) -> ImportOutcome:
    """Parse one document and load it in its own transaction; never raises for a bad document."""
    parsed, reason = parse_for_import(data, name)
    if parsed is None:
        return ImportOutcome(FAILED, reason=reason)
    return load_for_import(loader, parsed, dry_run=dry_run)


def load_for_import(
    loader: ArchiveLoader, parsed: ParsedArticle | PreparedArticle, *, dry_run: bool = False
) -> ImportOutcome:
    """The writing half: one transaction, rolled back on any error (or always, in a dry run)."""
    try:
        with transaction.atomic():
            result = loader.load(parsed)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    except Exception as exc:  # noqa: BLE001 - the article's transaction is rolled back; the others go on
        return ImportOutcome(FAILED, reason=f"could not be saved ({type(exc).__name__}: {exc})")
    quotes = parsed.parsed.quotes if isinstance(parsed, PreparedArticle) else parsed.quotes
    return ImportOutcome(result.action, len(quotes), result.quotes_flagged)


def import_file(loader: ArchiveLoader, path: Path, max_bytes: int, *, dry_run: bool = False) -> ImportOutcome:
    """Read one file (refused over max_bytes) and import it."""
    parsed, reason = parse_file(path, max_bytes)
    if parsed is None:
        return ImportOutcome(FAILED, reason=reason)
    return load_for_import(loader, parsed, dry_run=dry_run)


# The fields of a quote that a re-import may rewrite on an unreviewed quote.
EXTRACTED_FIELDS = ("start", "end", "kind", "speaker", "attribution")
NAME_LENGTH = SpeakerAlias._meta.get_field("name").max_length
COLUMN_LIMITS = ColumnLimits(
    article={
        name: Article._meta.get_field(name).max_length
        for name in ("title", "outlet", "section", "author", "source_file", "url")
    },
    alias_name=NAME_LENGTH,
)


class ArchiveLoader:
    """Writes parsed articles into the archive. Build one per import run: it compiles the topic rules once, and its
    ``preparer`` does, in the parsing workers, whatever of the load needs no database (see ingest/prepare.py)."""

    def __init__(self) -> None:
        topics = list(Topic.objects.only("id", "slug", "keywords"))
        self.topic_ids = {t.slug: t.pk for t in topics}
        self.matcher = TopicMatcher({t.slug: t.keyword_list() for t in topics})
        self.preparer = Preparer(self.matcher, COLUMN_LIMITS)

    def prepare(self, parsed: ParsedArticle | PreparedArticle) -> PreparedArticle:
        return parsed if isinstance(parsed, PreparedArticle) else self.preparer(parsed)

    @transaction.atomic
    def load(self, parsed: ParsedArticle | PreparedArticle) -> LoadResult:
        prepared = self.prepare(parsed)
        parsed, fingerprint = prepared.parsed, prepared.fingerprint
        article = self.find_existing(parsed)
        if article is not None and article.extraction_hash == fingerprint:
            return LoadResult(UNCHANGED, article)
        action = CREATED if article is None else UPDATED
        article = self.save_article(article, parsed, fingerprint)
        resolver = SpeakerResolver(prepared.speakers)
        speakers = resolver.resolve(prepared.speakers)
        resolver.save()
        created, flagged = self.sync_quotes(article, prepared, speakers)
        self.add_topic_links(Article, [(article.pk, prepared.topics)])
        return LoadResult(action, article, created, flagged)

    def find_existing(self, parsed: ParsedArticle) -> Article | None:
        articles = Article.objects.all()
        if parsed.url:
            found = articles.filter(url=parsed.url).first()
            if found:
                return found
        if parsed.title and (parsed.outlet or parsed.published_at):
            found = articles.filter(
                outlet=parsed.outlet, title=parsed.title, published_at=stored_instant(parsed.published_at)
            ).first()
            if found:
                return found
        return articles.filter(content_hash=parsed.content_hash).first()

    def save_article(self, article: Article | None, parsed: ParsedArticle, fingerprint: str) -> Article:
        if article is None:
            article = Article(slug=unique_slug(Article, parsed.title or PurePath(parsed.source_file).stem))
        for field in ("title", "subtitle", "outlet", "section", "author", "url", "source_file"):
            setattr(article, field, getattr(parsed, field))
        article.published_at = stored_instant(parsed.published_at)
        article.published_utc_offset = utc_offset_minutes(parsed.published_at)
        article.body = parsed.body
        article.raw_text = parsed.raw_text
        article.content_hash = parsed.content_hash
        article.import_warnings = list(parsed.warnings)
        article.extraction_hash = fingerprint
        article.save()
        return article

    def resolve_speakers(self, parsed_speakers: list[ParsedSpeaker]) -> dict[str, Speaker]:
        """The archive's speaker for each parsed one (by its name), found through any full-name alias, else a new
        one, in three queries however many (speaker_resolution.py)."""
        wanted = [prepare_speaker(parsed, NAME_LENGTH) for parsed in parsed_speakers]
        resolver = SpeakerResolver(wanted)
        resolved = resolver.resolve(wanted)
        resolver.save()
        return resolved

    def sync_quotes(self, article: Article, prepared: PreparedArticle, speakers: dict[str, Speaker]) -> tuple[int, int]:
        """Bring the article's quotes in line with the extraction; returns (created, flagged)."""
        # Locked until the article's transaction ends: an editor's verify or reassignment committed between this
        # read and the saves below would otherwise be overwritten (PostgreSQL; SQLite's writer lock serialises
        # them anyway). The editor's write waits for the import of this one article, then lands on top of it.
        existing = list(article.quotes.select_for_update().order_by("pk"))
        curated = [q for q in existing if q.status != Quote.Status.UNREVIEWED or q.edited]
        flagged = self.reanchor(article, curated)
        taken_spans = [(q.start, q.end) for q in curated if q.anchored]
        reusable = {(q.text, q.start): q for q in existing if q not in curated}
        by_text = {}
        for q in reusable.values():
            by_text.setdefault(q.text, q)

        keep, new, kept_topics = set(), [], []
        for pq, topics in zip(prepared.parsed.quotes, prepared.quote_topics, strict=True):
            if any(pq.start < end and start < pq.end for start, end in taken_spans):
                continue  # an editor's quote holds this span
            speaker = speakers.get(pq.speaker) if pq.speaker else None
            quote = reusable.get((pq.text, pq.start)) or by_text.get(pq.text)
            if quote is not None and quote.pk not in keep:
                keep.add(quote.pk)
                quote.start, quote.end, quote.kind = pq.start, pq.end, pq.kind
                quote.speaker, quote.attribution = speaker, pq.attribution[:300]
                # Only what the extraction decides: the status and the edited flag are the editor's.
                quote.save(update_fields=[*EXTRACTED_FIELDS, *Quote.ARTICLE_COPIES, "updated_at"])
                kept_topics.append((quote.pk, topics))
            else:
                new.append((new_quote(article, pq, speaker), topics))
        stale = [q.pk for q in reusable.values() if q.pk not in keep]
        Quote.objects.filter(pk__in=stale).delete()
        # bulk_create sets primary keys on SQLite and PostgreSQL, so the topic links can be made in one go.
        Quote.objects.bulk_create([quote for quote, _ in new])
        self.add_topic_links(Quote, kept_topics)
        self.add_topic_links(Quote, [(quote.pk, topics) for quote, topics in new])
        return len(new), flagged

    @staticmethod
    def reanchor(article: Article, curated: list[Quote]) -> int:
        """Point curated quotes at their text in the (possibly changed) body; flag those whose text is gone."""
        flagged = 0
        for quote in curated:
            if article.body[quote.start : quote.end] == quote.text:
                found = quote.start
            else:
                found = find_anchor(article.body, quote.text, quote.start)
            if found is None:
                flagged += 1
                if quote.anchored:
                    quote.anchored = False
                    quote.save(update_fields=["anchored", "updated_at"])
                continue
            if (found, quote.anchored) != (quote.start, True):
                quote.start, quote.end, quote.anchored = found, found + len(quote.text), True
                quote.save(update_fields=["start", "end", "anchored", "updated_at"])
        return flagged

    def add_topic_links(self, model, suggested: list[tuple[int, tuple[str, ...]]]) -> None:
        """Link each row (by id) to its suggested topics (by slug), in one insert. Suggestions only add: an
        existing row's links (an editor's among them) stay, and a link it has already is skipped."""
        through = model.topics.through
        row = model._meta.model_name
        links = [
            through(**{f"{row}_id": pk, "topic_id": self.topic_ids[slug]}) for pk, slugs in suggested for slug in slugs
        ]
        through.objects.bulk_create(links, ignore_conflicts=True)


def new_quote(article: Article, parsed: ParsedQuote, speaker: Speaker | None) -> Quote:
    quote = Quote(
        article=article,
        text=parsed.text,
        start=parsed.start,
        end=parsed.end,
        kind=parsed.kind,
        speaker=speaker,
        attribution=parsed.attribution[:300],
    )
    quote.follow_article()  # bulk_create skips save(), which would copy the article's date and outlet
    return quote
