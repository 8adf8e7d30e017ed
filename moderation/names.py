"""The workflow's and task's names in the reader's language, stored once, in English.

Workflow.name and Task.name are database rows, shown by Wagtail's admin (dashboard, status panel,
history, review dialogs) and in its e-mails. Erfa's own names (workflow.WORKFLOW_NAME, TASK_NAME) are
msgids in Erfa's catalogues. When such a row is loaded, a post_init handler gives it a TranslatedName:
a str whose characters stay the English msgid, so that the database, comparisons and the JSON of
Wagtail's log entries keep the one source name, but whose text (str(), "%s", format(), HTML escaping,
which is how templates and messages show it) is the translation in the active language: the admin
user's language, or the recipient's when Wagtail renders an e-mail. Names an administrator typed
are left as typed.

The alternatives were worse: a lazy translation object is saved (and logged) in the language of
whoever saves it, and a Task subclass would change the task's type in every installation.

Saving a name from the admin's workflow or task form, which shows the translation, stores the
English msgid again when the submitted text is one of its translations (pre_save).
"""

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Task, Workflow
from wagtail.workflows import get_task_types

from moderation.workflow import TASK_NAME, WORKFLOW_NAME

SOURCE_NAMES = (WORKFLOW_NAME, TASK_NAME)


class TranslatedName(str):
    """An English msgid that reads as its translation in the active language (see the module's docstring)."""

    def __str__(self):
        return translation.gettext(str.__str__(self))

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __html__(self):
        return escape(str(self))


def translations_of(source):
    """The source name in every language Erfa speaks, the source included."""
    names = {source}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(translation.gettext(source))
    return names


def translate_name(sender, instance, **kwargs):
    name = instance.__dict__.get("name")  # not instance.name: a deferred field would be loaded
    if type(name) is str and name in SOURCE_NAMES:
        instance.name = TranslatedName(name)


def keep_source_name(sender, instance, **kwargs):
    """Store the msgid, whether the name is a TranslatedName or a translation typed back by the admin's form."""
    name = str.__str__(instance.name) if isinstance(instance.name, str) else instance.name
    for source in SOURCE_NAMES:
        if name == source or name in translations_of(source):
            instance.name = TranslatedName(source)
            return


def connect_signals():
    for model in (Workflow, Task, *get_task_types()):
        uid = f"erfa_translated_name_{model._meta.label}"
        post_init.connect(translate_name, sender=model, dispatch_uid=uid)
        pre_save.connect(keep_source_name, sender=model, dispatch_uid=uid)
