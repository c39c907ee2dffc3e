"""The backup command: a consistent, checked copy of the live SQLite database, also while it is being written."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from archive.backup import BackupRefused, backup_sqlite

ROOT = Path(settings.BASE_DIR)


def manage(*args: str, database_url: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env |= {"DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def tables_of(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    names = [
        name
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        # FTS5 keeps its index in shadow tables; their rows follow from the content and are checked by integrity.
        if not name.startswith("sqlite_") and "_fts_" not in name
    ]
    return {name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def integrity(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [result for (result,) in db.execute("PRAGMA integrity_check")]


def test_it_refuses_postgresql_and_points_to_pg_dump():
    # Refused before any connection is tried: no PostgreSQL server is needed here.
    result = manage("backup", database_url="postgres://nobody@127.0.0.1:1/archive")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "pg_dump" in result.stderr and "SQLite files only" in result.stderr


# Transactional: SQLite cannot back up a connection from inside its own write transaction.
@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True)
def test_the_backup_opens_passes_the_integrity_check_and_has_the_same_rows(tmp_path):
    call_command("import_seeds", stdout=StringIO())
    target = tmp_path / "copy.sqlite3"
    out = StringIO()

    call_command("backup", str(target), stdout=out)

    assert f"Backed up the database to {target}" in out.getvalue() and "integrity ok" in out.getvalue()
    assert integrity(target) == ["ok"]
    # A plain connection to the same (in-memory, shared) test database: rows as stored, not as Django converts them.
    live = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
        assert tables_of(copy) == tables_of(live)
    assert tables_of(live)["archive_quote"]
    live.close()
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True)
def test_by_default_it_writes_a_dated_file_under_backups(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    call_command("backup", stdout=StringIO())
    [made] = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"archive-\d{8}-\d{6}\.sqlite3", made.name)
    assert integrity(made) == ["ok"]


@pytest.mark.sqlite_only
@pytest.mark.django_db
def test_it_never_overwrites_a_file(tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(target), stdout=StringIO())
    assert target.read_bytes() == b"an older backup"


@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_path_that_cannot_be_written_is_one_clear_line(tmp_path):
    (tmp_path / "plain").write_text("a file, not a folder")
    with pytest.raises(
        CommandError, match=r"No backup made: cannot write .*plain/copy.sqlite3: .*plain is a file, not a folder"
    ):
        call_command("backup", str(tmp_path / "plain" / "copy.sqlite3"), stdout=StringIO())


@pytest.mark.sqlite_only
def test_a_locked_database_is_given_up_after_the_timeout_not_waited_for_for_ever(tmp_path):
    # sqlite3's backup() retries a locked source for ever; here the source is inside a write transaction.
    source = sqlite3.connect(tmp_path / "busy.sqlite3", isolation_level=None, check_same_thread=False)
    source.execute("CREATE TABLE t (a)")
    source.execute("BEGIN")
    source.execute("INSERT INTO t VALUES (1)")
    outcome = {}

    def attempt():
        try:
            backup_sqlite(source, tmp_path / "copy.sqlite3", timeout=0.5)
        except BackupRefused as refused:
            outcome["reason"] = str(refused)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the backup waited for ever"
    assert outcome["reason"] == "the database stayed locked for 0.5 s: try again later"
    # Nothing of the copy is left behind: not the copy, its partial file, nor the journal SQLite kept beside it.
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == []


@pytest.mark.sqlite_only
def test_a_backup_taken_while_another_connection_writes_is_consistent(tmp_path):
    """The live file in WAL mode, a writer adding (speaker, alias) pairs in one transaction each, backups meanwhile.

    Each backup must be a snapshot: every speaker with its alias, never one without the other.
    """
    live = tmp_path / "live.sqlite3"
    url = f"sqlite:///{live}"
    migrated = manage("migrate", database_url=url)
    assert migrated.returncode == 0, migrated.stderr
    stop = threading.Event()
    written = []

    def writer():
        db = sqlite3.connect(live, timeout=20, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        n = 0
        try:
            while not stop.is_set() and n < 100_000:
                n += 1
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO archive_speaker (name, slug, description, created_at, updated_at) "
                    "VALUES (?, ?, '', datetime('now'), datetime('now'))",
                    (f"Person {n}", f"person-{n}"),
                )
                speaker = db.execute("SELECT last_insert_rowid()").fetchone()[0]
                db.execute(
                    "INSERT INTO archive_speakeralias (speaker_id, name, key) VALUES (?, ?, ?)",
                    (speaker, f"Person {n}", f"person {n}"),
                )
                db.execute("COMMIT")
                written.append(n)
        finally:
            db.close()

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while len(written) < 50 and time.monotonic() < deadline:
            time.sleep(0.05)
        backups = []
        for number in range(3):
            target = tmp_path / f"during-{number}.sqlite3"
            result = manage("backup", str(target), database_url=url)
            assert result.returncode == 0, result.stderr
            backups.append(target)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()

    counts = []
    for target in backups:
        assert integrity(target) == ["ok"]
        with sqlite3.connect(target) as copy:
            speakers = copy.execute("SELECT count(*) FROM archive_speaker").fetchone()[0]
            orphans = copy.execute(
                "SELECT count(*) FROM archive_speaker s WHERE NOT EXISTS "
                "(SELECT 1 FROM archive_speakeralias a WHERE a.speaker_id = s.id)"
            ).fetchone()[0]
        assert orphans == 0
        counts.append(speakers)
    assert counts == sorted(counts) and counts[0] >= 50 and counts[-1] <= len(written)
    assert counts[-1] > counts[0], "the writer went on while the backups were taken"

    # Once the writes stop, a backup holds exactly the live rows.
    final = tmp_path / "final.sqlite3"
    assert manage("backup", str(final), database_url=url).returncode == 0
    with sqlite3.connect(final) as copy, sqlite3.connect(live) as source:
        assert tables_of(copy) == tables_of(source)

    # Restored as the README says: served as it is through DATABASE_URL.
    restored = manage(
        "shell",
        "-c",
        "from archive.models import Speaker; print(Speaker.objects.count())",
        database_url=f"sqlite:///{final}",
    )
    assert restored.returncode == 0 and restored.stdout.split()[-1] == str(len(written))


FULL_DISK = """
import resource, signal, sqlite3, sys
from pathlib import Path
from archive.backup import BackupRefused, backup_sqlite
folder = Path(sys.argv[1])
source = sqlite3.connect(folder / "source.sqlite3")
source.execute("CREATE TABLE t (a)")
source.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,) for _ in range(3000)])
source.commit()
# A disk that fills up half way through the copy: no file may grow past 256 KB.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))
try:
    backup_sqlite(source, folder / "backups" / "copy.sqlite3")
except BackupRefused as refused:
    print(refused)
"""


@pytest.mark.sqlite_only
def test_a_backup_that_fails_half_way_leaves_nothing_behind(tmp_path):
    # Run in its own process: the file size limit that stands for a full disk must not reach the test run.
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.startswith("the copy failed"), result.stdout + result.stderr
    assert list((tmp_path / "backups").iterdir()) == []
