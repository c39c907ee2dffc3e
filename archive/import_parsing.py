"""Files or bytes in; parsed articles, or a one-line reason why not, out: the parsing half of an import, which needs
no database, under a time budget per file and in worker processes when asked."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from .ingest import UnreadableDocument, parse_document, read_bytes
from .ingest.parsed import ParsedArticle
from .ingest.prepare import PreparedArticle

Prepare = Callable[[ParsedArticle], PreparedArticle]

IN_FLIGHT_PER_JOB = 8  # parsed articles waiting for the writer, per worker: bounds memory whatever the file count


class OutOfTime(BaseException):
    """Raised by the alarm in the middle of a parse that ran past its budget. A BaseException, so that no
    ``except Exception`` inside a parser (or a library) can swallow it and go on parsing."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OutOfTime in the code inside once it has run for ``seconds`` (wall clock).

    A SIGALRM timer, so it works in the main thread of any process (the import command, or a worker of a pool that
    parses); elsewhere (another thread, a system without SIGALRM) the code runs without a budget. Python checks for
    the signal between bytecodes: a single regular expression is not interrupted, which is why every pattern in
    the ingest is linear, and the budget is the last line of defence, for the steps written in Python.
    """
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def out_of_time(signum, frame):
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_for_import(data: bytes, name: str, seconds: float | None = None) -> tuple[ParsedArticle | None, str]:
    """The parsing half of an import, which needs no database: the parsed article, or None and why not.

    A parse that takes longer than ``seconds`` (default: the ARCHIVE_PARSE_SECONDS setting) is given up, so that
    one hostile file cannot hold the whole import.
    """
    seconds = settings.ARCHIVE_PARSE_SECONDS if seconds is None else seconds
    try:
        # Parsers of third-party pages warn about odd markup (bs4's "looks like a file name"): the user acts on a
        # file's line, not on a library's warning, and the page is still read.
        with warnings.catch_warnings(), time_budget(seconds):
            warnings.simplefilter("ignore")
            return parse_document(data, name), ""
    except OutOfTime:
        return None, f"took longer than {seconds:g} s, skipped"
    except UnreadableDocument as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the others
        return None, f"could not be parsed ({type(exc).__name__}: {exc})"


def parse_file(path: Path, max_bytes: int, prepare: Prepare | None = None) -> tuple[ParsedArticle | None, str]:
    """Read and parse one file, without the database (what an import's parsing workers run); with ``prepare``
    (the loader's Preparer), also do what the writer would otherwise do without a database, and return that."""
    try:
        data = read_bytes(path, max_bytes)
    except UnreadableDocument as exc:
        return None, str(exc)
    parsed, reason = parse_for_import(data, printable(path.name))
    if parsed is None or prepare is None:
        return parsed, reason
    try:
        return prepare(parsed), ""
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the others
        return None, f"could not be prepared ({type(exc).__name__}: {exc})"


# The workers' Preparer: given once to each worker when the pool starts, not pickled with every file.
_worker_prepare: Prepare | None = None


def _start_worker(prepare: Prepare | None) -> None:
    global _worker_prepare
    _worker_prepare = prepare


def _parse_in_worker(path: Path, max_bytes: int) -> tuple[ParsedArticle | PreparedArticle | None, str]:
    return parse_file(path, max_bytes, _worker_prepare)


def parse_files(
    files: list[Path], jobs: int, max_bytes: int, prepare: Prepare | None = None
) -> Iterator[tuple[Path, tuple[ParsedArticle | PreparedArticle | None, str]]]:
    """Each file with its parse (or why not), in the files' order, parsed by `jobs` worker processes, and
    prepared for the writer there when ``prepare`` is given.

    One writer (the caller) and ordered results: the archive is the same whatever the number of jobs. At most
    IN_FLIGHT_PER_JOB articles per worker wait for the writer, so memory stays flat however many files there are.
    """
    if jobs == 1 or len(files) < 2:
        for path in files:
            yield path, parse_file(path, max_bytes, prepare)
        return
    # Forked workers start at once with Django loaded; they never touch the database connection they inherit
    # (parsing needs none), and leave with os._exit, which does not close it.
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker, initargs=(prepare,)) as pool:
        waiting: deque = deque()
        pending = iter(files)

        def submit(path: Path) -> None:
            waiting.append((path, pool.apply_async(_parse_in_worker, (path, max_bytes))))

        for path in itertools.islice(pending, jobs * IN_FLIGHT_PER_JOB):
            submit(path)
        while waiting:
            path, result = waiting.popleft()
            for more in itertools.islice(pending, 1):
                submit(more)
            yield path, result.get()


def printable(path: Path | str) -> str:
    """A path (or any text) fit for one line of output: a name that is not valid UTF-8 must not stop the import,
    and one holding a new line, a carriage return or a terminal escape must not forge or hide a line, so every
    character that does not print is written as its escape (\\n, \\x1b)."""
    try:
        text = os.fsencode(path).decode("utf-8", errors="replace")
    except UnicodeEncodeError:  # a lone surrogate that no file name's bytes make
        text = str(path).encode("utf-8", errors="replace").decode("utf-8")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
