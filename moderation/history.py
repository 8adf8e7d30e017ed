"""The workflow's and task's names in page history and the site-history report, in the reader's language.

Wagtail writes a workflow step's names into its log entry as plain text (data["workflow"]: "title",
"task"/"title", "next"/"title") and builds the history line from them, so names.py's TranslatedName,
given to the rows when loaded, never reaches those lines. Erfa registers the workflow actions again
(register_log_actions, after Wagtail's: see wagtail_hooks.py), with a formatter that hands Wagtail's own
formatter a copy of the entry whose names are translated. Wagtail's sentence (its msgid, translated by
its catalogues) and its fallbacks for incomplete data stay Wagtail's; only Erfa's own names change.
A name an administrator typed is shown as stored; the stored data is left in English.

A view restriction's log entry keeps the restriction's name the same way, in the language of whoever set
it ("Privat, åtkomlig för användare i specifika grupper" in a Dutch site history): it is named again from
its stored type, in the reader's language.
"""

import copy

from django.utils import translation
from wagtail.log_actions import LogFormatter
from wagtail.models import PageViewRestriction

from moderation.names import SOURCE_NAMES

WORKFLOW_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)
# The places in data["workflow"] where Wagtail stores a name: the workflow's, the task's, the next task's.
NAMED_STEPS = (None, "task", "next")


def translated(name):
    if isinstance(name, str) and name in SOURCE_NAMES:
        return translation.gettext(name)
    return name


def with_translated_names(data):
    """A copy of a workflow log entry's data with Erfa's names in the active language; anything else as it was."""
    if not isinstance(data, dict) or not isinstance(data.get("workflow"), dict):
        return data
    data = copy.deepcopy(data)
    workflow = data["workflow"]
    for step in NAMED_STEPS:
        named = workflow if step is None else workflow.get(step)
        if isinstance(named, dict) and "title" in named:
            named["title"] = translated(named["title"])
    return data


VIEW_RESTRICTION_ACTIONS = (
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)


def with_translated_restriction(data):
    """A copy of a view restriction's log entry data with the restriction named in the active language."""
    restriction = data.get("restriction") if isinstance(data, dict) else None
    names = dict(PageViewRestriction.RESTRICTION_CHOICES)
    if not isinstance(restriction, dict) or restriction.get("type") not in names:
        return data
    data = copy.deepcopy(data)
    data["restriction"]["title"] = str(names[restriction["type"]])
    return data


class TranslatedNamesFormatter(LogFormatter):
    """Wagtail's formatter for a workflow action, reading the entry with Erfa's names translated.

    Subclassed per action with `wagtail_formatter` and its `label` set (register_action takes a class).
    """

    wagtail_formatter = LogFormatter()
    translate_data = staticmethod(with_translated_names)

    def format_message(self, log_entry):
        # A shallow copy: the entry itself (and its cached message) keeps the stored data.
        entry = copy.copy(log_entry)
        entry.data = self.translate_data(log_entry.data)
        return self.wagtail_formatter.format_message(entry)

    def format_comment(self, log_entry):
        return self.wagtail_formatter.format_comment(log_entry)


def register_translated_workflow_actions(actions):
    """register_log_actions hook, run after Wagtail's own (order=1), whose formatters it wraps."""
    # register_action also appends the action's filter choice; ours repeats Wagtail's (same action, same
    # label), so the history filters would list each workflow action twice. Drop only what we appended.
    choices_before = len(actions.choices)
    translators = dict.fromkeys(WORKFLOW_ACTIONS, with_translated_names)
    translators.update(dict.fromkeys(VIEW_RESTRICTION_ACTIONS, with_translated_restriction))
    for action, translate_data in translators.items():
        wagtail_formatter = actions.formatters.get(action)
        if wagtail_formatter is None:  # a Wagtail without this action: nothing to translate
            continue
        attributes = {
            "wagtail_formatter": wagtail_formatter,
            "label": wagtail_formatter.label,
            "translate_data": staticmethod(translate_data),
        }
        actions.register_action(action)(type("TranslatedNamesFormatter", (TranslatedNamesFormatter,), attributes))
    del actions.choices[choices_before:]
