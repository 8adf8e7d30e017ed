"""The production path: the retry is a row for django_tasks_db, and `manage.py db_worker` delivers it."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from people.models import ContactMessage

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BROKEN_MAIL = {"default": {"BACKEND": "tests.people.mail_backends.BrokenSMTPBackend"}}
WORKING_MAIL = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


def make_due(task_path):
    DBTaskResult.objects.filter(task_path=task_path, status="READY").update(
        run_after=timezone.now() - timedelta(seconds=1)
    )


@override_settings(TASKS=DATABASE_TASKS, MAILERS=BROKEN_MAIL)
def test_database_worker_retries_until_delivered(person, employee_client):
    response = employee_client.post(
        f"{person.url}message/", {"subject": "Reflection", "body": "How did you get started with it?"}
    )
    assert response.status_code == 302
    message = ContactMessage.objects.get()
    # The request only saved and queued it.
    assert (message.status, message.attempts) == (ContactMessage.Status.PENDING, 0)
    first = DBTaskResult.objects.get(task_path="people.contact.deliver_contact_message")
    assert first.args_kwargs == {"args": [message.pk], "kwargs": {}}
    assert "Your message has been sent to Sigrid Lunde." in employee_client.get(person.url).content.decode()

    # The worker's first attempt fails: the failure is recorded and the retry queued for later.
    run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (ContactMessage.Status.PENDING, 1)
    task = DBTaskResult.objects.get(task_path="people.contact.retry_contact_message")
    assert task.args_kwargs == {"args": [message.pk], "kwargs": {}}
    assert task.run_after == message.next_attempt_at

    # Not due yet: the worker leaves it queued.
    run_worker()
    task.refresh_from_db()
    assert task.status == "READY"

    # Due, and the mail server is still down: the worker records the failure and queues the next attempt.
    make_due("people.contact.retry_contact_message")
    run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (ContactMessage.Status.PENDING, 2)
    assert DBTaskResult.objects.filter(task_path="people.contact.retry_contact_message").count() == 2

    # Due again, and the server is back: delivered once, with Reply-To the sender.
    make_due("people.contact.retry_contact_message")
    mail.outbox = []
    with override_settings(MAILERS=WORKING_MAIL):
        run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (ContactMessage.Status.SENT, 3)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].reply_to[0].endswith(f"<{message.sender_email}>")
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
