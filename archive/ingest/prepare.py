"""A parsed article made ready for the writer: everything the load needs that no database answers (the metadata cut
to its columns, the extraction's fingerprint, topic suggestions, name keys), computed where the parsing runs.

An import's writer is one process; its parsing workers are many. Whatever the writer can be spared runs here, in
the workers, so that the writer only reads and writes rows. The result is plain values: it crosses from a worker
process to the writer by pickling.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from .language.names import key as name_key
from .parsed import ParsedArticle, ParsedSpeaker
from .topics import TopicMatcher

__all__ = ["ColumnLimits", "PreparedArticle", "PreparedSpeaker", "Preparer", "extraction_hash", "fit_to_columns"]


@dataclass(frozen=True)
class ColumnLimits:
    """The lengths of the columns parsed text goes into (read from the models by the writer, which owns them)."""

    article: Mapping[str, int]  # title, outlet, section, author, source_file, url
    alias_name: int  # a speaker alias's name and key


@dataclass(frozen=True)
class PreparedSpeaker:
    """One parsed speaker with the name keys that find them across the archive."""

    name: str  # as the article's quotes name them (ParsedSpeaker.name)
    description: str
    forms: tuple[str, ...]  # every printed form, cut to the alias column, the fullest first, without repeats
    form_keys: tuple[str, ...]  # each form's name key, cut to the column: what a new alias stores
    # The keys that look the speaker up: full names only, as a surname alone names nobody across articles (two
    # Aliyevs must stay two people); the bare name's key when no form is a full name.
    lookup_keys: tuple[str, ...]


@dataclass(frozen=True)
class PreparedArticle:
    """What the writer loads: the parsed article (metadata cut to the columns) and what was computed for it."""

    parsed: ParsedArticle
    fingerprint: str  # extraction_hash(parsed): an unchanged re-import writes nothing
    topics: tuple[str, ...]  # slugs of the topics suggested for the article (title, subtitle, body)
    quote_topics: tuple[tuple[str, ...], ...]  # for each of parsed.quotes, the slugs suggested for it
    speakers: tuple[PreparedSpeaker, ...]


@dataclass(frozen=True)
class Preparer:
    """The topic rules and column limits of one import run; called on each parsed article (picklable)."""

    matcher: TopicMatcher
    limits: ColumnLimits

    def __call__(self, parsed: ParsedArticle) -> PreparedArticle:
        parsed = fit_to_columns(parsed, self.limits)
        return PreparedArticle(
            parsed=parsed,
            fingerprint=extraction_hash(parsed),
            topics=tuple(self.matcher.match(f"{parsed.title}\n{parsed.subtitle}\n{parsed.body}")),
            quote_topics=tuple(tuple(self.matcher.match(quote.text)) for quote in parsed.quotes),
            speakers=tuple(prepare_speaker(speaker, self.limits.alias_name) for speaker in parsed.speakers),
        )


def prepare_speaker(speaker: ParsedSpeaker, name_length: int) -> PreparedSpeaker:
    forms = [form[:name_length] for form in (speaker.name, *speaker.variants)]
    full_names = [name_key(form) for form in forms if len(name_key(form).split()) > 1]
    unique_forms = tuple(dict.fromkeys(forms))
    return PreparedSpeaker(
        name=speaker.name,
        description=speaker.description,
        forms=unique_forms,
        form_keys=tuple(name_key(form)[:name_length] for form in unique_forms),
        lookup_keys=tuple(full_names or [name_key(speaker.name)]),
    )


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


def fit_to_columns(parsed: ParsedArticle, limits: ColumnLimits) -> ParsedArticle:
    """Cut metadata longer than its column, with a warning: PostgreSQL refuses such a value, and the article
    must not be lost (nor stored whole on SQLite and refused on PostgreSQL) for an overlong title."""
    changes: dict[str, str] = {}
    notes: list[str] = []
    for name in ("title", "outlet", "section", "author", "source_file"):
        value, limit = getattr(parsed, name), limits.article[name]
        if len(value) > limit:
            changes[name] = value[: limit - 1].rstrip() + "…"
            notes.append(f"{name} cut to {limit} characters")
    if len(parsed.url) > limits.article["url"]:
        changes["url"] = ""  # a cut address leads nowhere
        notes.append(f"url of {len(parsed.url):,} characters dropped")
    if not changes:
        return parsed
    return dataclasses.replace(parsed, **changes, warnings=[*parsed.warnings, *notes])
