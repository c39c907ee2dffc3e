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

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.db import transaction

from .curation import find_anchor
from .import_parsing import parse_file, parse_for_import
from .ingest.parsed import ParsedArticle, ParsedQuote, ParsedSpeaker
from .ingest.topics import TopicMatcher
from .models import Article, Quote, Speaker, SpeakerAlias, Topic, name_key
from .published import stored_instant, utc_offset_minutes
from .slugs import unique_slug

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


def load_for_import(loader: ArchiveLoader, parsed: ParsedArticle, *, dry_run: bool = False) -> ImportOutcome:
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
    return ImportOutcome(result.action, len(parsed.quotes), result.quotes_flagged)


def import_file(loader: ArchiveLoader, path: Path, max_bytes: int, *, dry_run: bool = False) -> ImportOutcome:
    """Read one file (refused over max_bytes) and import it."""
    parsed, reason = parse_file(path, max_bytes)
    if parsed is None:
        return ImportOutcome(FAILED, reason=reason)
    return load_for_import(loader, parsed, dry_run=dry_run)


# Part of every fingerprint: raised when the loader starts storing more of what the parser gives, so that the next
# import refreshes articles it would otherwise skip as unchanged (2: the page's UTC offset).
LOADER_VERSION = 2


def extraction_hash(parsed: ParsedArticle) -> str:
    """Fingerprint of everything the extractor produced, to tell an unchanged re-import."""
    fields = dataclasses.asdict(parsed)
    fields["loader_version"] = LOADER_VERSION
    fields.pop("source_file")
    fields.pop("raw_text")
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()


def fit_to_columns(parsed: ParsedArticle) -> ParsedArticle:
    """Cut metadata longer than its column, with a warning: PostgreSQL refuses such a value, and the article
    must not be lost (nor stored whole on SQLite and refused on PostgreSQL) for an overlong title."""
    changes: dict[str, str] = {}
    notes: list[str] = []
    for name in ("title", "outlet", "section", "author", "source_file"):
        value, limit = getattr(parsed, name), Article._meta.get_field(name).max_length
        if len(value) > limit:
            changes[name] = value[: limit - 1].rstrip() + "…"
            notes.append(f"{name} cut to {limit} characters")
    if len(parsed.url) > Article._meta.get_field("url").max_length:
        changes["url"] = ""  # a cut address leads nowhere
        notes.append(f"url of {len(parsed.url):,} characters dropped")
    if not changes:
        return parsed
    return dataclasses.replace(parsed, **changes, warnings=[*parsed.warnings, *notes])


# The fields of a quote that a re-import may rewrite on an unreviewed quote.
EXTRACTED_FIELDS = ("start", "end", "kind", "speaker", "attribution")
NAME_LENGTH = SpeakerAlias._meta.get_field("name").max_length


class ArchiveLoader:
    """Writes parsed articles into the archive. Build one per import run: it compiles the topic rules once."""

    def __init__(self) -> None:
        topics = list(Topic.objects.only("id", "slug", "keywords"))
        self.topics_by_slug = {t.slug: t for t in topics}
        self.matcher = TopicMatcher({t.slug: t.keyword_list() for t in topics})

    @transaction.atomic
    def load(self, parsed: ParsedArticle) -> LoadResult:
        parsed = fit_to_columns(parsed)
        fingerprint = extraction_hash(parsed)
        article = self.find_existing(parsed)
        if article is not None and article.extraction_hash == fingerprint:
            return LoadResult(UNCHANGED, article)
        action = CREATED if article is None else UPDATED
        article = self.save_article(article, parsed, fingerprint)
        speakers = self.resolve_speakers(parsed.speakers)
        created, flagged = self.sync_quotes(article, parsed.quotes, speakers)
        self.suggest_article_topics(article)
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
        one. The article's speakers are resolved together from one read of the aliases by key and one by name,
        kept in a map that the speakers created here join, rather than a few queries per speaker."""
        wanted = []
        for parsed in parsed_speakers:
            forms = [form[:NAME_LENGTH] for form in (parsed.name, *parsed.variants)]
            # A surname alone names nobody across articles: two Aliyevs must stay two people.
            keys = [name_key(f) for f in forms if len(name_key(f).split()) > 1] or [name_key(parsed.name)]
            wanted.append((parsed, forms, keys))
        by_key: dict[str, Speaker] = {}
        aliases = SpeakerAlias.objects.filter(key__in={k for _, _, keys in wanted for k in keys})
        # Highest speaker id first, so that the lowest (the oldest speaker) is the one a key keeps.
        for alias in aliases.select_related("speaker").order_by("-speaker_id"):
            by_key[alias.key] = alias.speaker
        names = {f for _, forms, _ in wanted for f in forms}
        taken = set(SpeakerAlias.objects.filter(name__in=names).values_list("name", flat=True))
        resolved, new_aliases = {}, []
        for parsed, forms, keys in wanted:
            found = [by_key[k] for k in keys if k in by_key]
            speaker = min(found, key=lambda s: s.pk) if found else None
            if speaker is None:
                speaker = Speaker.objects.create(
                    name=forms[0], slug=unique_slug(Speaker, forms[0]), description=parsed.description
                )
            elif not speaker.description and parsed.description:
                speaker.description = parsed.description
                speaker.save(update_fields=["description", "updated_at"])
            for form in dict.fromkeys(forms):
                by_key.setdefault(name_key(form)[:NAME_LENGTH], speaker)
                if form not in taken:
                    taken.add(form)
                    new_aliases.append(SpeakerAlias(speaker=speaker, name=form, key=name_key(form)[:NAME_LENGTH]))
            resolved[parsed.name] = speaker
        SpeakerAlias.objects.bulk_create(new_aliases)
        return resolved

    def sync_quotes(
        self, article: Article, parsed_quotes: list[ParsedQuote], speakers: dict[str, Speaker]
    ) -> tuple[int, int]:
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

        keep, new = set(), []
        for pq in parsed_quotes:
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
                self.suggest_quote_topics(quote)
            else:
                new.append(
                    Quote(
                        article=article,
                        text=pq.text,
                        start=pq.start,
                        end=pq.end,
                        kind=pq.kind,
                        speaker=speaker,
                        attribution=pq.attribution[:300],
                    )
                )
        stale = [q.pk for q in reusable.values() if q.pk not in keep]
        Quote.objects.filter(pk__in=stale).delete()
        # bulk_create sets primary keys on SQLite and PostgreSQL, so the topic links can be made in one go.
        for quote in new:
            quote.follow_article()
        Quote.objects.bulk_create(new)
        Quote.topics.through.objects.bulk_create(
            [
                Quote.topics.through(quote_id=quote.pk, topic_id=self.topics_by_slug[slug].pk)
                for quote in new
                for slug in self.matcher.match(quote.text)
            ]
        )
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

    def suggest_article_topics(self, article: Article) -> None:
        slugs = self.matcher.match(f"{article.title}\n{article.subtitle}\n{article.body}")
        if slugs:
            article.topics.add(*(self.topics_by_slug[s] for s in slugs))

    def suggest_quote_topics(self, quote: Quote) -> None:
        slugs = self.matcher.match(quote.text)
        if slugs:
            quote.topics.add(*(self.topics_by_slug[s] for s in slugs))
