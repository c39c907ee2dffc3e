"""Bytes in, text out: decoding, size and binary checks, line endings and NUL bytes.

Every refusal is an ``UnreadableDocument`` whose message is one short reason, fit to print
after the file name.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import hashlib
import io
import os
import re
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GUNZIP_CHUNK",
    "UnreadableDocument",
    "content_hash",
    "control_ratio",
    "decode",
    "find_documents",
    "gunzip",
    "is_html",
    "is_supported",
    "read_bytes",
    "without_controls",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


class UnreadableDocument(Exception):
    """The file cannot be turned into article text; str(exc) says why in a few words."""


def is_supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def is_html(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing it by its size before reading it whole."""
    try:
        # A FIFO or a device would block or never end: only regular files are opened.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableDocument(not_a_file(info.st_mode))
        if info.st_size > max_bytes:
            raise UnreadableDocument(f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,}")
        with path.open("rb") as handle:
            if path.name.lower().endswith(".gz"):
                return gunzip_stream(handle, max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableDocument(os_reason(path, exc)) from None
    if len(data) > max_bytes:
        raise UnreadableDocument(f"file grew over the limit of {max_bytes:,} bytes while being read")
    return data


def not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"{kind}, not a regular file"


def os_reason(path: Path, exc: OSError, missing: str = "no such file") -> str:
    """A few words on why the system refused a path."""
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else missing
    if isinstance(exc, NotADirectoryError):
        return "a part of the path is a file, not a folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {exc.strerror or exc}"


GUNZIP_CHUNK = 64 * 1024


def gunzip(data: bytes, max_bytes: int) -> bytes:
    return gunzip_stream(io.BytesIO(data), max_bytes)


def gunzip_stream(compressed: BinaryIO, max_bytes: int) -> bytes:
    """The unpacked bytes of a gzip stream, refused as soon as they pass max_bytes: the same limit as a plain file,
    since what the parser gets is the unpacked text. Unpacked a chunk at a time, so a bomb (a few kilobytes that
    would unpack to gigabytes) costs no more memory than the limit."""
    chunks, size = [], 0
    try:
        with gzip.GzipFile(fileobj=compressed) as handle:
            while chunk := handle.read(GUNZIP_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise UnreadableDocument(f"decompressed size over the limit of {max_bytes:,} bytes")
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error):
        # zlib.error (a damaged deflate stream) is no OSError: without it a corrupt file would escape as a crash.
        raise UnreadableDocument("not a valid gzip file") from None
    return b"".join(chunks)


BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252/Latin-1.

    Refuses empty and binary input. The result has Unix line endings and no NUL bytes.
    """
    if not data.strip():
        raise UnreadableDocument("file is empty")
    text = None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableDocument(f"invalid {encoding} text") from None
            break
    if text is None and 0 in data[:8192]:
        text = utf16_without_bom(data)
    if text is None:
        if looks_binary(data):
            raise UnreadableDocument("binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Western news sites that are not UTF-8 are nearly always Windows-1252;
            # its five undefined bytes fall back to Latin-1 so nothing is refused.
            text = data.decode("cp1252", errors="strict") if _cp1252_ok(data) else data.decode("latin-1")
    text = normalise_text(text)
    if not text.strip():
        raise UnreadableDocument("file has no text")
    if control_ratio(text) > 0.05:
        raise UnreadableDocument("binary file, not text")
    return without_controls(text)


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 written without a BOM (as some Windows tools do), else None.

    Its ASCII characters leave a NUL in every other byte: the odd ones for little-endian, the even ones for big.
    """
    sample = data[:8192]
    if len(data) % 2:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= half // 4 and even <= half // 100:
        encoding = "utf-16-le"
    elif even >= half // 4 and odd <= half // 100:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def looks_binary(data: bytes) -> bool:
    """NULs in a sample mean binary (BOM-less UTF-16 was tried before)."""
    sample = data[:8192]
    nuls = sample.count(0)
    if not nuls:
        return False
    # A stray NUL byte or two in otherwise plain text is damage, not binary: it is dropped later.
    return nuls > max(2, len(sample) // 100)


# Unicode's control characters (category Cc) but newline and tab. One regular expression over the sample: a Python
# loop over its characters with unicodedata was 8% of parsing a page copy (pyinstrument, issue 12).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_ratio(text: str) -> float:
    sample = text[:8192]
    return len(_CONTROLS.findall(sample)) / max(1, len(sample))


# Control characters but tab and newline (C0, DEL, C1): XML 1.0 (the feeds) refuses most of them and PostgreSQL
# refuses NUL, so none is ever stored; a stray ESC or vertical tab in a page copy carries no meaning.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """The text without control characters other than tab and newline (line endings already made Unix)."""
    return CONTROL_CHARACTERS.sub("", text)


def normalise_text(text: str) -> str:
    """Unix line endings, no NULs, no BOM; everything else (NBSPs, double spaces) kept as printed."""
    text = text.replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text.lstrip("\ufeff")


def find_documents(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to import under the given files and folders, sorted; and the paths that cannot be used, with why.

    In a folder, entries with an article's name that cannot be read (a broken link, a pipe) are reported, not
    silently passed over; other names are ignored.
    """
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            problems.append((path, os_reason(path, exc, missing="no such file or folder")))
            continue
        if stat.S_ISDIR(mode):
            files, trouble = walk_folder(path)
            found.extend(files)
            problems.extend(trouble)
        elif not is_supported(path):
            problems.append((path, f"not an article file (expected {', '.join(SUPPORTED_SUFFIXES)})"))
        elif stat.S_ISREG(mode):
            found.append(path)
        else:
            problems.append((path, not_a_file(mode)))
    return found, problems


def walk_folder(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []

    def refused(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        problems.append((where, os_reason(where, exc, missing="no such folder")))

    # Symbolic links to folders are not followed (as rglob does): a link loop cannot make the walk endless.
    # A link to a file is followed only within the folder: one planted in an import folder must not publish a
    # readable file from elsewhere on the machine.
    inside = os.path.realpath(folder)
    for root, _dirs, names in os.walk(folder, onerror=refused):
        for name in names:
            path = Path(root) / name
            if not is_supported(path):
                continue
            if path.is_symlink() and os.path.commonpath([inside, os.path.realpath(path)]) != inside:
                problems.append((path, "symbolic link out of the folder, skipped"))
                continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                problems.append((path, os_reason(path, exc)))
                continue
            if stat.S_ISREG(mode):
                found.append(path)
            else:
                problems.append((path, not_a_file(mode)))
    return sorted(found), sorted(problems)


def content_hash(body: str) -> str:
    """Hash of the text with white space folded, so copies differing only in layout collide."""
    folded = re.sub(r"\s+", " ", body).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
