"""Approving from the page editor publishes the draft that was sent, also one that added inline rows.

A facilitator's draft that adds a gathering keeps that gathering without a database id; modelcluster
gives its form a blank instance when the reviewer's editor posts it back, so Wagtail counted it as an
edit, saved a revision with the reviewer's decision and, with re-approval on edit, started the review
over: "approved; it goes on to the next step" in a one-step workflow, for ever (portal.forms).
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from networks.factories import GatheringFactory, NetworkIndexPageFactory, NetworkPageFactory
from networks.models.inlines import Gathering
from tests.moderation.conftest import client_for

pytestmark = pytest.mark.django_db

START = datetime(2031, 5, 6, 7, 0, tzinfo=UTC)
RICH_TEXT = ("agenda", "assignment", "minutes")


def text(words):
    """Rich text as the editor saves it (with a block key): posted back unchanged, it is the same."""
    return f'<p data-block-key="k{len(words)}x2q">{words}</p>'


@pytest.fixture
def sent_draft(home, roles, communications_user):
    """A live network with one gathering, and a draft adding a second one, sent for review."""
    index = NetworkIndexPageFactory(parent=home)
    network = NetworkPageFactory(parent=index, title="Norrvik network", purpose=text("Why"))
    GatheringFactory(page=network, title="Kick-off", **{field: text(field) for field in RICH_TEXT})
    network.save_revision().publish()
    draft = network.get_latest_revision_as_object()
    end = START + timedelta(hours=3)
    draft.gatherings.add(Gathering(title="Closing gathering", start=START, end=end, **{f: text(f) for f in RICH_TEXT}))
    revision = draft.save_revision(user=communications_user)
    network.get_workflow().start(network, communications_user)
    return network, revision


def decide(client, page, changes=None):
    """Approve from the editor's menu, posting the edit form as the editor draws it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for key, value in (changes or {}).items():
        data[key] = value
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = "{}"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    return page


def new_gathering_field(client, page, name):
    """The name of the posted field `name` of the draft's new gathering (the row without an id)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    titles = [key for key, value in data.items() if key.endswith("-title") and value == "Closing gathering"]
    prefix = titles[0].removesuffix("-title")
    assert data[f"{prefix}-id"] == ""
    return f"{prefix}-{name}"


def test_approving_a_draft_with_a_new_gathering_from_the_editor_publishes_it(sent_draft, communications_user):
    network, revision = sent_draft
    network = decide(client_for(communications_user), network)

    assert network.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(network.pk)).status == WorkflowState.STATUS_APPROVED
    assert network.live_revision_id == revision.pk, "the reviewer's approval saved a revision of its own"
    assert sorted(network.gatherings.values_list("title", flat=True)) == ["Closing gathering", "Kick-off"]


def test_a_reviewer_who_changes_the_new_gathering_while_approving_restarts_the_review(sent_draft, communications_user):
    network, revision = sent_draft
    reviewer = client_for(communications_user)
    field = new_gathering_field(reviewer, network, "title")
    network = decide(reviewer, network, {field: "Closing gathering and next steps"})

    # An edit during review needs approving again (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
    assert network.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert network.latest_revision_id != revision.pk
    assert network.get_latest_revision_as_object().gatherings.filter(title="Closing gathering and next steps").exists()
