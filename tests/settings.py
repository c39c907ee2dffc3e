"""The test suite's settings: the archive's development settings, asked for as scripts/serve asks (DEBUG is off
unless DJANGO_DEBUG=1; pytest-django still runs the tests themselves with DEBUG off)."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from archive.settings import *  # noqa: E402, F403
