"""A mail server that accepts connections and never answers holds no request: the worker meets it, not the reader."""

import io
import socket
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from people.models import ContactMessage

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKING_MAIL = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Far longer than any request may take: a request that waited for the server would trip the guard below.
HANG_GUARD_SECONDS = 20


class HangingSMTPServer:
    """Accepts every connection on a loopback port, counts it, and never sends the SMTP greeting."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hanging_smtp():
    server = HangingSMTPServer()
    yield server
    server.close()


def smtp_mail(port, timeout):
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": timeout},
        }
    }


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


def test_a_hanging_mail_server_holds_no_request_and_the_worker_delivers_later(person, employee_client, hanging_smtp):
    with override_settings(TASKS=DATABASE_TASKS, MAILERS=smtp_mail(hanging_smtp.port, timeout=60)):
        started = time.monotonic()
        response = employee_client.post(
            f"{person.url}message/", {"subject": "Reflection", "body": "How did you get started with it?"}
        )
        assert time.monotonic() - started < HANG_GUARD_SECONDS
    assert response.status_code == 302
    assert response["Location"] == person.url + "#main"
    # The request never opened a connection to the mail server; the message waits in the queue.
    assert hanging_smtp.accepted == []
    message = ContactMessage.objects.get()
    assert (message.status, message.attempts) == (ContactMessage.Status.PENDING, 0)
    assert DBTaskResult.objects.get(task_path="people.contact.deliver_contact_message").status == "READY"

    # The worker meets the hanging server, gives up after EMAIL_TIMEOUT and keeps the message for a retry.
    with override_settings(TASKS=DATABASE_TASKS, MAILERS=smtp_mail(hanging_smtp.port, timeout=1)):
        run_worker()
    assert len(hanging_smtp.accepted) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (ContactMessage.Status.PENDING, 1)
    assert "timed out" in message.last_error

    # The server is back: the queued retry delivers it once.
    DBTaskResult.objects.filter(status="READY").update(run_after=message.created)
    mail.outbox = []
    with override_settings(TASKS=DATABASE_TASKS, MAILERS=WORKING_MAIL):
        run_worker()
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.SENT
    assert [email.to for email in mail.outbox] == [["sigrid.lunde@example.org"]]
    assert mail.outbox[0].subject == "[Erfa] Reflection"
