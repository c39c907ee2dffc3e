from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command


def run(*args) -> str:
    out = StringIO()
    call_command("create_editor", *args, stdout=out)
    return out.getvalue()


def password_in(output: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in output.splitlines() if "password:" in line)


@pytest.mark.django_db
def test_it_creates_a_staff_editor_with_a_random_password_that_logs_in():
    output = run("--username", "ed")
    user = get_user_model().objects.get(username="ed")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert authenticate(username="ed", password=password_in(output)) == user
    assert user.has_perm("archive.change_quote") and user.has_perm("archive.delete_speaker")


@pytest.mark.django_db
def test_running_it_again_gives_a_new_password_and_the_old_one_stops_working():
    first = password_in(run())
    second = password_in(run())
    assert first != second
    assert authenticate(username="editor", password=first) is None
    assert authenticate(username="editor", password=second) is not None
