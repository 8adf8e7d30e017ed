"""Sending a message to a resource person: save it, e-mail it from a task, and retry later if the mail server fails.

Nothing is lost: the message is a ContactMessage row before any e-mail is attempted, a failed attempt
only reschedules it, and `manage.py undelivered_messages` lists (and can resend) whatever is left.
"""

import logging
import re
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from people.models.contact import ContactMessage
from portal.i18n import preferred_language
from portal.mail import outgoing_mailer

logger = logging.getLogger(__name__)

RATE_LIMIT = 10
RATE_WINDOW = timedelta(hours=1)
# Waits between attempts: a short outage is bridged within minutes, a long one within a day.
RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=8),
    timedelta(hours=24),
]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1

# Line breaks, other control characters and Unicode line/paragraph separators: none may reach a header.
_HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085]+")


def clean_header_text(value):
    """One line of text, safe to put into an e-mail header."""
    return " ".join(_HEADER_UNSAFE.sub(" ", value or "").split())


def messages_sent_recently(user, now=None):
    since = (now or timezone.now()) - RATE_WINDOW
    return ContactMessage.objects.filter(sender=user, created__gte=since).count()


def is_rate_limited(user):
    return messages_sent_recently(user) >= RATE_LIMIT


class RateLimited(Exception):
    """The sender has already sent RATE_LIMIT messages in the last RATE_WINDOW: nothing was saved."""


def lock_sender(user):
    """Hold the sender's user row until the transaction ends, so that their posts are counted one at a time.

    On PostgreSQL this is a row lock: a second post by the same sender waits here, then counts what the
    first one saved. SQLite ignores it; there the transaction itself is immediate (portal/settings.py), so
    it holds the database's write lock from its start and writers run one after the other anyway.
    """
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))


def recipient_language(profile):
    """The recipient reads their mail in their chosen language, or else the one their profile was written in."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(object_id=profile.translation_key).select_related("locale").first()
    written_in = source.locale.language_code if source else profile.locale.language_code
    return preferred_language(profile.user, written_in) if profile.user_id else written_in


def create_message(*, sender, recipient, subject, body, send_copy=False):
    return ContactMessage.objects.create(
        sender=sender,
        sender_name=clean_header_text(sender.get_full_name() or sender.get_username())[:150],
        sender_email=sender.email,
        recipient=recipient,
        recipient_key=recipient.translation_key,
        recipient_name=recipient.title,
        recipient_email=recipient.email,
        language=recipient_language(recipient),
        sender_language=preferred_language(sender, translation.get_language()),
        subject=clean_header_text(subject),
        body=body,
        send_copy=send_copy,
    )


def send_message(*, sender, **kwargs):
    """Save the message and queue its delivery. Returns the saved ContactMessage.

    Raises RateLimited, saving nothing, if the sender has reached RATE_LIMIT: the count and the save are
    one transaction with the sender's row locked, so simultaneous posts cannot all pass the count.
    The delivery is queued after that transaction commits: no lock is held while mail is sent.

    The request never talks to the mail server: in production the task worker (`manage.py db_worker`)
    sends it, so a slow or hanging server holds no web worker. With the immediate task backend
    (development, tests) the task runs here and the returned message is already sent or rescheduled.
    """
    with transaction.atomic():
        lock_sender(sender)
        if is_rate_limited(sender):
            raise RateLimited
        message = create_message(sender=sender, **kwargs)
    try:
        deliver_contact_message.enqueue(message.pk)
    except Exception:  # noqa: BLE001 - the saved message is pending; retry_due and the command find it.
        logger.exception("Could not queue the delivery of contact message %s", message.pk)
    message.refresh_from_db()
    return message


def deliver(message_id):
    """Try to e-mail one pending message; on failure record why and schedule the next attempt.

    The row is locked while it is sent, so that a retry task and `undelivered_messages --retry`
    running at the same time never send it twice.
    """
    retry_at = None
    with transaction.atomic():
        message = (
            ContactMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=ContactMessage.Status.PENDING)
            .first()
        )
        if message is None:
            return None
        message.attempts += 1
        try:
            _email(message)
        except Exception as error:  # noqa: BLE001 - any failure of the mail server must keep the message.
            logger.warning("Contact message %s not delivered (attempt %s): %s", message.pk, message.attempts, error)
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = ContactMessage.Status.FAILED
                message.next_attempt_at = None
            else:
                retry_at = message.next_attempt_at = timezone.now() + RETRY_DELAYS[message.attempts - 1]
        else:
            message.status = ContactMessage.Status.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
            message.next_attempt_at = None
        message.save(update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at"])
    if message.status == ContactMessage.Status.SENT and message.send_copy:
        _email_copy(message)
    if retry_at is not None:
        schedule_retry(message, retry_at)
    return message


@task()
def deliver_contact_message(message_id):
    """The first attempt to e-mail a saved contact message, outside the request that saved it."""
    message = deliver(message_id)
    return message.status if message is not None else None


@task()
def retry_contact_message(message_id):
    """Try again to e-mail a saved contact message; `deliver` schedules the next try if this one fails."""
    message = deliver(message_id)
    return message.status if message is not None else None


def schedule_retry(message, run_after):
    """Queue the retry task. Backends that cannot defer (the immediate one) are left to the command."""
    try:
        backend = retry_contact_message.get_backend()
        if not backend.supports_defer:
            logger.warning(
                "Contact message %s waits for `manage.py undelivered_messages --retry`: "
                "the task backend cannot run tasks later.",
                message.pk,
            )
            return None
        return retry_contact_message.using(run_after=run_after).enqueue(message.pk)
    except Exception:  # noqa: BLE001 - the saved message is listed by the command even if queueing fails.
        logger.exception("Could not queue the retry of contact message %s", message.pk)
        return None


def retry_due(now=None):
    """Deliver every pending message whose next attempt is due (or was never scheduled)."""
    now = now or timezone.now()
    due = ContactMessage.objects.filter(status=ContactMessage.Status.PENDING, next_attempt_at__lte=now)
    due = due | ContactMessage.objects.filter(status=ContactMessage.Status.PENDING, next_attempt_at__isnull=True)
    return [deliver(pk) for pk in due.order_by("created").values_list("pk", flat=True)]


def _email(message):
    with translation.override(message.language):
        subject = clean_header_text(_("[Erfa] %(subject)s") % {"subject": message.subject})
        body = render_to_string("people/email/contact_message.txt", {"message": message})
    EmailMessage(
        subject=subject[:200],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient_email],
        reply_to=[formataddr((clean_header_text(message.sender_name), message.sender_email))],
    ).send(using=outgoing_mailer())  # already in a task, with its own retries: straight to the server


def _email_copy(message):
    """The sender's copy. It is a courtesy: a failure is logged, never retried.

    It names the recipient's profile, which the sender may see (portal.visibility): messages are sent
    from the profile's own page, which Wagtail serves only to readers who pass its view restrictions.
    The message to the recipient names no page at all, only the sender.
    """
    try:
        with translation.override(message.sender_language):
            subject = clean_header_text(
                _("[Erfa] Copy of your message to %(name)s: %(subject)s")
                % {"name": message.recipient_name, "subject": message.subject}
            )
            body = render_to_string("people/email/contact_message_copy.txt", {"message": message})
        EmailMessage(
            subject=subject[:200], body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[message.sender_email]
        ).send(using=outgoing_mailer())
    except Exception:  # noqa: BLE001
        logger.exception("Could not send the copy of contact message %s to its sender", message.pk)
