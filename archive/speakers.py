"""Finding a person by any spelling of their name: a reader's words in, speakers out.

Every printed form of a speaker's name is a SpeakerAlias with a folded key (`models.name_key`: case, accents,
dots and spacing), so "noem", "Nöem" and "NOEM" find the same person. Apostrophes are dropped on both sides
("O’Neill" ~ "oneill"). Each word typed must start a word of the same alias: "bride" finds Jim Bridenstine.
The aliases are scanned (one row per spelling, far fewer than quotes), and the answer is cut to `limit`.
"""

from __future__ import annotations

import re

from django.db.models import Q, Value
from django.db.models.functions import Replace

from .models import Speaker, SpeakerAlias, name_key

MAX_WORDS = 6


def folded_words(text: str) -> list[str]:
    """The words of text as alias keys hold them, apostrophes dropped; anything else that is not a letter or digit
    ("()", "%", "_") is not a word."""
    return re.findall(r"[^\W_]+", name_key(text).replace("'", ""))[:MAX_WORDS]


def find_speakers(text: str, limit: int = 10) -> list[Speaker]:
    """Speakers with a name or alias matching text, those whose whole name matches first, then by name.

    Each speaker has ``.exact`` (a name or alias is exactly the text, folded) and ``.matched`` (the alias that
    matched when it is not their name, so a reader sees why they were found).
    """
    words = folded_words(text)
    if not words:
        return []
    aliases = SpeakerAlias.objects.annotate(plain=Replace("key", Value("'"), Value("")))
    for word in words:
        aliases = aliases.filter(Q(plain__startswith=word) | Q(plain__contains=" " + word))
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
