"""Finding a person by any spelling of their name: a reader's words in, speakers out.

Every printed form of a speaker's name is a SpeakerAlias with a folded key (`models.name_key`: case, accents,
dots and spacing), so "noem", "Nöem" and "NOEM" find the same person. Apostrophes are dropped on both sides
("O’Neill" ~ "oneill"). Each word typed must start a word of the same alias: "bride" finds Jim Bridenstine.
The words of the aliases are indexed (migration 0014: FTS5 on SQLite, a GIN index on PostgreSQL; a scan of every
alias took 9 ms at 10,000 articles, growing with the archive), and the answer is cut to `limit`.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace

from .models import Speaker, SpeakerAlias, name_key

MAX_WORDS = 6
ALIAS_WORDS = "archive_speakeralias_fts"  # SQLite: the FTS5 index of alias words
# PostgreSQL: the expression of migration 0014's GIN index (the planner uses it only for the same expression).
PG_ALIAS_WORDS = "to_tsvector('simple'::regconfig, REPLACE(archive_speakeralias.key, '''', ''))"


def folded_words(text: str) -> list[str]:
    """The words of text as alias keys hold them, apostrophes dropped; anything else that is not a letter or digit
    ("()", "%", "_") is not a word."""
    return re.findall(r"[^\W_]+", name_key(text).replace("'", ""))[:MAX_WORDS]


def with_words(words: list[str]) -> Q:
    """Aliases with a word starting with each of `words` (letters and digits only, from folded_words), through the
    index of alias words; on other databases, by a scan of every alias."""
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{word}"*' for word in words)
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {ALIAS_WORDS} WHERE {ALIAS_WORDS} MATCH %s", [match]))
    if connection.vendor == "postgresql":
        query = " & ".join(f"{word}:*" for word in words)
        return Q(RawSQL(f"{PG_ALIAS_WORDS} @@ to_tsquery('simple'::regconfig, %s)", [query], BooleanField()))
    found = Q()
    for word in words:
        found &= Q(plain__startswith=word) | Q(plain__contains=" " + word)
    return found


def find_speakers(text: str, limit: int = 10) -> list[Speaker]:
    """Speakers with a name or alias matching text, those whose whole name matches first, then by name.

    Each speaker has ``.exact`` (a name or alias is exactly the text, folded) and ``.matched`` (the alias that
    matched when it is not their name, so a reader sees why they were found).
    """
    words = folded_words(text)
    if not words:
        return []
    aliases = SpeakerAlias.objects.annotate(plain=Replace("key", Value("'"), Value(""))).filter(with_words(words))
    wanted = " ".join(words)
    # Bounded: a common first name can match thousands of aliases; the first few hundred are enough to rank.
    # Per speaker, the best alias that matched: an exact one first, then the speaker's own name.
    found: dict[int, tuple[bool, bool, str]] = {}
    rows = aliases.order_by("key").values_list("speaker_id", "name", "plain", "speaker__name")[:500]
    for speaker_id, name, plain, own_name in rows:
        rank = (plain == wanted, name == own_name, name)
        if speaker_id not in found or rank[:2] > found[speaker_id][:2]:
            found[speaker_id] = rank
    speakers = Speaker.objects.filter(pk__in=list(found)).order_by("name", "id")
    ranked = sorted(speakers, key=lambda s: not found[s.pk][0])[:limit]
    for speaker in ranked:
        speaker.exact, _own, alias = found[speaker.pk]
        speaker.matched = alias if alias != speaker.name else ""
    return ranked
