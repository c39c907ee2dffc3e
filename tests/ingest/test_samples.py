"""Golden files: every tests/samples/NAME.txt is parsed and compared with NAME.expected.json.

When a change of output is intended, regenerate the expected files and review their diff:

    UPDATE_SAMPLES=1 .venv/bin/pytest tests/ingest/test_samples.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archive.ingest import pipeline

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def as_data(path: Path) -> dict:
    article = pipeline.parse_path(path)
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "outlet": article.outlet,
        "section": article.section,
        "author": article.author,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "body": article.body,
        "speakers": [
            {"name": s.name, "description": s.description, "variants": list(s.variants)} for s in article.speakers
        ],
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "attribution": q.attribution,
            }
            for q in article.quotes
        ],
    }


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_each_sample_parses_as_its_expected_file_says(path):
    expected_path = path.with_name(f"{path.stem}.expected.json")
    data = as_data(path)
    if os.environ.get("UPDATE_SAMPLES") == "1":
        expected_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert data == expected


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_sample_quote_is_the_body_text_at_its_offsets(path):
    article = pipeline.parse_path(path)
    assert article.quotes
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text
