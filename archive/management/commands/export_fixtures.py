"""Write the archive as a JSON fixture that `loaddata` restores into any database."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

# Parents before children, so that a plain loaddata resolves every natural key on the way.
EXPORTED_MODELS = [
    "archive.topic",
    "archive.speaker",
    "archive.speakeralias",
    "archive.speakerformerslug",
    "archive.article",
    "archive.articleformerslug",
    "archive.quote",
]
# The editors' history (archive/history.py) belongs to this site and its user accounts, not to the archive's data.
NOT_EXPORTED = ["archive.batch", "archive.change"]
# Rows read per query; each chunk's many-to-many links are prefetched with it, so memory stays flat.
CHUNK_SIZE = 2000
# The largest article columns: a quote only needs its article's natural key (content_hash).
HEAVY_ARTICLE_FIELDS = ("body", "raw_text", "import_warnings")


class FullPrecisionEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but datetimes keep their microseconds (Django's cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def exported_querysets():
    """Each exported model's rows in primary-key order, with what their natural keys need joined or prefetched."""
    for label in EXPORTED_MODELS:
        model = apps.get_model(label)
        queryset = model._default_manager.order_by(model._meta.pk.name)
        if label == "archive.topic":
            queryset = queryset.select_related("parent")
        elif label in ("archive.speakeralias", "archive.speakerformerslug"):
            queryset = queryset.select_related("speaker")
        elif label == "archive.articleformerslug":
            queryset = queryset.select_related("article").only("slug", "article__content_hash")
        elif label == "archive.article":
            queryset = queryset.prefetch_related("topics")
        elif label == "archive.quote":
            queryset = (
                queryset.select_related("article", "speaker")
                .defer(*(f"article__{name}" for name in HEAVY_ARTICLE_FIELDS))
                .prefetch_related("topics")
            )
        yield queryset.iterator(chunk_size=CHUNK_SIZE)


class Command(BaseCommand):
    help = "Export the archive to fixtures/archive.json: stable order, natural keys, UTF-8, streamed."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=Path(settings.BASE_DIR) / "fixtures" / "archive.json")

    def handle(self, *args, output: Path, **options):
        output.parent.mkdir(parents=True, exist_ok=True)
        # The serializer writes each object to the file as it reads it; ends with "\n]\n" when indented.
        with output.open("w", encoding="utf-8", newline="\n") as stream:
            JSONSerializer().serialize(
                itertools.chain.from_iterable(exported_querysets()),
                stream=stream,
                cls=FullPrecisionEncoder,
                indent=2,
                ensure_ascii=False,
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
        self.stdout.write(f"Wrote {output}")
