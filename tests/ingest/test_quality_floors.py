"""The extraction meets its quality floors on every gold set named in tests/gold/floors.json (floors kept as data,
so that a floor is never lowered silently inside a test)."""

import json
from pathlib import Path

import pytest

from archive.measure import extraction

ROOT = Path(__file__).resolve().parent.parent.parent
FLOORS = json.loads((ROOT / "tests" / "gold" / "floors.json").read_text())["sets"]


@pytest.fixture(scope="module", params=sorted(FLOORS))
def gold_set(request) -> tuple[dict, extraction.Run]:
    spec = FLOORS[request.param]
    gold, docs = ROOT / spec["gold"], ROOT / spec["docs"]
    if not gold.is_dir():
        pytest.skip(f"{spec['gold']} is not here")
    return spec, extraction.evaluate(gold, docs)


def test_every_annotated_document_is_read(gold_set):
    spec, run = gold_set
    assert run.problems == []
    assert len(run.scores) == len(extraction.gold_files(ROOT / spec["gold"]))


def test_the_totals_meet_their_floors(gold_set):
    spec, run = gold_set
    summed = extraction.total(run.scores)
    below = {name: getattr(summed, name) for name, floor in spec["floors"].items() if getattr(summed, name) < floor}
    assert below == {}, f"under the floors {spec['floors']}"


def test_no_document_falls_under_the_per_file_floors(gold_set):
    spec, run = gold_set
    for score in run.scores:
        for name, floor in spec.get("per_file", {}).items():
            assert getattr(score, name) >= floor, (score.file, name, score.errors)


def test_every_quote_is_the_body_text_at_its_offsets(gold_set):
    _, run = gold_set
    for parsed in run.articles:
        for item in parsed.quotes:
            assert item.start < item.end
            assert parsed.body[item.start : item.end] == item.text
