"""Exports of a plan version (PDF, .docx) and the manager's sign-off reminders, idempotent across runs."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from docx import Document
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from networks.models import SignOffReminder, TeamPlan, TeamPlanVersion
from networks.teams import flow
from networks.teams.mail import send_sign_off_reminders
from tests.networks.team_fixtures import PLAN_POST, team_url
from tests.utils import signed_in

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def submit(network, team, people):
    signed_in(people["anna"]).post(team_url(network, team, "plan"), {**PLAN_POST, "action": "submit"})
    return TeamPlan.objects.get(team=team)


def age(plan, days):
    TeamPlanVersion.objects.filter(plan=plan).update(created=timezone.now() - timedelta(days=days))


@pytest.mark.django_db
def test_a_version_exports_as_pdf_and_docx_with_every_letter(network, team, people):
    plan = submit(network, team, people)
    client = signed_in(people["bjorn"])
    base = team_url(network, team, "plan") + "versions/1/"

    response = client.get(base + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;") and ".pdf" in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for words in ("Progress plan: Björken team", "Fewer medication mistakes in Björken.", "Bjørn Ødegaard", "Goal"):
        assert words in text
    response = client.get(base + "docx/")
    document = Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Progress plan: Björken team" in paragraphs and "Planned actions" in paragraphs
    assert "Bjørn Ødegaard" in cells and "Double-check at the evening round" in cells
    assert "April 1, 2030" in cells and "2030-04-01" not in cells  # a date as the version's language writes it
    assert client.get(base + "odt/").status_code == 404
    assert plan.versions.count() == 1  # one submission, one version


@pytest.mark.django_db
def test_the_export_speaks_the_versions_language(network, team, people):
    report = flow.plan_of(team, "report", "nb")
    content = {"results": "Færre feil på kveldsrunden.", "lessons": "", "next_steps": ""}
    flow.save_draft(report, content, people["anna"], "nb")
    response = signed_in(people["anna"]).get(team_url(network, team, "report") + "versions/1/docx/")
    paragraphs = [paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs]
    assert "Færre feil på kveldsrunden." in paragraphs
    assert paragraphs[0] == "Sluttrapport: Björken team"
    page = signed_in(people["anna"]).get(team_url(network, team, "report")).content.decode()
    assert 'lang="nb"' in page and "(Norsk bokmål)" in page  # the language marker for English readers


@pytest.mark.django_db
def test_planned_actions_show_their_dates_as_the_readers_language_and_the_export_as_the_plans(network, team, people):
    plan = flow.plan_of(team, "plan", "sv")
    content = {"goal": "Färre fel.", "actions": [{"action": "Dubbelkolla", "owner": "Anna Åberg", "due": "2030-04-01"}]}
    flow.save_draft(plan, content, people["anna"], "sv")
    client = signed_in(people["anna"])
    # An English reader sees the Swedish plan, marked as Swedish, its dates as the reader's English writes them;
    # the exported document is Swedish throughout.
    shown = client.get(team_url(network, team, "plan")).content.decode()
    table = shown.split('class="teams__content"', 1)[1].split("</table>", 1)[0]
    assert '<td data-label="Due">April 1, 2030</td>' in table and "2030-04-01" not in table
    response = client.get(team_url(network, team, "plan") + "versions/1/docx/")
    tables = Document(io.BytesIO(response.content)).tables
    cells = [cell.text for table in tables for row in table.rows for cell in row.cells]
    assert "1 april 2030" in cells


@pytest.mark.django_db
def test_reminders_go_once_per_waiting_version_and_in_the_managers_language(network, team, people, manager, mailoutbox):
    UserProfile.get_for_user(manager).__class__.objects.filter(user=manager).update(preferred_language="sv")
    plan = submit(network, team, people)
    mailoutbox.clear()
    assert send_sign_off_reminders() == []  # waiting for less than the reminder interval
    age(plan, 4)

    assert [version.number for version in send_sign_off_reminders()] == [1]
    assert send_sign_off_reminders() == []  # the same run again sends nothing
    assert [m.to for m in mailoutbox] == [["maja@example.org"]]
    assert f"/sv{team_url(network, team, 'plan')}" in mailoutbox[0].body  # the plan, in the Swedish interface
    assert SignOffReminder.objects.count() == 1

    later = timezone.now() + timedelta(days=4)
    assert [version.number for version in send_sign_off_reminders(now=later)] == [1]
    signed_in(manager).post(team_url(network, team, "plan"), {"action": "sign_off", "comment": "OK"})
    assert send_sign_off_reminders(now=later + timedelta(days=10)) == []  # signed off: nothing waits
    assert len(mailoutbox) == 2


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_command_queues_and_the_worker_reminds_once(site_tree, network, team, people, mailoutbox):
    plan = submit(network, team, people)
    age(plan, 5)
    mailoutbox.clear()

    call_command("send_sign_off_reminders", "--enqueue", stdout=io.StringIO())
    assert mailoutbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    task = DBTaskResult.objects.get(task_path="networks.teams.mail.send_sign_off_reminders_task")
    assert task.status == "SUCCESSFUL"
    assert [m.to for m in mailoutbox] == [["maja@example.org"]]

    out = io.StringIO()
    call_command("send_sign_off_reminders", stdout=out)
    assert "No reminders due." in out.getvalue()
    assert len(mailoutbox) == 1
