"""A consistent copy of the live SQLite database, taken with SQLite's online backup API.

The copy is one step of ``sqlite3.Connection.backup``: it reads a single snapshot, so writers (an import, an
editor) go on meanwhile and the copy holds either all or none of each of their transactions. It is written
beside its final name and renamed into place once checked, so a failed backup never leaves a half file there.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


class BackupRefused(Exception):
    """The backup cannot be made; str(exc) says why and what to do instead."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    tables: int


def default_path(folder: Path, now: datetime | None = None) -> Path:
    return folder / f"archive-{(now or datetime.now()):%Y%m%d-%H%M%S}.sqlite3"


def backup_connection(connection, target: Path) -> BackupResult:
    """Back up the database behind a Django connection; refuses anything but SQLite."""
    if connection.vendor != "sqlite":
        raise BackupRefused(
            f"the database is {connection.display_name}, and this command copies SQLite files only: "
            "use pg_dump (e.g. `pg_dump --format=custom --file=archive.dump DATABASE`, restored with pg_restore)"
        )
    connection.ensure_connection()
    return backup_sqlite(connection.connection, target)


def backup_sqlite(source: sqlite3.Connection, target: Path, timeout: float = 60) -> BackupResult:
    """Copy an open SQLite database to target (which must not exist) and check the copy.

    sqlite3's backup retries for ever while the source is locked (a writer in rollback-journal mode, or the source
    connection itself inside a write transaction); past ``timeout`` seconds it is given up with a reason.
    """
    deadline = time.monotonic() + timeout

    def give_up_when_late(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupRefused(f"the database stayed locked for {timeout:g} s: try again later")

    if target.exists():
        raise BackupRefused(f"{target} already exists: give a new path")
    if target.parent.exists() and not target.parent.is_dir():
        raise BackupRefused(f"cannot write {target}: {target.parent} is a file, not a folder")
    partial = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial)
        try:
            # pages=-1 (the default) copies everything in one step, i.e. from one snapshot.
            source.backup(copy, progress=give_up_when_late)
            # One self-contained file: a restored copy is switched back to WAL by the settings.
            copy.execute("PRAGMA journal_mode=DELETE")
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            tables = copy.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            copy.close()
        if problems != ["ok"]:
            raise BackupRefused(f"the copy failed its integrity check: {'; '.join(problems[:5])}")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupRefused(f"the copy failed ({type(exc).__name__}: {exc})") from None
    except OSError as exc:
        raise BackupRefused(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        # The partial copy and what SQLite keeps beside it: a write that failed half way (a full disk) leaves its
        # rollback journal there.
        for leftover in (partial, *(partial.with_name(partial.name + end) for end in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return BackupResult(path=target, size=target.stat().st_size, tables=tables)
