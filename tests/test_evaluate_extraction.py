"""The evaluate_extraction command: scores gold files against the documents they name, prints a table."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "seeds"


def evaluate(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("evaluate_extraction", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_a_row_per_seed_and_the_totals():
    out, err = evaluate("--gold", str(GOLD))
    assert err == ""
    for path in GOLD.glob("*.json"):
        assert path.stem + ".txt" in out
    assert "TOTAL" in out
    for label in ("Quotes: precision", "Attribution accuracy", "Speakers: precision", "Metadata accuracy"):
        assert label in out
    recurring = out.split("Speakers in two or more articles:")[1].strip().splitlines()
    assert recurring and all(line.count(".txt") >= 2 for line in recurring)


def test_it_writes_the_scores_as_json(tmp_path):
    target = tmp_path / "scores" / "extraction.json"
    out, _ = evaluate("--gold", str(GOLD), "--json", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["files"]) == 5
    assert data["total"]["quote_f1"] >= 0.95
    assert f"Wrote {target}" in out


def test_it_reads_documents_from_another_folder_and_skips_missing_ones(tmp_path):
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    shutil.copy(GOLD / "003_99aa82e7bf94305a.json", gold)
    shutil.copy(GOLD / "004_328aa994977fad1a.json", gold)
    shutil.copy(ROOT / "seeds" / "003_99aa82e7bf94305a.txt", docs)
    out, err = evaluate("--gold", str(gold), "--docs", str(docs), "--details")
    assert "003_99aa82e7bf94305a.txt" in out
    assert "skipped 004_328aa994977fad1a.txt: no such file" in err


def test_a_folder_without_gold_files_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no gold JSON files"):
        evaluate("--gold", str(tmp_path))
