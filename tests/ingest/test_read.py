"""read.py: bytes in, text out, and the files a folder holds; every refusal a short reason."""

import codecs
import gzip
import io
import os
import threading
import tracemalloc
import zlib
from pathlib import Path

import pytest

from archive.ingest import read

TEXT = "Harbour strike ends\n\n“We are going back to work on Monday,” said Åsa Berg, the union’s chair.\n"


def refusal(data: bytes) -> str:
    with pytest.raises(read.UnreadableDocument) as refused:
        read.decode(data)
    return str(refused.value)


# decode


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n \x0b"], ids=["empty", "spaces", "white space"])
def test_empty_and_white_space_files_are_refused_as_empty(data):
    assert refusal(data) == "file is empty"


def test_random_bytes_are_refused_as_binary():
    assert refusal(bytes(range(256)) * 20) == "binary file, not text"


def test_a_png_is_refused_as_binary():
    assert refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4) == "binary file, not text"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]
)
def test_text_in_any_usual_encoding_reads_the_same(encoding):
    text = TEXT.replace("Å", "A") if encoding in ("cp1252", "latin-1") else TEXT
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    assert read.decode(text.encode(encoding)) == text


def test_utf_16_without_a_bom_is_read_not_called_binary():
    # Some Windows tools write UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
    assert read.decode(TEXT.encode("utf-16-le")) == TEXT
    assert read.decode(TEXT.encode("utf-16-be")) == TEXT


def test_latin_1_bytes_undefined_in_cp1252_fall_back_to_latin_1():
    # \x81 is a C1 control character in Latin-1, dropped like every control character.
    assert read.decode(b"Caf\xe9 \x81 owner said hello") == "Café  owner said hello"


def test_cp1252_smart_quotes_become_their_characters():
    assert read.decode(b"\x93We will win,\x94 he said. It\x92s done.") == "“We will win,” he said. It’s done."


def test_a_bom_followed_by_broken_text_is_refused_with_the_encoding():
    assert refusal(codecs.BOM_UTF16_LE + b"a\x00b") == "invalid utf-16 text"


def test_line_endings_are_unified_whatever_their_mix():
    assert read.decode(b"one\r\ntwo\rthree\nfour\r\n\r\nfive") == "one\ntwo\nthree\nfour\n\nfive"


def test_unicode_line_and_paragraph_separators_become_new_lines():
    assert read.decode("one\u2028two\u2029three".encode()) == "one\ntwo\n\nthree"


def test_a_few_nul_bytes_are_dropped_and_many_mean_binary():
    assert read.decode(b"The minister\x00 said hello\x00 to all.") == "The minister said hello to all."
    assert refusal(b"\x00\x01\x02abc" * 200) == "binary file, not text"


def test_text_full_of_control_characters_is_refused_as_binary():
    assert refusal(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100 + b"some words") == "binary file, not text"


def test_control_characters_but_tab_and_new_line_are_dropped():
    text = read.decode(("“We\x1b[31m won\x0b,” said\tAnn\x7f Lee\x85.\x0c\n" + TEXT).encode())
    assert text == "“We[31m won,” said\tAnn Lee.\n" + TEXT


def test_a_bom_alone_has_no_text():
    assert refusal(codecs.BOM_UTF8 + b"  \n") == "file has no text"


# read_bytes


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(20 * 1024**3)  # 20 GB, sparse: reading it whole would not end in a test's time
    with pytest.raises(read.UnreadableDocument, match=r"file is 21,474,836,480 bytes, over the limit of 1,000"):
        read.read_bytes(huge, max_bytes=1000)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    link = tmp_path / "link-to-pipe.txt"
    link.symlink_to(fifo)
    outcome = {}

    def attempt():
        try:
            read.read_bytes(link)
        except read.UnreadableDocument as exc:
            outcome["reason"] = str(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # opening a pipe blocks until someone writes: unblock it, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a named pipe blocked")
    assert outcome["reason"] == "a named pipe, not a regular file"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "gone.txt", "no such file"),
        (lambda d: (d / "dangling.txt").symlink_to(d / "nowhere.txt") or d / "dangling.txt", "broken symbolic link"),
        (lambda d: (d / "loop.txt").symlink_to(d / "loop.txt") or d / "loop.txt", "symbolic link loop"),
        (
            lambda d: (d / "plain").write_text("x") and d / "plain" / "under.txt",
            "a part of the path is a file, not a folder",
        ),
        (lambda d: (d / "folder.txt").mkdir() or d / "folder.txt", "is a directory"),
    ],
    ids=["missing", "dangling link", "link loop", "under a file", "directory"],
)
def test_paths_that_cannot_be_read_say_why(tmp_path, make, reason):
    with pytest.raises(read.UnreadableDocument) as refused:
        read.read_bytes(make(tmp_path))
    assert str(refused.value) == reason


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def test_a_gzip_file_is_unpacked(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzipped(b"<p>Hello</p>"))
    assert read.read_bytes(tmp_path / "page.html.gz") == b"<p>Hello</p>"


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: good[:20] + bytes([good[20] ^ 0xFF]) + good[21:],  # a damaged deflate stream: zlib.error
        lambda good: good[: len(good) // 2],  # cut short
        lambda good: good[:-8] + b"\0" * 8,  # wrong checksum
        lambda good: b"<html>not compressed at all</html>",
    ],
    ids=["damaged stream", "truncated", "bad checksum", "not gzip"],
)
def test_a_corrupt_gzip_file_is_refused(damage):
    good = gzipped(b"<html><body><p>" + b"Hello world said Jane. " * 2000 + b"</p></body></html>")
    with pytest.raises(read.UnreadableDocument, match="^not a valid gzip file$"):
        read.gunzip(damage(good), 10**6)


def test_the_damaged_stream_case_really_is_a_zlib_error():
    good = gzipped(b"<html><body><p>" + b"Hello world said Jane. " * 2000 + b"</p></body></html>")
    with pytest.raises(zlib.error):
        gzip.GzipFile(fileobj=io.BytesIO(good[:20] + bytes([good[20] ^ 0xFF]) + good[21:])).read()


def test_a_gzip_bomb_is_refused_by_its_unpacked_size():
    with pytest.raises(read.UnreadableDocument, match="decompressed size over the limit"):
        read.gunzip(gzipped(b" " * 5_000_000), 1000)


def test_a_gzip_file_may_unpack_to_the_plain_file_limit_and_no_more(tmp_path):
    assert read.gunzip(gzipped(b"a" * 1000), 1000) == b"a" * 1000
    # Twice the limit was under the old four-fold allowance: what the parser gets is held to the plain limit.
    with pytest.raises(read.UnreadableDocument, match="^decompressed size over the limit of 1,000 bytes$"):
        read.gunzip(gzipped(b"a" * 2001), 1000)
    (tmp_path / "page.html.gz").write_bytes(gzipped(b"<p>" + b"a" * 5000 + b"</p>"))
    with pytest.raises(read.UnreadableDocument, match="^decompressed size over the limit"):
        read.read_bytes(tmp_path / "page.html.gz", 1000)


def test_a_gzip_bomb_is_unpacked_in_a_stream_that_stops_at_the_limit():
    bomb = gzipped(b"\0" * 50_000_000)  # 49 KB that unpack to 50 MB
    tracemalloc.start()
    try:
        with pytest.raises(read.UnreadableDocument, match="^decompressed size over the limit"):
            read.gunzip(bomb, 100_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(bomb) + 2 * 100_000 + 4 * read.GUNZIP_CHUNK


# find_documents


def test_a_folder_yields_its_article_files_sorted_and_reports_entries_that_cannot_be_read(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text("a")
    (tmp_path / "notes.md").write_text("ignored: not an article name")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.html")
    (tmp_path / "folder.txt").mkdir()

    found, problems = read.find_documents([tmp_path])

    assert found == [tmp_path / "b.txt", tmp_path / "sub" / "a.html"]
    assert problems == [
        (tmp_path / "broken.txt", "broken symbolic link"),
        (tmp_path / "pipe.html", "a named pipe, not a regular file"),
    ]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file or folder"),
        (
            lambda d: (d / "plain").write_text("x") and d / "plain" / "x.txt",
            "a part of the path is a file, not a folder",
        ),
        (lambda d: (d / "notes.md").write_text("x") and d / "notes.md", "not an article file (expected .txt, "),
        (lambda d: os.mkfifo(d / "pipe.txt") or d / "pipe.txt", "a named pipe, not a regular file"),
        (lambda d: (d / "l.txt").symlink_to(d / "gone") or d / "l.txt", "broken symbolic link"),
    ],
    ids=["missing", "under a file", "other suffix", "named pipe", "dangling link"],
)
def test_named_paths_that_cannot_be_used_say_why(tmp_path, make, reason):
    path = make(tmp_path)
    found, problems = read.find_documents([path])
    assert found == []
    assert len(problems) == 1 and problems[0][0] == path and problems[0][1].startswith(reason)


def test_a_symlinked_folder_loop_does_not_make_the_walk_endless(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "again").symlink_to(tmp_path)
    assert read.find_documents([tmp_path]) == ([tmp_path / "a.txt"], [])


def test_supported_names_ignore_case():
    assert read.is_supported(Path("A.TXT")) and read.is_supported(Path("b.Html.GZ"))
    assert not read.is_supported(Path("c.pdf"))


def test_the_control_ratio_counts_unicode_control_characters_but_newline_and_tab():
    import unicodedata

    from archive.ingest.read import control_ratio

    controls = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\n\t"]
    assert control_ratio("".join(controls)) == 1.0
    assert control_ratio("plain\ttext\nwith é, ß, \u00a0 and \u200b") == 0.0
    assert control_ratio("ab\x01\x7f") == 0.5
