"""The per-file time budget, the last line of defence: a parse that runs too long is given up with one line,
`FILE: took longer than N s, skipped`, and the other files go on; in the import command and in a worker process
of a pool alike."""

from __future__ import annotations

import multiprocessing
import shutil
import time

import pytest

from archive import import_parsing
from archive.ingest import parse_document
from tests.test_bad_input import SEEDS, run_import


def slow_for_hostile_files(data: bytes, name: str):
    """parse_document, but endless in Python for a file named hostile (as a quadratic step on a huge input is)."""
    if name.startswith("hostile"):
        while True:
            sum(range(1000))
    return parse_document(data, name)


def test_a_parse_over_its_budget_is_given_up_with_a_reason(monkeypatch):
    monkeypatch.setattr(import_parsing, "parse_document", slow_for_hostile_files)
    started = time.monotonic()
    parsed, reason = import_parsing.parse_for_import(b"anything", "hostile.txt", seconds=0.2)
    assert (parsed, reason) == (None, "took longer than 0.2 s, skipped")
    assert time.monotonic() - started < 30  # given up, not run to the end (there is none)


def test_a_parse_within_its_budget_is_untouched_and_the_alarm_is_cleared():
    parsed, reason = import_parsing.parse_for_import(SEEDS[0].read_bytes(), SEEDS[0].name, seconds=5)
    assert reason == "" and parsed.quotes
    time.sleep(0.01)  # an alarm left running would raise here or in a later test


def test_an_except_exception_inside_the_parser_cannot_swallow_the_budget(monkeypatch):
    def stubborn(data, name):
        while True:
            try:
                while True:
                    sum(range(1000))
            except Exception:  # noqa: BLE001 - what a careless parser does
                continue

    monkeypatch.setattr(import_parsing, "parse_document", stubborn)
    assert import_parsing.parse_for_import(b"x", "hostile.txt", seconds=0.2)[1] == "took longer than 0.2 s, skipped"


@pytest.mark.django_db
def test_the_import_reports_the_slow_file_and_imports_the_others(tmp_path, monkeypatch, settings):
    settings.ARCHIVE_PARSE_SECONDS = 1
    monkeypatch.setattr(import_parsing, "parse_document", slow_for_hostile_files)
    shutil.copy(SEEDS[0], tmp_path / "good.txt")
    (tmp_path / "hostile.txt").write_text("Photo / " + "A" * 1000)

    out, err, status = run_import(tmp_path)

    assert status == 1
    assert err == f"{tmp_path / 'hostile.txt'}: took longer than 1 s, skipped\n"
    assert "1 created, 0 updated, 0 unchanged, 1 skipped, 1 errors" in out


def parse_in_worker(name: str) -> tuple[bool, str]:
    parsed, reason = import_parsing.parse_for_import(
        b"x" if name.startswith("hostile") else SEEDS[0].read_bytes(), name, 0.5
    )
    return parsed is not None, reason


def test_the_budget_holds_in_the_main_thread_of_a_pool_worker(monkeypatch):
    monkeypatch.setattr(import_parsing, "parse_document", slow_for_hostile_files)
    # fork: the worker inherits the slow parser patched in above.
    with multiprocessing.get_context("fork").Pool(1) as pool:
        results = pool.map(parse_in_worker, ["hostile.txt", "good.txt"], chunksize=1)
    assert results == [(False, "took longer than 0.5 s, skipped"), (True, "")]
