"""“Publish as a network update”: one update per signed-off final report, and the page says where it went."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import WorkflowState

from networks.factories import NetworkUpdatePageFactory
from networks.models import NetworkUpdatePage, TeamPlan
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS
from tests.moderation.conftest import client_for, member_of
from tests.moderation.test_template_journey import act
from tests.networks.team_fixtures import team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db

REPORT = {"results": "Fewer mistakes.", "lessons": "Checklists help.", "next_steps": "Spread to Hemtjänst."}
PUBLISH = "Publish as a network update"
IN_REVIEW = "Sent to Communications for review as a network update:"
SENT_BACK = "Communications asked for changes to the network update:"
REVIEWER_SAYS = "The reviewer’s comment:"


def report_url(network, team):
    return team_url(network, team, "report")


def sign_off_report(network, team, member, manager, results=REPORT["results"]):
    member.post(report_url(network, team), {**REPORT, "results": results, "action": "submit"})
    signed_in(manager).post(report_url(network, team), {"action": "sign_off", "comment": "Well done."})


@pytest.fixture
def signed_off(network, team, people, manager):
    call_command("setup_roles", stdout=io.StringIO())
    member = signed_in(people["anna"])
    sign_off_report(network, team, member, manager)
    return member


def test_a_second_publish_makes_no_second_update_and_says_it_was_already_sent(network, team, signed_off):
    first = signed_off.post(report_url(network, team), {"action": "publish"}, follow=True)
    assert "sent to Communications for review" in first.content.decode()

    page = signed_off.get(report_url(network, team)).content.decode()
    assert PUBLISH not in page
    assert IN_REVIEW in page and "Final report: Björken team" in page.split(IN_REVIEW)[1]

    # A stale tab still shows the button: its POST lands on the plan with a message, not on an error.
    again = signed_off.post(report_url(network, team), {"action": "publish"})
    assert again.status_code == 302 and again["Location"] == report_url(network, team) + "#main"
    page = signed_off.get(again["Location"]).content.decode()
    assert "This report was already sent as a network update: “Final report: Björken team”." in page
    assert NetworkUpdatePage.objects.child_of(network).count() == 1


def test_the_manager_is_not_offered_the_button_either_once_the_update_exists(network, team, signed_off, manager):
    boss = signed_in(manager)
    assert PUBLISH in boss.get(report_url(network, team)).content.decode()
    signed_off.post(report_url(network, team), {"action": "publish"})
    page = boss.get(report_url(network, team)).content.decode()
    assert PUBLISH not in page and IN_REVIEW in page


def test_an_update_in_review_links_to_the_editor_only_for_those_who_may_edit_it(network, team, people, signed_off):
    signed_off.post(report_url(network, team), {"action": "publish"})
    update = NetworkUpdatePage.objects.child_of(network).get()
    editor = f'href="/admin/pages/{update.pk}/edit/"'

    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert editor in signed_in(superuser).get(report_url(network, team)).content.decode()
    member_page = signed_off.get(report_url(network, team)).content.decode()
    assert IN_REVIEW in member_page and editor not in member_page  # Anna asked for it, but may not edit pages
    # Readers outside the team hear nothing of an update that is not published.
    assert IN_REVIEW not in signed_in(people["eva"]).get(report_url(network, team)).content.decode()


def test_a_published_update_is_linked_for_every_reader(network, team, people, signed_off):
    signed_off.post(report_url(network, team), {"action": "publish"})
    update = NetworkUpdatePage.objects.child_of(network).get()
    update.get_latest_revision().publish()
    update.refresh_from_db()

    for user in (people["anna"], people["eva"]):
        page = signed_in(user).get(report_url(network, team)).content.decode()
        notice = page.split("Published as a network update:")[1].split("</p>")[0]
        assert f'href="{update.url}"' in notice and "Final report: Björken team" in notice
        assert PUBLISH not in page


def test_a_newer_signed_off_report_may_be_published_again(network, team, signed_off, manager):
    signed_off.post(report_url(network, team), {"action": "publish"})
    sign_off_report(network, team, signed_off, manager, results="Even fewer mistakes.")

    assert PUBLISH in signed_off.get(report_url(network, team)).content.decode()
    signed_off.post(report_url(network, team), {"action": "publish"})
    summaries = sorted(NetworkUpdatePage.objects.child_of(network).values_list("summary", flat=True))
    assert summaries == ["Even fewer mistakes.", "Fewer mistakes."]


def test_an_update_made_before_the_fix_is_found_by_its_slug(network, team, signed_off):
    plan = TeamPlan.objects.get(kind="report")
    number = plan.versions.first().number
    NetworkUpdatePageFactory(
        parent=network, title="Final report: Björken team", slug=f"final-report-bjorken-team-{plan.pk}-{number}"
    )

    # The page says so before anyone clicks, rather than offering to publish it again.
    page = signed_off.get(report_url(network, team)).content.decode()
    assert PUBLISH not in page and "Published as a network update:" in page

    response = signed_off.post(report_url(network, team), {"action": "publish"}, follow=True)

    assert response.status_code == 200
    assert "already sent as a network update" in response.content.decode()
    assert NetworkUpdatePage.objects.child_of(network).count() == 1


def sent_back(network, team, signed_off, comment):
    """The update made from the report, rejected in the admin by a Communications reviewer."""
    signed_off.post(report_url(network, team), {"action": "publish"})
    update = NetworkUpdatePage.objects.child_of(network).get()
    reviewer = member_of(COMMUNICATIONS, "kaja", first_name="Kaja", last_name="Verhoef")
    assert act(client_for(reviewer), update, "reject", comment).status_code == 302
    assert update.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return update, reviewer


def test_the_team_and_manager_learn_that_communications_asked_for_changes(network, team, people, signed_off, manager):
    update, reviewer = sent_back(network, team, signed_off, "Please name the units in the summary.")

    for user in (people["anna"], people["bjorn"], manager):
        page = signed_in(user).get(report_url(network, team)).content.decode()
        assert SENT_BACK in page and IN_REVIEW not in page and PUBLISH not in page
        notice = page.split(SENT_BACK)[1]
        assert "Final report: Björken team" in notice.split("</p>")[0]
        assert "Please name the units in the summary." in notice.split(REVIEWER_SAYS)[1]
    # Readers outside the team still hear nothing of an update that is not published.
    assert SENT_BACK not in signed_in(people["eva"]).get(report_url(network, team)).content.decode()
    # Those who may edit the update are still led to the editor.
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    page = signed_in(superuser).get(report_url(network, team)).content.decode()
    assert f'href="/admin/pages/{update.pk}/edit/"' in page.split(SENT_BACK)[1].split("</p>")[0]

    # Changed and sent again: back in review, and the old comment is gone from the report.
    update.save_revision(user=reviewer)
    update.current_workflow_state.resume(user=reviewer)
    page = signed_off.get(report_url(network, team)).content.decode()
    assert IN_REVIEW in page and SENT_BACK not in page and REVIEWER_SAYS not in page


def test_changes_asked_for_without_a_comment_are_told_without_one(network, team, signed_off):
    sent_back(network, team, signed_off, "")

    with CaptureQueriesContext(connection) as queries:
        page = signed_off.get(report_url(network, team)).content.decode()
    assert SENT_BACK in page and REVIEWER_SAYS not in page
    # One query for the update's state, beside the one Wagtail's permission check behind the editor link makes.
    assert sum('"wagtailcore_workflowstate"' in query["sql"] for query in queries.captured_queries) <= 2


def test_an_update_withdrawn_from_review_is_not_said_to_be_in_review(network, team, signed_off):
    signed_off.post(report_url(network, team), {"action": "publish"})
    update = NetworkUpdatePage.objects.child_of(network).get()
    update.current_workflow_state.cancel(user=update.owner)

    page = signed_off.get(report_url(network, team)).content.decode()
    assert "A draft network update, withdrawn from review:" in page
    assert IN_REVIEW not in page and SENT_BACK not in page and PUBLISH not in page


def test_a_field_left_empty_has_no_heading_in_the_update(network, team, people, manager):
    call_command("setup_roles", stdout=io.StringIO())
    member = signed_in(people["anna"])
    member.post(report_url(network, team), {**REPORT, "next_steps": "  \n ", "action": "submit"})
    signed_in(manager).post(report_url(network, team), {"action": "sign_off", "comment": "Well done."})
    member.post(report_url(network, team), {"action": "publish"})

    update = NetworkUpdatePage.objects.child_of(network).get()
    headings = [str(block.value).split("</h2>")[0].removeprefix("<h2>") for block in update.body]
    assert headings == ["Results", "Lessons"], headings
