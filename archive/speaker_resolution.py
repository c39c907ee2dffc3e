"""Parsed speakers in, the archive's speakers out: found through any full-name alias across the archive, else new.

The speakers of one article, or of a whole batch of articles, are resolved together: one read of the aliases by
name key, one by name, kept in a map that the speakers created meanwhile join; then the new speakers and their
aliases are written in one insert each. The result is the one a per-speaker lookup would give, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable

from .ingest.prepare import PreparedSpeaker
from .models import Speaker, SpeakerAlias
from .slugs import unique_slugs


class SpeakerResolver:
    """Resolve the speakers of some articles, in their order, then save() what it created."""

    def __init__(self, wanted: Iterable[PreparedSpeaker]) -> None:
        wanted = list(wanted)
        self.by_key: dict[str, Speaker] = {}
        aliases = SpeakerAlias.objects.filter(key__in={key for speaker in wanted for key in speaker.lookup_keys})
        # Highest speaker id first, so that the lowest (the oldest speaker) is the one a key keeps.
        for alias in aliases.select_related("speaker").order_by("-speaker_id"):
            self.by_key[alias.key] = alias.speaker
        names = {form for speaker in wanted for form in speaker.forms}
        self.taken = set(SpeakerAlias.objects.filter(name__in=names).values_list("name", flat=True))
        self.created: list[Speaker] = []  # not saved yet, oldest first
        self.described: dict[int, Speaker] = {}  # saved speakers given a description they lacked
        self.new_aliases: list[SpeakerAlias] = []

    def resolve(self, speakers: Iterable[PreparedSpeaker]) -> dict[str, Speaker]:
        """The speaker for each of one article's parsed speakers, by the name its quotes give."""
        resolved = {}
        for wanted in speakers:
            found = [self.by_key[key] for key in wanted.lookup_keys if key in self.by_key]
            speaker = min(found, key=self.age) if found else None
            if speaker is None:
                speaker = Speaker(name=wanted.forms[0], description=wanted.description)
                self.created.append(speaker)
            elif not speaker.description and wanted.description:
                speaker.description = wanted.description
                if speaker.pk is not None:
                    self.described[speaker.pk] = speaker
            for form, key in zip(wanted.forms, wanted.form_keys, strict=True):
                self.by_key.setdefault(key, speaker)
                if form not in self.taken:
                    self.taken.add(form)
                    self.new_aliases.append(SpeakerAlias(speaker=speaker, name=form, key=key))
            resolved[wanted.name] = speaker
        return resolved

    def age(self, speaker: Speaker) -> tuple[int, int]:
        # The oldest speaker wins a key: saved ones by id, then the ones created here in their order.
        if speaker.pk is not None:
            return (0, speaker.pk)
        return (1, next(n for n, created in enumerate(self.created) if created is speaker))

    def save(self) -> None:
        """Write the new speakers (with their slugs), the descriptions filled in, and the new aliases."""
        for speaker, slug in zip(self.created, unique_slugs(Speaker, [s.name for s in self.created]), strict=True):
            speaker.slug = slug
        Speaker.objects.bulk_create(self.created)
        for speaker in self.described.values():
            speaker.save(update_fields=["description", "updated_at"])
        # The aliases of new speakers were made before their speaker had an id: point them at it now.
        for alias in self.new_aliases:
            alias.speaker = alias.speaker
        SpeakerAlias.objects.bulk_create(self.new_aliases)
