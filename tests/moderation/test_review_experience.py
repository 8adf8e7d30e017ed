"""The review as its people see it: a confirmation after each decision, the right names, the reviewer's
comment on the author's edit page until they resubmit, the author's menu and where they land."""

import re
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from methods.models import ShareableTemplatePage
from tests.moderation.conftest import client_for
from tests.moderation.test_template_journey import act, template_form, upload

pytestmark = pytest.mark.django_db

COMMENT = "Please name the licence holder."


def submit(author, library, title="Agenda for reflection meetings", slug="agenda"):
    document = upload(author, f"{slug}.txt", b"Agenda")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    response = author.post(add_url, {**template_form(document, title=title, slug=slug), "action-submit": "Submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ShareableTemplatePage.objects.get(title=title)
    assert page.workflow_in_progress
    return page, document


def resubmit(author, page, document):
    form = template_form(document, title=page.title, slug=page.slug)
    response = author.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**form, "action-submit": "Submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.workflow_in_progress


def messages_after(response):
    """The success messages shown where the reviewer lands (the page they are sent to after the decision)."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def shown(client, response):
    """The page the reviewer lands on, with the messages it shows."""
    assert response.status_code == 302
    return unescape(client.get(response["Location"]).content.decode())


def edit_page(client, page):
    return unescape(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode())


def test_each_decision_is_confirmed_where_the_reviewer_lands(library, resource_user, communications_user):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    page, document = submit(author, library)

    landed = shown(reviewer, act(reviewer, page, "reject", COMMENT))
    assert "You requested changes to “Agenda for reflection meetings”. Rune Aasvik receives your comment" in landed

    resubmit(author, page, document)
    landed = shown(reviewer, act(reviewer, page, "approve", "Looks good."))
    assert "You approved “Agenda for reflection meetings” with a comment. It is now published" in landed

    other, _document = submit(author, library, title="Checklist for home visits", slug="checklist")
    landed = shown(reviewer, act(reviewer, other, "approve"))
    assert "You approved “Checklist for home visits”. It is now published." in landed
    assert "with a comment" not in landed


def test_a_decision_from_the_editors_menu_is_confirmed_too(library, resource_user, communications_user):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    page, document = submit(author, library)
    form = template_form(document, title=page.title, slug=page.slug)
    response = reviewer.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            **form,
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "Shorter, please."}',
        },
    )
    assert "You requested changes to “Agenda for reflection meetings”." in " ".join(messages_after(response))
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def status_dialog_heading(html):
    """The heading of the editor's "View details" review dialog."""
    dialog = html[html.index('id="workflow-status-dialog"') :]
    heading = re.search(r'<strong class="w-dialog__message-heading">(.*?)</strong>', dialog, re.S)
    return " ".join(heading.group(1).split())


def test_the_details_dialog_names_the_reviewer_who_requested_changes(library, resource_user, communications_user):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    page, document = submit(author, library)
    # In review: the dialog names the author, who sent it.
    heading = status_dialog_heading(edit_page(reviewer, page))
    assert heading.startswith("Sent to") and heading.endswith("by Rune Aasvik"), heading

    act(reviewer, page, "reject", COMMENT)
    for client in (author, reviewer):
        heading = status_dialog_heading(edit_page(client, page))
        assert heading.startswith("Changes requested") and heading.endswith("by Kaja Verhoef"), heading
        assert "Rune Aasvik" not in heading


def test_the_reviewers_comment_is_a_banner_on_the_edit_page_until_the_author_resubmits(
    library, resource_user, communications_user
):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    page, document = submit(author, library)
    assert 'id="erfa-review-comment"' not in edit_page(author, page)

    act(reviewer, page, "reject", COMMENT)
    html = edit_page(author, page)
    banner = html[
        html.index('id="erfa-review-comment"') : html.index("</section>", html.index('id="erfa-review-comment"'))
    ]
    assert "Changes requested by Kaja Verhoef on" in banner
    assert COMMENT in banner
    # Saving a draft keeps it: the author has not resubmitted yet.
    form = template_form(document, title=page.title, slug=page.slug)
    assert author.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form).status_code == 302
    assert COMMENT in edit_page(author, page)

    resubmit(author, page, document)
    assert 'id="erfa-review-comment"' not in edit_page(author, page)
    assert 'id="erfa-review-comment"' not in edit_page(reviewer, page)


def action_menu(html):
    """The footer's action menu: the primary action, then the labels in the "More actions" list in order."""
    start = html.index('<nav class="actions actions--primary footer__container"')
    footer = html[start : html.index("</nav>", start)]
    labels = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", m)).split())
        for m in re.findall(r"<(?:a|button)[^>]*class=\"button[^\"]*\"[^>]*>(.*?)</(?:a|button)>", footer, re.S)
    ]
    return [label for label in labels if label and label != "More actions"]


def test_withdrawing_comes_after_the_authors_next_step_while_in_review(library, resource_user, communications_user):
    author = client_for(resource_user)
    page, document = submit(author, library)
    html = edit_page(author, page)
    labels = action_menu(html)
    assert labels[0] == "Waiting for review: my pages in review", labels
    assert labels[-1] == "Withdraw from review", labels
    assert "Cancel workflow" not in html
    assert reverse("erfa_my_pages_in_review") in html

    # Changes requested: saving a draft leads, withdrawing still comes last.
    act(client_for(communications_user), page, "reject", COMMENT)
    labels = action_menu(edit_page(author, page))
    assert labels[0] == "Save draft", labels
    assert labels[-1] == "Withdraw from review", labels

    # The reviewer's own actions come first; withdrawing the author's page is last for them too.
    resubmit(author, page, document)
    labels = action_menu(edit_page(client_for(communications_user), page))
    assert labels[-1] == "Withdraw from review", labels
    assert "Request changes" in labels and labels.index("Request changes") < labels.index("Withdraw from review")


def test_after_submitting_an_author_lands_on_their_pages_in_review(library, resource_user, communications_user):
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    document = upload(author, "agenda.txt", b"Agenda")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    response = author.post(add_url, {**template_form(document), "action-submit": "Submit"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("erfa_my_pages_in_review")
    html = unescape(response.content.decode())
    assert "submitted for moderation" in html  # Wagtail's own message, shown where they land.
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")

    checklist, _doc = submit(author, library, title="Checklist for home visits", slug="checklist")
    closing, _doc = submit(author, library, title="Closing a case", slug="closing")
    act(reviewer, checklist, "reject", COMMENT)
    act(reviewer, closing, "approve")
    # Someone else's submission is not theirs to see.
    reviewer.post(
        add_url, {**template_form(document, title="Someone else's page", slug="else"), "action-submit": "Submit"}
    )
    assert ShareableTemplatePage.objects.filter(title="Someone else's page").exists()

    listing = unescape(author.get(reverse("erfa_my_pages_in_review")).content.decode())
    rows = {
        " ".join(re.sub(r"<[^>]+>", " ", title).split()): " ".join(re.sub(r"<[^>]+>", " ", state).split())
        for title, state in re.findall(
            r'<tr class="erfa-review-row"[^>]*>\s*<td>(.*?)</td>\s*<td>\s*'
            r'<strong class="erfa-review-state">(.*?)</strong>',
            listing,
            re.S,
        )
    }
    # Each title with its language (the author may have a page and its translation in the list).
    assert rows == {
        "Agenda for reflection meetings English": "In review",
        "Checklist for home visits English": "Changes requested",
        "Closing a case English": "Published",
    }
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in listing
    assert COMMENT in listing
    # The menu leads there.
    assert reverse("erfa_my_pages_in_review") in unescape(author.get(reverse("wagtailadmin_home")).content.decode())


def test_communications_keep_wagtails_landing_after_submitting(library, resource_user, communications_user):
    reviewer = client_for(communications_user)
    document = upload(client_for(resource_user), "agenda.txt", b"Agenda")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    response = reviewer.post(add_url, {**template_form(document), "action-submit": "Submit"})
    assert response.status_code == 302
    assert response["Location"] != reverse("erfa_my_pages_in_review")


def test_the_reviewers_comment_is_a_banner_in_the_translation_editor_too(
    resource_user, people_index, communications_user
):
    from people.factories import ResourcePersonPageFactory
    from tests.moderation.test_translation_flow import start_translation

    own = ResourcePersonPageFactory(parent=people_index, title="Rune Aasvik", user=resource_user, organisation=None)
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    target = start_translation(author, own, url_name="erfa_translate_page")
    assert author.post(reverse("erfa_submit_translation", args=[target.pk])).status_code == 302
    assert 'id="erfa-review-comment"' not in edit_page(author, target)

    target.refresh_from_db()
    act(reviewer, target, "reject", COMMENT)
    html = edit_page(author, target)
    # The author's edit page for a translation is wagtail-localize's translation editor.
    assert 'id="erfa-submit-translation"' in html
    banner = html[
        html.index('id="erfa-review-comment"') : html.index("</section>", html.index('id="erfa-review-comment"'))
    ]
    assert "Changes requested by Kaja Verhoef on" in banner
    assert COMMENT in banner

    assert author.post(reverse("erfa_submit_translation", args=[target.pk])).status_code == 302
    assert 'id="erfa-review-comment"' not in edit_page(author, target)


def test_the_details_dialog_says_when_in_the_reviewers_language(library, resource_user, communications_user):
    """Wagtail words the time with humanize's naturaltime, whose catalogues load only with its app."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import TaskState
    from wagtail.users.models import UserProfile

    page, _document = submit(client_for(resource_user), library)
    sent = timezone.now() - timedelta(hours=3)
    state = page.current_workflow_state
    WorkflowState.objects.filter(pk=state.pk).update(created_at=sent)
    TaskState.objects.filter(pk=state.current_task_state_id).update(started_at=sent)
    profile = UserProfile.get_for_user(communications_user)
    profile.preferred_language = "sv"
    profile.save()
    heading = status_dialog_heading(edit_page(client_for(communications_user), page))
    assert heading == "Skickad till Godkännande från Kommunikation 3 timmar sedan av Rune Aasvik"
