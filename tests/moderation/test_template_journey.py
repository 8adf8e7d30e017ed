"""The whole way of a shareable template, through the admin with real workflow objects."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from methods.models import ShareableTemplatePage
from tests.moderation.conftest import client_for


def upload(client, name, content):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type="text/plain")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.get(title=name)


def template_form(document, title="Agenda for reflection meetings", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "agenda-for-reflection-meetings",
            "purpose": rich_text("<p>Helps the team prepare the meeting.</p>"),
            "when_to_use": "before_meeting",
            "file_format": "plain_text",
            "language": "en",
            "version_note": "Version 1",
            "licence": "Free to reuse; please name Erfa.",
            "summary": "An agenda for the first meeting after a home visit.",
            "review_interval_months": 12,
            "files": inline_formset([{"document": document.pk, "label": "Agenda"}]),
            "comments": inline_formset([]),
            "meeting_pair": streamfield([]),  # drawn by JavaScript in the admin: not a before/after pair
            **extra,
        }
    )


def act(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_template_journey(library, resource_user, communications_user, employee, mailoutbox):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)

    # 1. The resource person uploads a file into their collection and submits a new template.
    document = upload(author, "agenda.txt", b"Agenda\n1. Check-in\n")
    assert document.collection.name == "Resource persons"
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    response = author.post(add_url, {**template_form(document), "action-submit": "Submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")

    # 2. Not live; Communications is told.
    assert not page.live
    assert page.workflow_in_progress
    assert [m.to for m in mailoutbox] == [["kaja@example.org"]]
    assert "Agenda for reflection meetings" in mailoutbox[0].subject
    assert "Rune Aasvik" in mailoutbox[0].body
    mailoutbox.clear()

    # 3. Rejected with a comment, which reaches the author by e-mail and in the editor.
    response = act(reviewer, page, "reject", "Please name the licence holder.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to for m in mailoutbox] == [["rune@example.org"]]
    assert "needs changes" in mailoutbox[0].subject
    assert "Please name the licence holder." in mailoutbox[0].body
    editor = author.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Please name the licence holder." in editor
    history = author.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Please name the licence holder." in history
    mailoutbox.clear()

    # 4. The author fixes it and resubmits; Communications approves.
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    fixed = template_form(document, licence="Free to reuse; © Erfa, name us.")
    response = author.post(edit_url, {**fixed, "action-submit": "Submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert not page.live
    assert [m.to for m in mailoutbox] == [["kaja@example.org"]]
    mailoutbox.clear()
    response = act(reviewer, page, "approve", "Looks good, thank you!")
    assert response.status_code == 302

    # 5. Live; the author hears with the comment, and an employee opens and downloads it.
    page.refresh_from_db()
    assert page.live
    assert page.licence == "Free to reuse; © Erfa, name us."
    assert [m.to for m in mailoutbox] == [["rune@example.org"]]
    assert "Looks good, thank you!" in mailoutbox[0].body
    reader = client_for(employee)
    assert reader.get(page.url).status_code == 200
    template_file = page.files.first()
    response = reader.get(f"{page.url}download/{template_file.pk}/")
    assert response.status_code == 302
    assert b"Check-in" in b"".join(reader.get(response["Location"]).streaming_content)


def test_a_resource_person_cannot_publish(library, resource_user, mailoutbox):
    author = client_for(resource_user)
    document = upload(author, "notes.txt", b"Notes")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document), "action-publish": "Publish"})
    # Wagtail saves the page as a draft instead of publishing it.
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")
    assert not page.live
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    author.post(edit_url, {**template_form(document), "action-publish": "Publish"})
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision is None
    assert not Page.objects.filter(pk=page.pk, live=True).exists()


def test_acting_on_a_cancelled_or_decided_task_gives_a_message(library, resource_user, communications_user):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    document = upload(author, "notes.txt", b"Notes")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document), "action-submit": "Submit"})
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")
    first_task = page.current_workflow_task_state

    # Decided: rejected once, then acted on again through the same task.
    act(reviewer, page, "reject", "No.")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", first_task.pk])
    response = reviewer.post(url, {"comment": "Yes after all"}, follow=True)
    assert response.status_code == 200
    assert "not currently awaiting moderation" in response.content.decode()
    page.refresh_from_db()
    assert not page.live

    # Decided, while a newer review is in progress: the old task cannot be approved.
    author.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**template_form(document), "action-submit": "1"})
    page.refresh_from_db()
    assert page.workflow_in_progress
    response = reviewer.post(url, {"comment": "Old task"}, follow=True)
    assert response.status_code == 200
    assert "has already been decided" in response.content.decode()
    page.refresh_from_db()
    assert not page.live
    assert TaskState.objects.get(pk=first_task.pk).status == TaskState.STATUS_REJECTED

    # Cancelled: the author withdraws; approving afterwards says so.
    task_state = page.current_workflow_task_state
    page.current_workflow_state.cancel(user=resource_user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = reviewer.post(url, {"comment": "Too late"}, follow=True)
    assert response.status_code == 200
    assert "not currently awaiting moderation" in response.content.decode()
    page.refresh_from_db()
    assert not page.live


def test_two_editors_do_not_silently_overwrite_each_other(library, resource_user, communications_user):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    document = upload(author, "notes.txt", b"Notes")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, template_form(document))
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")
    revisions = page.revisions.count()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    # Communications takes the page to work on it: Wagtail's edit lock.
    assert reviewer.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by == communications_user

    # The author's save is refused with a message, and nothing is overwritten.
    response = author.post(edit_url, template_form(document, licence="Second editor's licence"), follow=True)
    assert "locked" in response.content.decode()
    assert page.revisions.count() == revisions
    assert page.get_latest_revision().as_object().licence != "Second editor's licence"
