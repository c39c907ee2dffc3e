"""The Editors group: staff who curate the archive get the model permissions through it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = ("article", "speaker", "speakeralias", "quote", "topic")
EDITOR_ACTIONS = ("view", "add", "change", "delete")


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model in EDITOR_MODELS for action in EDITOR_ACTIONS]
    group.permissions.set(Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
