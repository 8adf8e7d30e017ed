"""The production path: `send_review_reminders --enqueue` queues a django_tasks_db row, and db_worker sends."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from methods.factories import ShareableTemplatePageFactory
from people.factories import ResourcePersonPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def overdue_page(library, people_index):
    # Made before the database backend is switched on: saving pages queues search-index tasks too.
    owner = ResourcePersonPageFactory(parent=people_index, title="Signe Berg", email="signe@example.org")
    return ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )


@override_settings(TASKS=DATABASE_TASKS)
def test_cron_queues_and_the_worker_sends(overdue_page, mailoutbox):

    out = io.StringIO()
    call_command("send_review_reminders", "--enqueue", stdout=out)
    assert "Queued review reminders" in out.getvalue()
    task = DBTaskResult.objects.get(task_path="people.review_reminders.send_review_reminders_task")
    assert mailoutbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert [m.to for m in mailoutbox] == [["signe@example.org"]]

    # Queued again the same day: the worker runs it, and nobody is reminded twice.
    call_command("send_review_reminders", "--enqueue", stdout=io.StringIO())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    assert len(mailoutbox) == 1


def test_wrong_arguments_are_explained():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="cannot be combined"):
        call_command("send_review_reminders", "--enqueue", "--dry-run", stdout=io.StringIO())
