"""Create (or reset) an editor account: staff, in the Editors group, with a fresh random password."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create or reset an editor login and print its new random password (there is no default password)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="where the admin is served")

    def handle(self, *args, username: str, url: str, **options):
        user, created = get_user_model().objects.get_or_create(username=username)
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = True
        user.is_active = True
        user.save()
        user.groups.add(editors_group())
        verb = "Created" if created else "Reset the password of"
        self.stdout.write(f"{verb} editor account. Log in at {url}")
        self.stdout.write(f"  username: {username}")
        self.stdout.write(f"  password: {password}")


def editors_group() -> Group:
    """The Editors group (made by a migration); rebuilt with the archive's model permissions if it was removed."""
    group, created = Group.objects.get_or_create(name="Editors")
    if created:
        group.permissions.set(Permission.objects.filter(content_type__app_label="archive"))
    return group
