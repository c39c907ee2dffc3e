"""Production settings, checked in a fresh process as a server would start them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
    # One line that names the setting, not a traceback.
    assert result.stderr.strip().splitlines() == [
        "Configuration error: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (set DJANGO_DEBUG=1 for "
        "development)"
    ]


def test_debug_is_off_unless_asked_for():
    # A server started without any configuration shows no tracebacks: it is production, and wants its key.
    result = manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (set DJANGO_DEBUG=1" in result.stderr
    asked = "from django.conf import settings; print(settings.DEBUG)"
    assert manage("shell", "-c", asked, DJANGO_SECRET_KEY="k" * 50).stdout.split()[-1] == "False"
    assert manage("shell", "-c", asked, DJANGO_DEBUG="1").stdout.split()[-1] == "True"


def test_production_settings_pass_the_deployment_checks_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="archive.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_malformed_boolean_setting_is_refused_loudly():
    result = manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_in_debug_mode_the_generated_secret_key_is_kept_across_restarts(tmp_path):
    from archive.settings import development_secret_key

    path = tmp_path / "var" / "development-secret-key"
    first = development_secret_key(path)
    assert first == development_secret_key(path)
    assert len(first) > 40
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no draft left behind


def test_a_configured_secret_key_is_used_as_given():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="production-" + "k" * 50,
    )
    assert result.stdout.strip().splitlines()[-1] == "production-" + "k" * 50
