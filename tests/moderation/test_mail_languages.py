"""Every moderation and reminder e-mail is entirely in its recipient's language.

Each e-mail goes to a Danish and to a Swedish user: its subject and body carry the catalogue's
translations (the workflow's and the review step's names included), and none of the English
interface text.
"""

from datetime import date

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Task, Workflow

from methods.factories import ShareableTemplatePageFactory
from methods.models import ShareableTemplatePage
from moderation.names import TranslatedName
from moderation.workflow import TASK_NAME, WORKFLOW_NAME
from people.factories import ResourcePersonPageFactory
from people.review_reminders import send_review_reminders
from portal.factories import UserFactory
from portal.languages import name_in_sentence
from tests.moderation.conftest import client_for
from tests.moderation.test_notifications import choose_language
from tests.moderation.test_reminders import at
from tests.moderation.test_template_journey import act, template_form, upload

LANGUAGES = ["da", "sv"]

# Erfa's and Wagtail's English interface text in these e-mails; none of it may reach a Danish or Swedish reader.
ENGLISH = [
    "Hello",
    "has submitted",
    "for review",
    "Please review",
    "Review step",
    "Review it in the admin",
    "Everything waiting for you",
    "Workflow",
    "workflow",
    "Communications review",
    "Communications approval",
    "has approved",
    "has been approved",
    "needs changes",
    "has asked for changes",
    "Comment from the reviewer",
    "Make the changes",
    "The comment is also",
    "Open the page",
    "Edit your notification preferences",
    "has commented on",
    "New comments",
    "Resolved comments",
    "You are the content owner",
    "due for review",
    "review due",
]


def in_language(language, msgid):
    """The catalogue's translation, which must exist: an untranslated msgid would pass for English."""
    with translation.override(language):
        translated = translation.gettext(msgid)
    assert translated != msgid, f"{msgid!r} has no {language} translation"
    return translated


def assert_in_language(mail, language, *msgids):
    text = mail.subject + "\n" + mail.body
    english = [phrase for phrase in ENGLISH if phrase in text]
    assert english == [], f"English in the {language} e-mail:\n{text}"
    for msgid in msgids:
        assert in_language(language, msgid) in text, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_review_e_mails_are_in_each_recipients_language(
    language, library, resource_user, communications_user, mailoutbox
):
    for user in (resource_user, communications_user):
        choose_language(user, language)
    author, reviewer = client_for(resource_user), client_for(communications_user)
    document = upload(author, "agenda.txt", b"Agenda")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document), "action-submit": "Submit"})
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")

    # Submitted: the reviewers are asked.
    [submitted] = mailoutbox
    assert submitted.to == [communications_user.email]
    assert_in_language(submitted, language, TASK_NAME, WORKFLOW_NAME)
    # The page's language named as the recipient's language names it mid-sentence ("(engelska)"), not by
    # Wagtail's locale name ("(Norska (bokmål))" for a Norwegian page, in brackets of its own).
    with translation.override(language):
        assert submitted.subject.endswith(f" ({name_in_sentence('en')})")
    mailoutbox.clear()

    act(reviewer, page, "reject", "Name the licence holder.")
    [rejected] = mailoutbox
    assert rejected.to == [resource_user.email]
    assert_in_language(rejected, language, TASK_NAME, WORKFLOW_NAME, "Comment from the reviewer:")
    mailoutbox.clear()

    author.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**template_form(document), "action-submit": "1"})
    mailoutbox.clear()
    act(reviewer, page, "approve", "Thank you.")
    [approved] = mailoutbox
    assert approved.to == [resource_user.email]
    assert_in_language(approved, language, WORKFLOW_NAME, "Comment from the reviewer:")


def render_mail(name, language, context):
    with translation.override(language):
        subject = render_to_string(f"wagtailadmin/notifications/{name}_subject.txt", context)
        body = render_to_string(f"wagtailadmin/notifications/{name}.txt", context)
    return type("Mail", (), {"subject": subject, "body": body})


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comment_e_mail_is_in_the_recipients_language(language, library, resource_user, communications_user):
    page = ShareableTemplatePageFactory(parent=library, title="Agenda for reflection meetings")
    context = {
        "page": page,
        "editor": communications_user,
        "user": resource_user,
        "new_comments": [{"text": "Name the licence holder."}],
        "resolved_comments": [{"text": "Typo fixed."}],
        "deleted_comments": [],
        "replied_comments": [],
    }
    mail = render_mail("updated_comments", language, context)
    assert "Name the licence holder." in mail.body and "Typo fixed." in mail.body
    assert_in_language(mail, language, "New comments:", "Resolved comments:", "Open the page in the admin:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_administrators_submission_e_mail_is_in_their_language(language, library, resource_user, roles):
    # Sent only with WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS, which an installation may turn on.
    page = ShareableTemplatePageFactory(parent=library, title="Agenda for reflection meetings")
    context = {
        "page": page,
        "object": page,
        "workflow": Workflow.objects.get(name=WORKFLOW_NAME),
        "requested_by": resource_user,
    }
    mail = render_mail("workflow_state_submitted", language, {**context, "user": resource_user})
    assert "Rune Aasvik" in mail.body
    assert_in_language(mail, language, WORKFLOW_NAME, "Open the page in the admin:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reminder_is_in_the_owners_language_with_their_languages_title(language, library, people_index, mailoutbox):
    owner_user = UserFactory(username="signe", email="signe@example.org")
    choose_language(owner_user, language)
    owner = ResourcePersonPageFactory(parent=people_index, title="Signe Berg", email="", user=owner_user)
    overdue = ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    local_library = library.copy_for_translation(Locale.objects.get(language_code=language))
    local_library.save_revision().publish()
    local = overdue.copy_for_translation(Locale.objects.get(language_code=language))
    local.title = {"da": "Gammel dagsorden", "sv": "Gammal dagordning"}[language]
    local.last_reviewed = date(2026, 3, 1)  # reviewed: the English version is the one due
    local.save_revision().publish()

    send_review_reminders(now=at(date(2026, 3, 10)))

    [mail] = mailoutbox
    assert local.title in mail.body and "Old agenda" not in mail.body
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in mail.body
    assert_in_language(mail, language)


def test_workflow_and_task_names_are_stored_in_english_and_shown_translated(roles):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    task = Task.objects.get(name=TASK_NAME).specific
    assert isinstance(workflow.name, TranslatedName) and isinstance(task.name, TranslatedName)
    with translation.override("sv"):
        assert str(workflow.name) == in_language("sv", WORKFLOW_NAME)
        # Templates show a task as its name (Task.__str__), translated too.
        assert Template("{{ task }}").render(Context({"task": task})) == in_language("sv", TASK_NAME)
        # The admin's task form shows the translation; saving it stores the English name again.
        task.name = str(task.name)
        task.save()
        workflow.save()
    assert Task.objects.filter(name=TASK_NAME).exists()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).values_list("name", flat=True).get() == WORKFLOW_NAME

    # A Swedish administrator sees them in Swedish in the admin's workflow listing.
    administrator = UserFactory(username="ada", email="ada@example.org", is_superuser=True)
    choose_language(administrator, "sv")
    listing = client_for(administrator).get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert in_language("sv", WORKFLOW_NAME) in listing
    assert WORKFLOW_NAME not in listing


def test_the_reminder_never_names_a_draft_translations_title(library, people_index, mailoutbox):
    """A version nobody may view yet (a draft translation) keeps its title out of the e-mail."""
    owner_user = UserFactory(username="signe", email="signe@example.org")
    choose_language(owner_user, "sv")
    owner = ResourcePersonPageFactory(parent=people_index, title="Signe Berg", email="", user=owner_user)
    overdue = ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    local_library = library.copy_for_translation(Locale.objects.get(language_code="sv"))
    local_library.save_revision().publish()
    local = overdue.copy_for_translation(Locale.objects.get(language_code="sv"))
    local.title = "Hemligt utkast"
    local.save_revision()

    send_review_reminders(now=at(date(2026, 3, 10)))

    [mail] = mailoutbox
    assert "Old agenda" in mail.body and "Hemligt utkast" not in mail.body
