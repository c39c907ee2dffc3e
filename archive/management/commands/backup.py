"""Back up the live SQLite database to a file (SQLite's online backup API: the site may keep running)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from archive.backup import BackupRefused, backup_connection, default_path


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the SQLite database, default backups/archive-YYYYmmdd-HHMMSS.sqlite3. "
        "Restore: stop the server and copy the file over db.sqlite3, or serve it with "
        "DATABASE_URL=sqlite:////path/to/backup. PostgreSQL is backed up with pg_dump instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, help="the backup file to write (must not exist)")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="the database alias to back up")

    def handle(self, *args, path: Path | None, database: str, **options):
        target = path or default_path(Path(settings.BASE_DIR) / "backups")
        try:
            result = backup_connection(connections[database], target)
        except BackupRefused as exc:
            raise CommandError(f"No backup made: {exc}", returncode=1) from None
        self.stdout.write(
            f"Backed up the database to {result.path} ({result.size:,} bytes, {result.tables} tables, integrity ok)"
        )
