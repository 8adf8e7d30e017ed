"""The content owner's e-mail about a new report, in the owner's language, sent by the task worker.

The report is saved before anything is sent: a mail server that fails loses nothing, since the owner
also finds every open report on their admin dashboard and in their review reminders.
"""

import logging

from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from feedback.models import Report
from people.review_reminders import admin_url, owner_address, reminder_title
from portal.i18n import preferred_language, reader_page_url
from portal.mail import outgoing_mailer
from portal.visibility import visibility_for

logger = logging.getLogger(__name__)


def notify_owner(report_id):
    """Queue the e-mail (run at once by the immediate task backend of development and tests)."""
    try:
        send_report_email.enqueue(report_id)
    except Exception:  # noqa: BLE001 - the report is saved and on the dashboard; the e-mail is a courtesy.
        logger.exception("Could not queue the e-mail about feedback report %s", report_id)


def report_email(report, owner, user, email):
    """(subject, body) in the owner's language, or None if the owner may not open the page."""
    page = report.page.specific
    visibility = visibility_for(user)
    # Never name a page in an e-mail to someone who may not open it (portal.visibility).
    if not visibility.can_view(page):
        return None
    language = preferred_language(user, default=owner.locale.language_code)
    with translation.override(language):
        context = {
            "owner_name": owner.title,
            "page_title": reminder_title(page, language, visibility),
            "page_language": page.locale.get_display_name(),
            "page_url": reader_page_url(page, language=language, full=True),
            "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
            "dashboard_url": admin_url("wagtailadmin_home"),
            "reader_name": (report.user.get_full_name() or report.user.get_username()) if report.user else "",
            "comment": report.comment,
        }
        subject = " ".join(render_to_string("feedback/email/report_subject.txt", context).split())
        body = render_to_string("feedback/email/report.txt", context).strip() + "\n"
    return subject, body


def send_report(report_id):
    report = Report.objects.select_related("page", "user").filter(pk=report_id, notified_at__isnull=True).first()
    if report is None:
        return False
    owner = getattr(report.page.specific, "content_owner", None)
    if owner is None:
        return False
    email, user = owner_address(owner)
    message = report_email(report, owner, user, email) if email else None
    if message is None:
        return False
    # Run by the task worker (or at once in development): straight to the server, failures logged here.
    send_mail(message[0], message[1], None, [email], using=outgoing_mailer())
    Report.objects.filter(pk=report.pk).update(notified_at=timezone.now())
    return True


@task()
def send_report_email(report_id):
    try:
        return send_report(report_id)
    except OSError:
        logger.exception("Could not e-mail the content owner about feedback report %s", report_id)
        return False
