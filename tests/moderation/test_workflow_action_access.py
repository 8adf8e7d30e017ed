"""The approve/reject view names a page under review only to those who may act on it or edit it."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from methods.models import ShareableTemplatePage
from tests.moderation.conftest import client_for
from tests.moderation.test_template_journey import template_form, upload

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Draft title nobody else may read"


@pytest.fixture
def submitted(library, resource_user):
    author = client_for(resource_user)
    document = upload(author, "notes.txt", b"Notes")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document, title=DRAFT_TITLE), "action-submit": "Submit"})
    page = ShareableTemplatePage.objects.get(title=DRAFT_TITLE)
    assert page.workflow_in_progress
    return page


def action_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_a_facilitator_is_refused_without_the_draft_title_while_under_review(submitted, facilitator_user):
    url = action_url(submitted, submitted.current_workflow_task_state)
    response = client_for(facilitator_user).get(url, follow=True)
    assert response.status_code in (200, 403)
    assert DRAFT_TITLE not in response.content.decode()


def test_a_facilitator_is_refused_without_the_draft_title_once_the_review_ended(
    submitted, facilitator_user, resource_user
):
    task_state = submitted.current_workflow_task_state
    submitted.current_workflow_state.cancel(user=resource_user)
    response = client_for(facilitator_user).get(action_url(submitted, task_state), follow=True)
    assert DRAFT_TITLE not in response.content.decode()
    assert "not currently awaiting moderation" not in response.content.decode()


def test_the_author_and_the_reviewer_still_learn_that_the_review_ended(submitted, resource_user, communications_user):
    task_state = submitted.current_workflow_task_state
    submitted.current_workflow_state.cancel(user=resource_user)
    for user in (resource_user, communications_user):
        response = client_for(user).get(action_url(submitted, task_state), follow=True)
        assert response.status_code == 200
        assert "not currently awaiting moderation" in response.content.decode()


@pytest.mark.parametrize(("language", "label"), [("sv", "Kommentar"), ("da", "Kommentar"), ("nl", "Opmerking")])
def test_the_decision_dialogs_comment_field_is_in_the_reviewers_language(
    submitted, communications_user, language, label
):
    profile = UserProfile.get_for_user(communications_user)
    profile.preferred_language = language
    profile.save()
    task_state = submitted.current_workflow_task_state
    for name in ("reject", "approve"):
        url = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[submitted.pk, name, task_state.pk])
        html = client_for(communications_user).get(url).json()["html"]
        assert re.search(rf"<label[^>]*>\s*{label}\s*<", html), html
        assert not re.search(r">\s*Comment\s*<", html)
