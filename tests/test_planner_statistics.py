"""An import that wrote rows leaves PostgreSQL with statistics to plan from (autovacuum may be late, or off)."""

import pytest
from django.core.management import call_command
from django.db import connection

from archive.planner_statistics import refresh_after_import

pytestmark = pytest.mark.django_db


def analyzed_rows(table: str) -> float:
    """What PostgreSQL's planner believes the table holds (-1 or 0 until it is analyzed)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def test_an_import_analyzes_the_tables_it_wrote_on_postgresql(settings):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner statistics")
    call_command("import_seeds", "seeds", jobs=1, verbosity=0)
    assert analyzed_rows("archive_quote") > 0
    assert analyzed_rows("archive_article") == 5


def test_sqlite_is_left_alone():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert refresh_after_import() is False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        assert cursor.fetchone() is None
