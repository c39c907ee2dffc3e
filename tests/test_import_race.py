"""An editor's decision committed while a re-import of the same article runs survives it, on PostgreSQL.

Two real connections: the import in one thread, the editor in another. The import is held right after it has read
the article's quotes, the editor then verifies (or reassigns) one of them, and the import goes on once the editor's
write has either committed or is seen waiting for the import's lock. Without the lock the import's save writes the
old status and speaker back over the editor's.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from archive.curation import reassign_quotes, set_status
from archive.loading import ArchiveLoader
from archive.models import Quote, Speaker
from tests.test_loading import BODY, parsed_article

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's writer lock serialises the two anyway"),
]

WAIT = 30  # seconds before a stuck exercise fails instead of hanging


def editor_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # Inside a transaction the activity view is a snapshot taken once: clear it to see the editor now.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def race(editor_action) -> list[BaseException]:
    """Re-import the article with a changed title while editor_action() runs between the import's read and save."""
    read_done, editor_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    reanchor = ArchiveLoader.reanchor

    def held_reanchor(article, curated):
        # Called right after the import read the article's quotes.
        read_done.set()
        deadline = time.monotonic() + WAIT
        while not editor_done.is_set() and not editor_waits_for_a_lock():
            assert time.monotonic() < deadline, "the editor neither committed nor waited"
            time.sleep(0.05)
        return reanchor(article, curated)

    def importer():
        try:
            loader = ArchiveLoader()
            loader.reanchor = held_reanchor
            loader.load(parsed_article(title="Minister on trade, updated"))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    def editor():
        try:
            assert read_done.wait(WAIT)
            editor_action()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            editor_done.set()
            connections.close_all()

    threads = [threading.Thread(target=importer), threading.Thread(target=editor)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 2)
    return errors


@pytest.fixture
def imported(transactional_db):
    ArchiveLoader().load(parsed_article())
    return Quote.objects.get(text__startswith="Trade between")


def test_a_verify_committed_during_a_re_import_survives_it(imported):
    errors = race(lambda: set_status(Quote.objects.filter(pk=imported.pk), Quote.Status.VERIFIED))

    assert not errors
    imported.refresh_from_db()
    assert imported.status == Quote.Status.VERIFIED
    assert imported.article.title == "Minister on trade, updated"  # the import did run


def test_a_speaker_reassigned_during_a_re_import_survives_it(imported):
    other = Speaker.objects.create(name="John Doe", slug="john-doe")

    errors = race(lambda: reassign_quotes(Quote.objects.filter(pk=imported.pk), other))

    assert not errors
    imported.refresh_from_db()
    assert (imported.speaker, imported.edited) == (other, True)
    assert BODY[imported.start : imported.end] == imported.text
