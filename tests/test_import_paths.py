"""import_seeds and the paths it is given: links out of a named folder are not followed, and every file name is
printed on one line, escaped, whatever characters it holds."""

from __future__ import annotations

import shutil

import pytest

from archive.ingest import read
from archive.models import Article
from tests.test_bad_input import SEED, SEEDS, run_import


@pytest.mark.django_db
def test_a_link_out_of_the_import_folder_is_skipped_and_a_link_within_it_followed(tmp_path):
    folder, elsewhere = tmp_path / "in", tmp_path / "private"
    (folder / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    shutil.copy(SEEDS[0], elsewhere / "secret.txt")
    shutil.copy(SEEDS[1], folder / "sub" / "real.txt")
    (folder / "leak.txt").symlink_to(elsewhere / "secret.txt")
    (folder / "same.txt").symlink_to(folder / "sub" / "real.txt")
    (folder / "sub" / "up.txt").symlink_to("../../private/secret.txt")

    out, err, status = run_import(folder, verbosity=2)

    assert status == 1
    assert sorted(err.splitlines()) == [
        f"{folder / 'leak.txt'}: symbolic link out of the folder, skipped",
        f"{folder / 'sub' / 'up.txt'}: symbolic link out of the folder, skipped",
    ]
    # The link within the folder and its target are one article; the file elsewhere is not imported.
    assert "1 created, 0 updated, 1 unchanged, 2 skipped" in out
    assert Article.objects.get().source_file == "same.txt"


def test_a_link_named_on_the_command_line_is_followed(tmp_path):
    (tmp_path / "link.txt").symlink_to(SEED)
    assert read.find_documents([tmp_path / "link.txt"]) == ([tmp_path / "link.txt"], [])


@pytest.mark.django_db
def test_a_file_name_with_new_lines_and_terminal_escapes_is_printed_escaped_on_one_line(tmp_path):
    forged = "empty.txt: fine\nother.txt: created\x1b[2K\r\x1b]0;title\x07\u202e.txt"
    (tmp_path / forged).write_bytes(b"")
    shutil.copy(SEED, tmp_path / f"good\r{forged}")

    out, err, status = run_import(tmp_path, verbosity=2)

    assert status == 1
    escaped = r"empty.txt: fine\nother.txt: created\x1b[2K\r\x1b]0;title\x07\u202e.txt"
    assert err == f"{tmp_path}/{escaped}: file is empty\n"
    assert out.splitlines()[0].startswith(rf"{tmp_path}/good\r{escaped}: created, ")
    assert len(out.splitlines()) == 2  # the file's line and the summary
    assert Article.objects.get().source_file == rf"good\r{escaped}"
