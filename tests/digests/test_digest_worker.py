"""The production path: `send_network_digests --enqueue` queues a django_tasks_db row, and db_worker sends."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from networks.factories import NetworkUpdatePageFactory
from networks.following import follow

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def followed(network, employee):
    # Made before the database backend is switched on: saving pages queues search-index tasks too.
    NetworkUpdatePageFactory(parent=network, title="Fresh news", first_published_at=timezone.now() - timedelta(hours=1))
    follow(employee, network)
    return network


def test_cron_queues_and_the_worker_sends_once_a_week(followed, mailoutbox):
    with override_settings(TASKS=DATABASE_TASKS):
        out = io.StringIO()
        call_command("send_network_digests", "--enqueue", stdout=out)
        assert "Queued network digests" in out.getvalue()
        task = DBTaskResult.objects.get(task_path="digests.mail.send_network_digests_task")
        assert mailoutbox == []

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
        task.refresh_from_db()
        assert task.status == "SUCCESSFUL"
        assert [m.to for m in mailoutbox] == [["elin@example.org"]]
        assert "Fresh news" in mailoutbox[0].body

        call_command("send_network_digests", "--enqueue", stdout=io.StringIO())
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
        assert len(mailoutbox) == 1
