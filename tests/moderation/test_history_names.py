"""Page history and the site-history report name the workflow and its task in the editor's language,
in Wagtail's own sentences, the same names as the dashboard shows; a name an administrator typed stays as typed."""

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.users.models import UserProfile

from moderation.workflow import TASK_NAME, WORKFLOW_NAME
from tests.moderation.conftest import client_for
from tests.moderation.test_review_experience import resubmit, submit
from tests.moderation.test_template_journey import act

pytestmark = pytest.mark.django_db

# What the editor reads, one line per workflow step: Wagtail's sentences (its catalogues and Erfa's
# supplement to them), Erfa's names.
EXPECTED = {
    "sv": [
        "'Kommunikationsgranskning' startad. Nästa steg 'Godkännande från Kommunikation'",
        "Avvisad vid 'Godkännande från Kommunikation'. Ändringar begärda",
        "Återinskickade 'Godkännande från Kommunikation'. Arbetsflöde återupptaget",
        "Godkänd vid 'Godkännande från Kommunikation'. 'Kommunikationsgranskning' klart",
        "Inställt 'Kommunikationsgranskning' vid 'Godkännande från Kommunikation'",
    ],
    "da": [
        "»Gennemgang hos Kommunikation« startet. Næste trin: »Godkendelse hos Kommunikation«",
        "Afvist ved »Godkendelse hos Kommunikation«. Anmodet om ændringer",
        "»Godkendelse hos Kommunikation« indsendt igen. Arbejdsgang genoptaget",
        "Godkendt ved »Godkendelse hos Kommunikation«. »Gennemgang hos Kommunikation« fuldført",
        "Annullerede »Gennemgang hos Kommunikation« ved »Godkendelse hos Kommunikation«",
    ],
}


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def text_of(response):
    assert response.status_code == 200
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def reviewed(library, resource_user, communications_user):
    """One page through every workflow step (start, reject, resume, approve), another withdrawn."""
    author = client_for(resource_user)
    reviewer = client_for(communications_user)
    page, document = submit(author, library)
    act(reviewer, page, "reject", "Please name the licence holder.")
    resubmit(author, page, document)
    act(reviewer, page, "approve")
    withdrawn, _document = submit(author, library, title="Checklist for home visits", slug="checklist")
    withdrawn.current_workflow_state.cancel(user=resource_user)
    return page, withdrawn


@pytest.mark.parametrize("language", ["sv", "da"])
def test_page_history_names_the_workflow_and_task_in_the_editors_language(language, reviewed, communications_user):
    page, withdrawn = reviewed
    speaks(communications_user, language)
    reviewer = client_for(communications_user)
    history = text_of(reviewer.get(reverse("wagtailadmin_pages:history", args=[page.pk])))
    history += text_of(reviewer.get(reverse("wagtailadmin_pages:history", args=[withdrawn.pk])))
    for line in EXPECTED[language]:
        assert line in history
    assert WORKFLOW_NAME not in history
    assert TASK_NAME not in history


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_site_history_names_the_workflow_and_task_in_the_editors_language(language, reviewed, communications_user):
    speaks(communications_user, language)
    report = text_of(client_for(communications_user).get(reverse("wagtailadmin_reports:site_history")))
    for line in EXPECTED[language]:
        assert line in report
    assert WORKFLOW_NAME not in report
    assert TASK_NAME not in report


def test_the_history_filter_lists_each_workflow_action_once(reviewed, communications_user):
    page, _withdrawn = reviewed
    html = client_for(communications_user).get(reverse("wagtailadmin_reports:site_history")).content.decode()
    for action in ("wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.workflow.reject"):
        assert html.count(f'value="{action}"') == 1, action
    html = client_for(communications_user).get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert html.count('value="wagtail.workflow.resume"') == 1


def test_a_name_an_administrator_typed_is_shown_as_stored(library, communications_user):
    task = GroupApprovalTask.objects.create(name="Board sign-off step")
    workflow = Workflow.objects.create(name="Board sign-off")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    library.save_revision(user=communications_user)
    workflow.start(library, communications_user)

    speaks(communications_user, "sv")
    history = text_of(client_for(communications_user).get(reverse("wagtailadmin_pages:history", args=[library.pk])))
    assert "'Board sign-off' startad. Nästa steg 'Board sign-off step'" in history


def test_a_view_restriction_is_named_in_the_readers_language_whoever_set_it(library, communications_user):
    """Wagtail stores the restriction's name in the language of whoever set it; a Danish reader reads Danish."""
    from django.contrib.auth.models import Group
    from django.utils import translation
    from wagtail.models import PageViewRestriction

    names = dict(PageViewRestriction.RESTRICTION_CHOICES)
    with translation.override("sv"):
        restriction = PageViewRestriction(page=library, restriction_type=PageViewRestriction.GROUPS)
        restriction.save(user=communications_user)
        restriction.groups.add(Group.objects.first())
        swedish = str(names[PageViewRestriction.GROUPS])
    with translation.override("da"):
        danish = str(names[PageViewRestriction.GROUPS])
    assert swedish != danish

    speaks(communications_user, "da")
    history = reverse("wagtailadmin_pages:history", args=[library.pk])
    for address in (reverse("wagtailadmin_reports:site_history"), history):
        text = text_of(client_for(communications_user).get(address))
        assert danish in text and swedish not in text
