"""Names that say "shareable template" where they meant one, and the file format as a choice.

The format was free text ("Word og OpenDocument", "PDF"); it becomes one of five kinds. Existing
values, in the pages and in their stored revisions, are mapped by the words they contain, so a
draft published after the upgrade does not bring the old text back.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# Words in the old free-text format, in any of the five languages, and the kind they mean.
FORMAT_WORDS = [
    ("pdf", "pdf"),
    ("presentation", "presentation"),
    ("powerpoint", "presentation"),
    ("pptx", "presentation"),
    ("odp", "presentation"),
    ("spreadsheet", "spreadsheet"),
    ("excel", "spreadsheet"),
    ("xlsx", "spreadsheet"),
    ("ods", "spreadsheet"),
    ("kalkyl", "spreadsheet"),
    ("regneark", "spreadsheet"),
    ("word", "text_document"),
    ("opendocument", "text_document"),
    ("odf", "text_document"),
    ("docx", "text_document"),
    ("odt", "text_document"),
    ("markdown", "plain_text"),
    ("text", "plain_text"),
    ("txt", "plain_text"),
    ("tekst", "plain_text"),
]
KINDS = {kind for _word, kind in FORMAT_WORDS}


def format_kind(value):
    value = (value or "").strip().lower()
    if value in KINDS:
        return value
    for word, kind in FORMAT_WORDS:
        if word in value:
            return kind
    return ""


def map_formats(apps, schema_editor):
    page_model = apps.get_model("methods", "ShareableTemplatePage")
    for page in page_model.objects.exclude(file_format=""):
        page_model.objects.filter(pk=page.pk).update(file_format=format_kind(page.file_format))
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="methods", model="shareabletemplatepage"
    )
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(content_type__in=content_type)
    for revision in revisions.iterator():
        if revision.content.get("file_format"):
            revision.content["file_format"] = format_kind(revision.content["file_format"])
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('methods', '0001_initial'),
        ('people', '0004_contactmessage_sender_language'),
        ('portal', '0001_initial'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RunPython(map_formats, migrations.RunPython.noop),
        migrations.RenameModel(
            old_name='TemplateFile',
            new_name='ShareableTemplateFile',
        ),
        migrations.RenameModel(
            old_name='TemplateLibraryPage',
            new_name='ShareableTemplateIndexPage',
        ),
        migrations.AlterField(
            model_name='shareabletemplatepage',
            name='file_format',
            field=models.CharField(blank=True, choices=[('text_document', 'Text document (Word, OpenDocument)'), ('spreadsheet', 'Spreadsheet'), ('presentation', 'Presentation'), ('pdf', 'PDF'), ('plain_text', 'Plain text or Markdown')], help_text='What kind of file readers get. Used as a filter.', max_length=20, verbose_name='format'),
        ),
        migrations.AlterField(
            model_name='shareabletemplatepage',
            name='publisher',
            field=models.ForeignKey(blank=True, help_text='Who made or shares the template, and can answer questions about it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='published_shareable_templates', to='people.resourcepersonpage', verbose_name='publisher'),
        ),
        migrations.AlterField(
            model_name='shareabletemplatepage',
            name='related_method',
            field=models.ForeignKey(blank=True, help_text="The method this template belongs to, if any. The method's page then lists it.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='shareable_templates', to='methods.methodpage', verbose_name='related method'),
        ),
    ]
