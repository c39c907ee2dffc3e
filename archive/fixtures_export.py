"""The archive out as a JSON fixture that `loaddata` restores into any database: streamed, a chunk of rows at a time.

The output is, byte for byte, what Django's JSON serializer writes with natural keys and an indent of 2 (a test
holds this), but made without model instances: each table is read as plain values (a related row's natural key
joined into the same query, a chunk's topic links in one more), and each record is written as soon as it is made.
Memory stays that of one chunk whatever the archive's size, and the time is the database's and the encoder's.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from json.encoder import encode_basestring
from typing import TextIO

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

__all__ = ["EXPORTED_MODELS", "NOT_EXPORTED", "FullPrecisionEncoder", "write_fixture"]

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
# Rows read per query: articles carry their body and raw text, so fewer of them at a time.
CHUNK_ROWS = {"archive.article": 200}
DEFAULT_CHUNK_ROWS = 2000
# The one field that is each exported model's natural key (its natural_key() returns just that field's value).
NATURAL_KEY_FIELD = {
    "archive.topic": "slug",
    "archive.speaker": "slug",
    "archive.speakeralias": "name",
    "archive.speakerformerslug": "slug",
    "archive.article": "content_hash",
    "archive.articleformerslug": "slug",
    "archive.quote": None,  # (article's natural key, start, end): quotes are never the target of a foreign key
}
# Written as they are by the serializer (Django's "protected types"); any other value goes through the field.
PROTECTED = (type(None), int, float, Decimal, datetime.datetime, datetime.date, datetime.time)
INDENT = "  "


class FullPrecisionEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but datetimes keep their microseconds (Django's cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def write_fixture(stream: TextIO) -> None:
    """Every exported model's rows, in primary-key order, as the serializer's indented JSON list."""
    encoder = FullPrecisionEncoder(ensure_ascii=False)
    stream.write("[")
    first = True
    for label in EXPORTED_MODELS:
        head = f'{{\n{INDENT}"model": {encode_basestring(label)},\n{INDENT}"fields": '
        for fields in records(apps.get_model(label)):
            stream.write("\n" if first else ",\n")
            stream.write(head + encode_fields(fields, encoder) + "\n}")
            first = False
    stream.write("\n]\n")


def records(model: type[models.Model]) -> Iterator[dict]:
    """The "fields" of the model's rows as the serializer gives them, natural keys throughout."""
    label = model._meta.label_lower
    fields = [field for field in model._meta.local_fields if field.serialize]  # not the primary key
    many = [field for field in model._meta.local_many_to_many if field.serialize]
    # A foreign key is read as the related row's natural key, joined into the same query.
    columns = ["pk", *(f"{f.name}__{NATURAL_KEY_FIELD[f.related_model._meta.label_lower]}" if f.remote_field
                       else f.attname for f in fields)]  # fmt: skip
    rows = model._default_manager.order_by("pk").values_list(*columns)
    chunk: list[tuple] = []
    for row in rows.iterator(chunk_size=CHUNK_ROWS.get(label, DEFAULT_CHUNK_ROWS)):
        chunk.append(row)
        if len(chunk) == CHUNK_ROWS.get(label, DEFAULT_CHUNK_ROWS):
            yield from chunk_records(label, fields, many, chunk)
            chunk = []
    yield from chunk_records(label, fields, many, chunk)


def chunk_records(label: str, fields: list, many: list, chunk: list[tuple]) -> Iterator[dict]:
    links = {field.name: natural_keys_of_links(field, [row[0] for row in chunk]) for field in many}
    for row in chunk:
        values = {}
        for field, value in zip(fields, row[1:], strict=True):
            if field.remote_field:
                values[field.name] = None if value is None else [value]
            elif isinstance(value, (str, *PROTECTED)) or isinstance(field, models.JSONField):
                values[field.name] = value  # a JSON field's value is written as the structure it holds
            else:
                values[field.name] = str(value)  # Field.value_to_string
        for field in many:
            values[field.name] = links[field.name].get(row[0], [])
        yield values


def natural_keys_of_links(field: models.ManyToManyField, pks: list) -> dict:
    """For each row (by pk), the natural keys of its linked rows, in the linked model's order (the serializer's)."""
    if not pks:
        return {}
    through, target = field.remote_field.through, field.related_model
    source_column, target_column = field.m2m_field_name(), field.m2m_reverse_field_name()
    key = NATURAL_KEY_FIELD[target._meta.label_lower]
    ordering = [f"{target_column}__{name}" for name in target._meta.ordering]
    links = through.objects.filter(**{f"{source_column}__in": pks}).order_by(*ordering, f"{target_column}__pk")
    by_row: dict = defaultdict(list)
    for pk, natural_key in links.values_list(f"{source_column}_id", f"{target_column}__{key}"):
        by_row[pk].append([natural_key])
    return by_row


def encode_fields(fields: dict, encoder: json.JSONEncoder) -> str:
    """encode(fields, 1, encoder), with the common values (text, numbers, dates, nothing) written inline: this runs
    for every field of every row."""
    parts = []
    for name, value in fields.items():
        kind = type(value)
        if kind is str:
            text = encode_basestring(value)
        elif value is None:
            text = "null"
        elif kind is int:
            text = int.__repr__(value)
        elif kind is datetime.datetime:
            text = encode_basestring(encoder.default(value))
        else:
            text = encode(value, 2, encoder)
        parts.append(f"{encode_basestring(name)}: {text}")
    if not parts:
        return "{}"
    inner = "\n" + INDENT * 2
    return "{" + inner + ("," + inner).join(parts) + "\n" + INDENT + "}"


def encode(value, level: int, encoder: json.JSONEncoder) -> str:
    """json.dumps(value, indent=2, ensure_ascii=False) with the encoder's default(), at a nesting level: the
    layout of the pure-Python encoder, but strings escaped by the C one, which is where the time goes."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + INDENT * (level + 1)
        items = ("," + inner).join(encode(item, level + 1, encoder) for item in value)
        return "[" + inner + items + "\n" + INDENT * level + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + INDENT * (level + 1)
        items = ("," + inner).join(
            f"{encode_basestring(str(key))}: {encode(item, level + 1, encoder)}" for key, item in value.items()
        )
        return "{" + inner + items + "\n" + INDENT * level + "}"
    return encode(encoder.default(value), level, encoder)
