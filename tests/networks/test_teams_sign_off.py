"""Progress plans and final reports: drafting, the manager's sign-off, versions, and who sees what before it."""

import pytest
from wagtail.models import WorkflowState

from networks.models import NetworkUpdatePage, TeamPlan
from networks.models.plans import State
from networks.teams import flow
from tests.networks.team_fixtures import PLAN_POST, team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


def plan_url(network, team, kind="plan"):
    return team_url(network, team, kind)


def submitted_plan(network, team, people, mailoutbox=None):
    response = signed_in(people["anna"]).post(plan_url(network, team), {**PLAN_POST, "action": "submit"})
    assert response.status_code == 302
    return TeamPlan.objects.get(team=team, kind="plan")


def test_a_member_drafts_a_plan_and_each_save_is_a_version(network, team, people):
    client = signed_in(people["anna"])
    page = client.get(plan_url(network, team)).content.decode()
    assert "Save and submit for sign-off" in page and 'name="action_0"' in page

    client.post(plan_url(network, team), {**PLAN_POST, "action": "save"})
    client.post(plan_url(network, team), {**PLAN_POST, "goal": "Fewer mistakes, all shifts.", "action": "save"})

    plan = TeamPlan.objects.get(team=team, kind="plan")
    assert plan.state == State.DRAFT and plan.language == "en"
    assert plan.actions == [
        {"action": "Double-check at the evening round", "owner": "Anna Åberg", "due": "2030-04-01"},
        {"action": "Teach the checklist to night staff", "owner": "Bjørn Ødegaard", "due": ""},
    ]
    assert [(v.number, v.content["goal"]) for v in plan.versions.all()] == [
        (2, "Fewer mistakes, all shifts."),
        (1, "Fewer medication mistakes in Björken."),
    ]
    page = client.get(plan_url(network, team)).content.decode()
    history = page.split('id="history"')[1]
    assert "Version 2" in history and "Version 1" in history and "Anna Åberg" in history
    old = client.get(plan_url(network, team) + "versions/1/").content.decode()
    assert "Fewer medication mistakes in Björken." in old and "Fewer mistakes, all shifts." not in old


def test_a_form_with_a_mistake_keeps_what_was_typed_and_saves_nothing(network, team, people):
    data = {**PLAN_POST, "action": "save", "action_1": "", "owner_1": "Bjørn Ødegaard", "due_0": "not a date"}
    response = signed_in(people["anna"]).post(plan_url(network, team), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Say what the action is, or clear its row." in page
    assert (
        'value="Fewer medication mistakes in Björken."' in page
        or "Fewer medication mistakes in Björken.</textarea>" in page
    )
    assert 'value="not a date"' in page and 'value="Bjørn Ødegaard"' in page
    assert not TeamPlan.objects.exists()


def test_submitting_asks_the_manager_who_signs_off_and_then_the_network_sees_it(
    network, team, people, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan = submitted_plan(network, team, people)
    assert plan.state == State.WAITING
    assert [m.to for m in mailoutbox] == [["maja@example.org"]]
    assert "Björken team" in mailoutbox[0].subject
    assert (
        f"http://localhost{plan_url(network, team)}" in mailoutbox[0].body
        or plan_url(network, team) in mailoutbox[0].body
    )

    outsider = signed_in(people["eva"])
    assert outsider.get(plan_url(network, team)).status_code == 404

    boss = signed_in(manager)
    page = boss.get(plan_url(network, team)).content.decode()
    assert "Your sign-off" in page and "Fewer medication mistakes in Björken." in page
    assert boss.post(plan_url(network, team), {"action": "send_back", "comment": ""}).status_code == 200
    assert (
        boss.post(plan_url(network, team), {"action": "sign_off", "comment": "Good plan, go ahead."}).status_code == 302
    )

    plan.refresh_from_db()
    assert plan.state == State.SIGNED_OFF and plan.signed_off_at is not None
    # Submitting records one version (not a draft and then the same text waiting): the history reads as it happened.
    assert [(v.number, v.state) for v in plan.versions.all()] == [(2, "signed_off"), (1, "waiting")]
    assert plan.versions.first().comment == "Good plan, go ahead." and plan.versions.first().author == manager
    page = outsider.get(plan_url(network, team)).content.decode()
    assert "Fewer medication mistakes in Björken." in page and "Good plan, go ahead." in page
    assert "Your sign-off" not in page and "Save as draft" not in page
    network_page = outsider.get(network.url).content.decode().split('id="teams"')[1].split("</section>")[0]
    assert "Signed off" in network_page


def test_the_manager_sends_back_with_a_comment_and_the_team_edits_again(network, team, people, manager):
    plan = submitted_plan(network, team, people)
    member = signed_in(people["anna"])
    assert "Save as draft" not in member.get(plan_url(network, team)).content.decode()  # no edits while waiting
    assert member.post(plan_url(network, team), {**PLAN_POST, "action": "save"}).status_code == 403

    signed_in(manager).post(plan_url(network, team), {"action": "send_back", "comment": "Add a measure for nights."})

    plan.refresh_from_db()
    assert plan.state == State.RETURNED
    page = member.get(plan_url(network, team)).content.decode()
    assert "Add a measure for nights." in page and "Save as draft" in page
    assert signed_in(people["eva"]).get(plan_url(network, team)).status_code == 404


@pytest.mark.parametrize("who", ["member", "employee", "facilitator", "other_facilitator"])
def test_only_the_manager_signs_off(network, team, people, facilitator, other_facilitator, who):
    plan = submitted_plan(network, team, people)
    user = {"member": people["bjorn"], "employee": people["eva"], "facilitator": facilitator}.get(
        who, other_facilitator
    )
    response = signed_in(user).post(plan_url(network, team), {"action": "sign_off", "comment": "Fine by me."})
    assert response.status_code in (403, 404)
    plan.refresh_from_db()
    assert plan.state == State.WAITING


@pytest.mark.parametrize("who", ["employee", "manager", "facilitator", "other_facilitator"])
def test_only_team_members_draft(network, team, people, manager, facilitator, other_facilitator, who):
    user = {"employee": people["eva"], "manager": manager, "facilitator": facilitator}.get(who, other_facilitator)
    response = signed_in(user).post(plan_url(network, team), {**PLAN_POST, "action": "save"})
    assert response.status_code in (403, 404)
    assert not TeamPlan.objects.exists()


def test_a_draft_reaches_only_the_team_its_manager_and_the_facilitators(
    network, team, people, manager, facilitator, other_facilitator, client
):
    signed_in(people["anna"]).post(plan_url(network, team), {**PLAN_POST, "action": "save"})
    paths = [plan_url(network, team), plan_url(network, team) + "versions/1/"]
    paths += [plan_url(network, team) + f"versions/1/{file_format}/" for file_format in ("pdf", "docx")]
    for user in (people["bjorn"], manager, facilitator):
        for path in paths:
            assert signed_in(user).get(path).status_code == 200, (user, path)
    for user in (people["eva"], other_facilitator):
        for path in paths:
            response = signed_in(user).get(path)
            assert response.status_code == 404, (user, path)
            assert b"Fewer medication mistakes" not in response.content
    for path in paths:
        assert client.get(path).status_code == 302
    for user in (None, people["eva"], other_facilitator):
        assert b"Fewer medication mistakes" not in signed_in(user).get(network.url).content
        assert b"Fewer medication mistakes" not in signed_in(user).get(team_url(network, team)).content


def test_after_sign_off_a_new_draft_stays_private_and_readers_keep_the_signed_off_version(
    network, team, people, manager
):
    submitted_plan(network, team, people)
    signed_in(manager).post(plan_url(network, team), {"action": "sign_off", "comment": "Yes."})
    signed_in(people["anna"]).post(
        plan_url(network, team), {**PLAN_POST, "goal": "A secret new goal", "action": "save"}
    )

    page = signed_in(people["eva"]).get(plan_url(network, team)).content.decode()
    assert "Fewer medication mistakes in Björken." in page and "A secret new goal" not in page
    assert signed_in(people["eva"]).get(plan_url(network, team) + "versions/3/").status_code == 404
    assert signed_in(people["eva"]).get(plan_url(network, team) + "versions/2/").status_code == 200


def test_reports_since_lists_signed_off_versions_of_the_network(network, team, people, manager):
    from django.utils import timezone

    before = timezone.now()
    assert list(flow.reports_since(network, before)) == []
    submitted_plan(network, team, people)
    assert list(flow.reports_since(network, before)) == []  # waiting is not signed off
    signed_in(manager).post(plan_url(network, team), {"action": "sign_off", "comment": "Yes."})
    found = list(flow.reports_since(network, before))
    assert [(v.plan.team.name, v.plan.kind, v.state) for v in found] == [("Björken team", "plan", "signed_off")]
    assert list(flow.reports_since(network, timezone.now())) == []


def test_a_signed_off_report_is_published_as_a_draft_update_in_review(network, team, people, manager):
    import io

    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    report = {"results": "Fewer mistakes.", "lessons": "Checklists help.", "next_steps": "Spread to Hemtjänst."}
    member = signed_in(people["anna"])
    member.post(plan_url(network, team, "report"), {**report, "action": "submit"})
    assert "Publish as a network update" not in member.get(plan_url(network, team, "report")).content.decode()
    signed_in(manager).post(plan_url(network, team, "report"), {"action": "sign_off", "comment": "Well done."})
    assert "Publish as a network update" in member.get(plan_url(network, team, "report")).content.decode()
    assert signed_in(people["eva"]).post(plan_url(network, team, "report"), {"action": "publish"}).status_code == 403

    response = member.post(plan_url(network, team, "report"), {"action": "publish"}, follow=True)

    assert "sent to Communications for review" in response.content.decode()
    update = NetworkUpdatePage.objects.child_of(network).get()
    assert not update.live and update.owner == people["anna"]
    assert update.kind == NetworkUpdatePage.Kind.REPORT and update.title == "Final report: Björken team"
    assert "Checklists help." in str(update.body)
    state = WorkflowState.objects.get(object_id=str(update.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == people["anna"]


def test_a_submission_without_its_essentials_is_refused_and_keeps_what_was_typed(network, team, people):
    member = signed_in(people["anna"])
    empty_report = {
        "results": "  ",
        "lessons": "Checklists help.",
        "next_steps": "Spread to Hemtjänst.",
        "action": "submit",
    }
    response = member.post(plan_url(network, team, "report"), empty_report)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Write the results before you submit the report for sign-off." in page
    assert "Checklists help." in page and "Spread to Hemtjänst." in page
    assert not TeamPlan.objects.filter(kind="report", state=State.WAITING).exists()
    # The same text is saved as a draft without complaint.
    member.post(plan_url(network, team, "report"), {**empty_report, "action": "save"})
    assert TeamPlan.objects.get(kind="report").state == State.DRAFT

    plan_without_actions = {"rows": "1", "goal": "", "action_0": "", "owner_0": "", "due_0": "", "action": "submit"}
    page = member.post(plan_url(network, team), plan_without_actions).content.decode()
    assert "Write the goal before you submit the plan for sign-off." in page
    assert "Plan at least one action before you submit the plan for sign-off." in page

