"""E-mail out of the request: a mail backend that queues each message for the task worker.

In production (an SMTP server and the database task backend) this is the default mailer, so every
e-mail Erfa or Wagtail sends in a request, moderation notifications among them, is only queued there;
`manage.py db_worker` hands it to the SMTP mailer (OUTGOING) later. A slow or hanging mail server then
holds the worker, never a web request. Code that already runs in a task and handles failures itself
(contact messages, people/contact.py) sends through `outgoing_mailer()` directly.
"""

import base64
import email
import email.policy
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task

logger = logging.getLogger(__name__)

# The MAILERS alias of the server that really sends; without it, the default mailer sends.
OUTGOING = "outgoing"


def outgoing_mailer():
    return OUTGOING if OUTGOING in getattr(settings, "MAILERS", {}) else "default"


class QueuedMessage(EmailMessage):
    """A message already rendered to bytes in the request, sent unchanged by the worker."""

    def __init__(self, from_email, recipients, raw):
        super().__init__(from_email=from_email)
        self._recipients = list(recipients)
        self._raw = raw

    def recipients(self):
        return self._recipients

    def message(self, *, policy=email.policy.default):
        return email.message_from_bytes(self._raw, policy=policy)


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            raw = message.message(policy=email.policy.SMTP).as_bytes()
            try:
                send_queued_email.enqueue(message.from_email, recipients, base64.b64encode(raw).decode("ascii"))
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Could not queue an e-mail to %s", ", ".join(recipients))
                continue
            queued += 1
        return queued


@task()
def send_queued_email(from_email, recipients, raw):
    """Send one queued message through the outgoing mailer; a failure fails the task, logged by the worker."""
    message = QueuedMessage(from_email, recipients, base64.b64decode(raw))
    return message.send(using=outgoing_mailer())
