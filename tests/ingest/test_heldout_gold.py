"""The issue's targets for unseen articles, on three pages nobody tuning the extraction has read (tests/gold/heldout).

The targets are quote F1 >= 0.90 and attribution >= 0.95. Scores when this test was written: quotes P 0.940
R 1.000 F1 0.969, attribution 1.000, speakers F1 0.960, metadata 0.792 (19 of 24 fields).
"""

from pathlib import Path

import pytest

from archive.measure import extraction

HELDOUT = Path(__file__).resolve().parent.parent / "gold" / "heldout"


@pytest.fixture(scope="module")
def heldout_run() -> extraction.Run:
    return extraction.evaluate(HELDOUT / "gold", HELDOUT / "docs")


def test_every_held_out_page_is_read(heldout_run):
    assert heldout_run.problems == []
    assert len(heldout_run.scores) == len(extraction.gold_files(HELDOUT / "gold"))


def test_held_out_pages_meet_the_targets_for_unseen_articles(heldout_run):
    summed = extraction.total(heldout_run.scores)
    assert summed.quote_f1 >= 0.90
    assert summed.attribution >= 0.95
