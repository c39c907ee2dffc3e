"""import_seeds on bad input: each bad file one line `FILE: reason`, good files imported, exit status 1, no traceback.

Tests run as root, where chmod 000 does not stop reading: unreadable paths are made of a dangling symbolic link,
a named pipe, a link loop and a path under a plain file instead.
"""

from __future__ import annotations

import gzip
import os
import random
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.ingest import pipeline
from archive.models import Article, Quote

ROOT = Path(settings.BASE_DIR)
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# This seed's characters all exist in Windows-1252, so its cp1252 copy is the same text.
SEED = ROOT / "seeds" / "001_22dacb161e5595bd.txt"


def run_import(*paths, verbosity: int = 1) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_seeds", *map(str, paths), stdout=out, stderr=err, verbosity=verbosity)
    except CommandError as failure:
        return out.getvalue(), err.getvalue(), failure.returncode
    return out.getvalue(), err.getvalue(), 0


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def page(paragraphs: str, title: str = "Talks resume") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


GOOD_PAGE = page(
    "<p>“We are ready to talk about the harbour again on Monday,” Jane Roe, the union's chair, said on Friday.</p>"
    "<p>The port authority said it would answer the union's letter in writing before the weekend was out.</p>"
)


def make_bad_files(folder: Path) -> dict[str, str]:
    """Every kind of bad file in one folder; returns file name -> the reason the import must give."""
    folder.mkdir(exist_ok=True)
    stream = gzipped(GOOD_PAGE.encode() * 50)
    files = {
        "empty.txt": (b"", "file is empty"),
        "blank.txt": (b" \r\n\t \n", "file is empty"),
        "random.txt": (bytes(range(256)) * 16, "binary file, not text"),
        "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file, not text"),
        "zeros.txt": (b"\x00" * 4000, "binary file, not text"),
        "big.txt": (b"word " * 5000, "file is 25,000 bytes, over the limit of 20,000"),
        "broken-bom.txt": (b"\xff\xfea\x00b", "invalid utf-16 text"),
        "truncated.html.gz": (stream[: len(stream) // 2], "not a valid gzip file"),
        "damaged.html.gz": (stream[:20] + bytes([stream[20] ^ 0xFF]) + stream[21:], "not a valid gzip file"),
        "plain.html.gz": (GOOD_PAGE.encode(), "not a valid gzip file"),
        "bomb.html.gz": (gzipped(b" " * 100_000), "decompressed size over the limit of 20,000 bytes"),
        "title-only.html": (
            b"<html><head><title>Only a title</title></head><body></body></html>",
            "no article text found",
        ),
        "script-only.html": (b"<html><body><script>var x = 1;</script></body></html>", "no article text found"),
    }
    reasons = {}
    for name, (data, reason) in files.items():
        (folder / name).write_bytes(data)
        reasons[name] = reason
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    reasons["dangling.txt"] = "broken symbolic link"
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    reasons["loop.txt"] = "symbolic link loop"
    os.mkfifo(folder / "pipe.txt")
    reasons["pipe.txt"] = "a named pipe, not a regular file"
    return reasons


# In-process: every case at once, with two good files beside them


@pytest.mark.django_db
def test_each_bad_file_gets_one_line_and_the_good_files_are_imported(tmp_path, settings):
    settings.ARCHIVE_MAX_FILE_BYTES = 20_000
    folder = tmp_path / "in"
    reasons = make_bad_files(folder)
    shutil.copy(SEEDS[0], folder / "good-seed.txt")
    (folder / "good-page.html").write_text(GOOD_PAGE)
    (folder / "notes.md").write_text("not an article name: ignored in a folder")

    out, err, status = run_import(folder)

    assert status == 1
    lines = err.strip().splitlines()
    assert sorted(lines) == sorted(f"{folder / name}: {reason}" for name, reason in reasons.items())
    assert f"2 created, 0 updated, 0 unchanged, {len(reasons)} skipped, {len(reasons)} errors" in out
    assert sorted(Article.objects.values_list("source_file", flat=True)) == ["good-page.html", "good-seed.txt"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file or folder"),
        (
            lambda d: (d / "plain").write_text("x") and d / "plain" / "x.txt",
            "a part of the path is a file, not a folder",
        ),
        (lambda d: os.mkfifo(d / "pipe.txt") or d / "pipe.txt", "a named pipe, not a regular file"),
        (lambda d: (d / "link.txt").symlink_to(d / "gone.txt") or d / "link.txt", "broken symbolic link"),
        (lambda d: (d / "notes.pdf").write_bytes(b"%PDF") and d / "notes.pdf", "not an article file (expected .txt"),
    ],
    ids=["missing", "under a file", "named pipe", "dangling link", "other suffix"],
)
def test_a_path_named_on_the_command_line_that_cannot_be_read_says_why(tmp_path, make, reason):
    path = make(tmp_path)
    out, err, status = run_import(path, SEED)
    assert status == 1
    assert err.strip().startswith(f"{path}: {reason}") and len(err.strip().splitlines()) == 1
    assert "1 created" in out


# Odd but readable: imported, every quote an exact span of the body


def variants_of_the_seed(folder: Path) -> dict[str, bytes]:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    mixed = "".join(line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines))
    with_nul = text.replace("Eidelman said", "Eidel\x00man said", 1).replace("\n\n", "\n\x00\n", 2)
    return {
        "cp1252.txt": text.encode("cp1252"),
        "utf16-bom.txt": text.encode("utf-16"),
        "utf16-no-bom.txt": text.encode("utf-16-le"),
        "utf8-bom.txt": text.encode("utf-8-sig"),
        "crlf.txt": text.replace("\n", "\r\n").encode(),
        "cr.txt": text.replace("\n", "\r").encode(),
        "mixed.txt": mixed.encode(),
        "nul.txt": with_nul.encode(),
    }


@pytest.mark.django_db
def test_the_same_article_in_other_encodings_line_endings_and_with_nul_bytes_stays_one_article(tmp_path):
    _, _, status = run_import(SEED)
    first = Article.objects.get()
    quotes = set(Quote.objects.values_list("pk", "text", "start", "end"))
    for name, data in variants_of_the_seed(tmp_path).items():
        (tmp_path / name).write_bytes(data)

    out, err, status = run_import(tmp_path, verbosity=2)

    assert (status, err) == (0, "")
    assert "0 created, 0 updated, 8 unchanged" in out
    assert list(Article.objects.values_list("pk", flat=True)) == [first.pk]
    assert set(Quote.objects.values_list("pk", "text", "start", "end")) == quotes


def assert_exact_quotes(article: Article) -> None:
    for quote in article.quotes.all():
        assert article.body[quote.start : quote.end] == quote.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "quotes"),
    [
        (
            "latin1.txt",
            'Café owners protest\n\n8 June 2023\n\n"Ça suffit, we will close on Monday," said Zoë Müller, '
            "who runs the café in the old town.\n\nThe city said it would listen to the owners' complaints.\n",
            1,
        ),
        ("truncated.html", GOOD_PAGE[: GOOD_PAGE.index("The port authority") + 30], 1),
        ("nested.html", GOOD_PAGE.replace("<article>", "<article>" + "<div>" * 3000), 1),
        (
            "unbalanced.txt",
            SEED.read_text(encoding="utf-8").replace("uninterrupted. Each", "uninterrupted.“ Each").replace("”", "", 3),
            None,
        ),
    ],
    ids=["latin-1", "truncated html", "deeply nested html", "unbalanced quote marks"],
)
def test_odd_but_readable_files_are_imported_with_exact_quotes(tmp_path, name, data, quotes):
    path = tmp_path / name
    path.write_bytes(data.encode("latin-1" if name == "latin1.txt" else "utf-8"))
    out, err, status = run_import(path)
    assert (status, err) == (0, ""), err
    article = Article.objects.get()
    assert article.body.strip()
    assert_exact_quotes(article)
    if quotes is not None:
        assert article.quotes.count() >= quotes
    if name == "latin1.txt":
        assert "Zoë Müller" in article.body


@pytest.mark.django_db
def test_a_file_name_that_is_not_utf_8_is_imported_and_printed(tmp_path):
    name = os.fsdecode(b"caf\xe9-report.txt")  # Latin-1 bytes in a file name: a surrogate in Python
    shutil.copy(SEED, tmp_path / name)
    out, err, status = run_import(tmp_path, verbosity=2)
    assert (status, err) == (0, "")
    assert "caf\ufffd-report.txt: created" in out
    assert Article.objects.get().source_file == "caf\ufffd-report.txt"


@pytest.mark.django_db
def test_metadata_longer_than_its_column_is_cut_with_a_warning_not_refused(tmp_path):
    # PostgreSQL refuses a value longer than a varchar column; SQLite would keep it whole. Both now cut it.
    title = "Minister " * 80
    head = f'<meta name="author" content="{"Author " * 50}"><link rel="canonical" href="https://e.org/{"a" * 2500}">'
    html = GOOD_PAGE.replace("<title>Talks resume</title>", f"<title>{title}</title>{head}")
    (tmp_path / "long.html").write_text(html)
    _, err, status = run_import(tmp_path / "long.html")
    assert (status, err) == (0, "")
    article = Article.objects.get()
    assert len(article.title) == 500 and article.title.endswith("…")
    assert len(article.author) <= 200 and article.url == ""
    assert "title cut to 500 characters" in article.import_warnings
    assert any(warning.startswith("url of 2,5") for warning in article.import_warnings)
    _, _, status = run_import(tmp_path / "long.html")
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_text_file_with_a_title_and_no_body_is_refused(tmp_path):
    (tmp_path / "title.txt").write_text("Harbour strike ends after three weeks\n")
    _, err, status = run_import(tmp_path / "title.txt")
    assert status == 1 and "no article text" in err


@pytest.mark.django_db
def test_text_nested_deeper_than_lxml_allows_under_a_shallow_headline_is_not_lost(tmp_path):
    html = page("<div>" * 300 + GOOD_PAGE + "</div>" * 300, title="Harbour")
    (tmp_path / "deep.html").write_text(html)
    _, err, status = run_import(tmp_path / "deep.html")
    assert (status, err) == (0, "")
    assert "ready to talk about the harbour" in Article.objects.get().body


# As a user runs it: a separate process, real stderr


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "archive.sqlite3"
    result = manage("migrate", database=path)
    assert result.returncode == 0, result.stderr
    return path


def manage(*args: str, database: Path, timeout: int = 120, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "ARCHIVE_"))}
    env |= {"DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "1", **extra}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_the_command_prints_no_traceback_and_exits_with_1(tmp_path, migrated_database):
    folder = tmp_path / "in"
    reasons = make_bad_files(folder)
    shutil.copy(SEED, folder / "good.txt")
    # Pages that Beautiful Soup warns about ("looks like a URL"): the warning is not the user's business.
    (folder / "url.html").write_text("https://example.com/2023/06/08/harbour-strike-ends")

    result = manage(
        "import_seeds",
        str(folder),
        str(tmp_path / "missing"),
        database=migrated_database,
        ARCHIVE_MAX_FILE_BYTES="20000",
    )

    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"CommandError: {len(reasons) + 1} file(s) could not be imported"
    expected = [f"{folder / name}: {reason}" for name, reason in reasons.items()]
    assert sorted(lines[:-1]) == sorted([*expected, f"{tmp_path / 'missing'}: no such file or folder"])
    assert "created" in result.stdout


def test_a_clean_import_exits_with_0(migrated_database):
    result = manage("import_seeds", str(SEED), database=migrated_database)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_database_never_migrated_is_one_clear_line_not_a_traceback(tmp_path):
    result = manage("import_seeds", str(SEED), database=tmp_path / "empty.sqlite3")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "run `manage.py migrate` first?" in result.stderr and len(result.stderr.strip().splitlines()) == 1


# Time: a file under the size limit must not stall the import


def long_report(paragraphs: int) -> str:
    """A long, varied report (a transcript, a live blog): many people, each quoted once or twice."""
    rng = random.Random(2)
    words = [
        "economy", "trade", "minister", "border", "talks", "agreement", "summit", "energy", "export", "growth", "deal",
    ]  # fmt: skip
    first = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Gustav", "Hana", "Ivan", "Jana", "Karl", "Lena"]
    last = ["Aliyev", "Berger", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen"]

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize()

    lines = [
        f"“{sentence(14)},” {rng.choice(first)} {rng.choice(last)} said. {sentence(20)}. {sentence(12)}."
        for _ in range(paragraphs)
    ]
    return "A long report\n\nJune 8, 2023\n\n" + "\n\n".join(lines)


def work_to_parse(text: str) -> int:
    """Python function calls made parsing text: a measure of work that, unlike time, no other load disturbs."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        pipeline.parse_document(text.encode(), "report.txt")
    finally:
        sys.setprofile(None)
    return calls


def test_parsing_work_grows_about_linearly_with_the_length_of_a_report():
    short, long = work_to_parse(long_report(100)), work_to_parse(long_report(400))
    # Linear would be 4x; more people to tell apart costs a little more. Quadratic is 16x.
    assert long / short < 8
