"""The tree's root page and root collection are named "Erfa" instead of Wagtail's "Root".

Both names are rows, not messages, so no catalogue translates them: the admin read "Udforsker: Root" in
Danish and "Root" in every collection list and chooser. A name is the same in every language.
"""

from django.db import migrations

OLD, NEW = "Root", "Erfa"


def rename(apps, old, new):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
