"""Wagtail's default "Moderators" and "Editors" groups go as soon as Wagtail's migration creates them.

Erfa's roles replace them (portal/roles.py). On a fresh database nobody is in them yet, so they are
deleted here and a bare `migrate` never leaves a group that may publish anywhere. Groups that already
have members are left for `manage.py setup_roles`, which moves the members to the closest role first.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def remove_empty_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_empty_default_groups, migrations.RunPython.noop)]
