"""In production every e-mail a request sends is queued, and the task worker meets the mail server."""

import io
import socket
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
HANG_GUARD_SECONDS = 20


def queued_mailers(outgoing):
    """As portal/settings.py sets them with EMAIL_HOST and TASKS_BACKEND=database."""
    return {"default": {"BACKEND": "portal.mail.QueuedEmailBackend"}, "outgoing": outgoing}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


@pytest.fixture
def hanging_smtp_port():
    """A loopback server that accepts connections and never sends the SMTP greeting."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted = []

    def serve():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()[1], accepted
    server.close()
    for connection in accepted:
        connection.close()


def test_an_email_sent_in_a_request_waits_for_the_worker_not_for_the_server(hanging_smtp_port):
    port, accepted = hanging_smtp_port
    hanging = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 60},
    }
    with override_settings(TASKS=DATABASE_TASKS, MAILERS=queued_mailers(hanging)):
        started = time.monotonic()
        sent = mail.send_mail("Page submitted for moderation", "Please review it.", None, ["kaja@example.org"])
        assert time.monotonic() - started < HANG_GUARD_SECONDS
    assert sent == 1
    assert accepted == []
    assert DBTaskResult.objects.get(task_path="portal.mail.send_queued_email").status == "READY"


def test_the_worker_sends_the_queued_message_unchanged():
    locmem = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    with override_settings(TASKS=DATABASE_TASKS, MAILERS=queued_mailers(locmem)):
        mail.send_mail(
            "Sida inskickad för granskning", "Läs och godkänn den, tack.", "erfa@example.org", ["kaja@example.org"]
        )
        assert mail.outbox == []
        run_worker()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0].message()
    assert sent["Subject"] == "Sida inskickad för granskning"
    assert sent["To"] == "kaja@example.org"
    assert "Läs och godkänn den, tack." in sent.get_content()
    assert mail.outbox[0].recipients() == ["kaja@example.org"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
