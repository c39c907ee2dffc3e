"""A SQLite archive's export always loads into PostgreSQL, even when its sources held what PostgreSQL refuses
(NUL escapes in JSON-LD, control characters in the text): nothing of the kind is stored in the first place.

The import and the export run on a SQLite file in other processes; the fixture is loaded into this test's
PostgreSQL database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from archive.models import Article, Quote

ROOT = Path(settings.BASE_DIR)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="loads a SQLite export into PostgreSQL"),
]


def hostile_page(n: int) -> str:
    ld = {
        "@type": "NewsArticle",
        "headline": f"Harbour\u0000 strike {n}\u001b ends",
        "author": {"@type": "Person", "name": "Jo\u0000 Reporter"},
        "publisher": {"@type": "Organization", "name": "Daily\u0000 News"},
        "datePublished": f"2024-03-{n + 1:02d}",
    }
    return (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
        f"<h1>Harbour strike {n} ends</h1>"
        f"<p>“We are going&#x1f; back to work&#27; on Monday {n},” said Åsa&#11; Berg, the union’s chair.</p>"
        "<p>“It was a hard winter for everyone,” Berg added, speaking outside the gates.</p>"
        "</article></body></html>"
    )


def on_sqlite(database: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env | {"DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_an_export_of_hostile_sources_from_sqlite_loads_into_postgresql(transactional_db, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for n in range(3):
        (sources / f"strike-{n}.html").write_text(hostile_page(n), encoding="utf-8")
    (sources / "strike.txt").write_bytes(
        "Harbour\x1b[2J strike ends\n\n“We are going\x0b back to work on Monday,” said Åsa\x00 Berg.\n".encode()
        + b"The strike began in November, when talks on pay and hours broke down after three weeks.\n" * 5
    )
    database, fixture = tmp_path / "archive.sqlite3", tmp_path / "archive.json"
    on_sqlite(database, "migrate", "-v0")
    on_sqlite(database, "import_seeds", str(ROOT / "seeds"), str(sources))
    on_sqlite(database, "export_fixtures", "--output", str(fixture))

    call_command("loaddata", str(fixture), verbosity=0)

    assert Article.objects.count() == 5 + 4
    assert Article.objects.filter(title="Harbour strike 0 ends", author="Jo Reporter", outlet="Daily News").exists()
    assert Quote.objects.filter(text__startswith="We are going back to work on Monday").count() == 4
