"""`templates_used` becomes `shareable_templates_used`: "template" alone now means a Django template.

Stored revisions carry the old key; it is renamed there too, so publishing an older draft keeps its links.
"""

from django.db import migrations


def rename_in_revisions(apps, schema_editor, old="templates_used", new="shareable_templates_used"):
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="casestudies", model="casestudypage"
    )
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(content_type__in=content_type)
    for revision in revisions.iterator():
        if old in revision.content:
            revision.content[new] = revision.content.pop(old)
            revision.save(update_fields=["content"])


def rename_back(apps, schema_editor):
    rename_in_revisions(apps, schema_editor, old="shareable_templates_used", new="templates_used")


class Migration(migrations.Migration):

    dependencies = [
        ('casestudies', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.RenameField(
            model_name='casestudypage',
            old_name='templates_used',
            new_name='shareable_templates_used',
        ),
        migrations.RunPython(rename_in_revisions, rename_back),
    ]
