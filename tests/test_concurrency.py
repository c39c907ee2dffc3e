"""Readers while an import writes: a real gunicorn on a SQLite file in WAL mode, an import in another process, and
several clients reading pages meanwhile. Every page answers 200; nothing reports "database is locked".

Everything is bounded: the server and clients on 127.0.0.1 only, a deadline on each wait, a cap on requests.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CLIENTS = 6
MAX_REQUESTS_PER_CLIENT = 400
DEADLINE = 90  # seconds for the whole exercise
PAGES_TO_IMPORT = 80

pytestmark = pytest.mark.sqlite_only


def environment(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return env | {"DATABASE_URL": f"sqlite:///{database}", "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_DEBUG": "1"}


def manage(*args: str, database: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(database),
        capture_output=True,
        text=True,
        timeout=120,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def pages_to_import(database: Path, folder: Path) -> None:
    """New articles made of the seeds' paragraphs, each with its own title, address and date."""
    with sqlite3.connect(database) as db:
        bodies = [body for (body,) in db.execute("SELECT body FROM archive_article ORDER BY id")]
    folder.mkdir()
    for n in range(PAGES_TO_IMPORT):
        paragraphs = bodies[n % len(bodies)].split("\n\n")
        text = "".join(f"<p>{p}</p>" for p in paragraphs)
        ld = json.dumps(
            {"@type": "NewsArticle", "headline": f"Report {n}", "datePublished": f"2024-01-{n % 28 + 1:02d}"}
        )
        (folder / f"report-{n:03d}.html").write_text(
            f'<html><head><title>Report {n}</title><link rel="canonical" href="https://example.org/report/{n}">'
            f'<script type="application/ld+json">{ld}</script></head>'
            f"<body><article><h1>Report {n}</h1><p>Report number {n} of the series.</p>{text}</article></body></html>",
            encoding="utf-8",
        )


def reading_urls(base: str, database: Path) -> list[str]:
    with sqlite3.connect(database) as db:
        article = db.execute("SELECT slug FROM archive_article ORDER BY id LIMIT 1").fetchone()[0]
        speaker = db.execute(
            "SELECT s.slug FROM archive_speaker s JOIN archive_quote q ON q.speaker_id = s.id "
            "GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        quote = db.execute("SELECT id FROM archive_quote WHERE status != 'rejected' LIMIT 1").fetchone()[0]
        topic = db.execute("SELECT slug FROM archive_topic ORDER BY id LIMIT 1").fetchone()[0]
    paths = [
        "/",
        "/articles/",
        f"/articles/{article}/",
        "/speakers/",
        f"/speakers/{speaker}/",
        "/quotes/",
        "/quotes/?kind=direct&text=Israel",
        f"/quotes/?speaker={speaker}&date_from=2020-01-01&date_to=2030-12-31",
        f"/quotes/?topic={topic}",
        "/quotes/?page=2",
        f"/quotes/{quote}/",
        "/topics/",
        f"/topics/{topic}/",
    ]
    return [base + path for path in paths]


@pytest.fixture
def live_site(tmp_path):
    database = tmp_path / "archive.sqlite3"
    for args in (("migrate",), ("import_seeds",)):
        result = manage(*args, database=database)
        assert result.returncode == 0, result.stderr
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "archive.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--threads", "4", "--timeout", "60"],
        cwd=ROOT,
        env=environment(database),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if get(base + "/")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield base, database, tmp_path / "server.log"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def test_pages_answer_200_while_an_import_writes(live_site, tmp_path):
    base, database, server_log = live_site
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    pages_to_import(database, tmp_path / "incoming")
    urls = reading_urls(base, database)
    failures: list[tuple[str, object]] = []
    answered: list[float] = []
    importing = threading.Event()
    importing.set()
    start = time.monotonic()

    def reader(offset: int) -> None:
        for n in range(MAX_REQUESTS_PER_CLIENT):
            if not importing.is_set() or time.monotonic() - start > DEADLINE:
                return
            url = urls[(offset + n) % len(urls)]
            try:
                status, body = get(url)
            except OSError as error:
                failures.append((url, repr(error)))
                continue
            if status != 200 or "database is locked" in body:
                failures.append((url, status))
            answered.append(time.monotonic())

    importer = subprocess.Popen(
        [sys.executable, "manage.py", "import_seeds", str(tmp_path / "incoming")],
        cwd=ROOT,
        env=environment(database),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    readers = [threading.Thread(target=reader, args=(n * 3,), daemon=True) for n in range(CLIENTS)]
    for thread in readers:
        thread.start()
    try:
        out, err = importer.communicate(timeout=DEADLINE)
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.wait(timeout=10)
        importing.clear()
        import_ended = time.monotonic()
        for thread in readers:
            thread.join(timeout=30)

    assert importer.returncode == 0, err
    assert f"{PAGES_TO_IMPORT} created" in out
    assert "locked" not in err
    assert not failures, failures[:10]
    during = [moment for moment in answered if moment < import_ended]
    assert len(during) >= 2 * len(urls), "the clients read while the import was writing"
    log = server_log.read_text()
    assert "database is locked" not in log and "Traceback" not in log
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM archive_article").fetchone()[0] == PAGES_TO_IMPORT + 5
