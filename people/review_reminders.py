"""Review reminders: e-mail content owners (resource persons) about live pages past their review date.

Each reminder is written to the page's history as a Wagtail log entry ("erfa.review_reminder"), so
Communications can see it, and so a run can tell what was reminded recently. A run reminds about
every overdue page that has no reminder in the last REMIND_EVERY days, whatever its due date: when
the job did not run for a while, the next run catches up, and running it twice sends nothing new.
Apps above add pages that need their owner before the review date, and lines under each page (feedback's
open reports), through people/reminder_reasons.py.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, PageLogEntry

from moderation.reader import title_for_reader
from people.reminder_reasons import extra_page_ids, page_details
from portal.i18n import preferred_language
from portal.mail import outgoing_mailer
from portal.models import ContentPageMixin
from portal.visibility import visibility_for

logger = logging.getLogger(__name__)

REMINDER_ACTION = "erfa.review_reminder"
REMIND_EVERY = timedelta(days=7)


def content_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ContentPageMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def overdue_pages(today):
    """Live pages past their review date (or never reviewed) that have a content owner."""
    pages = []
    for model in content_page_models():
        queryset = (
            model.objects.live()
            .filter(content_owner__isnull=False)
            .select_related("content_owner__user", "content_owner__locale", "locale")
        )
        pages.extend(page for page in queryset if page.is_review_overdue(today=today))
    return pages


def pages_to_remind(today):
    """Overdue pages, and the live pages with an owner that a registered reason says need a look now."""
    pages = overdue_pages(today)
    extra = extra_page_ids(today) - {page.pk for page in pages}
    if extra:
        for model in content_page_models():
            pages.extend(
                model.objects.live()
                .filter(pk__in=extra, content_owner__isnull=False)
                .select_related("content_owner__user", "content_owner__locale", "locale")
            )
    return pages


def owner_address(owner):
    """The owner's e-mail and the user (if any) whose language preference applies."""
    user = owner.user if owner.user_id and owner.user.is_active else None
    return (owner.email or (user.email if user else "")).strip(), user


def send_review_reminders(now=None, dry_run=False):
    """Send the due reminders. Returns a list of (e-mail, [pages]) that were (or, dry, would be) sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    candidates = pages_to_remind(today)
    recently = set(
        PageLogEntry.objects.filter(
            action=REMINDER_ACTION, page_id__in=[p.pk for p in candidates], timestamp__gt=now - REMIND_EVERY
        ).values_list("page_id", flat=True)
    )
    by_address = defaultdict(list)
    owners = {}
    visibilities = {}
    for page in candidates:
        if page.pk in recently:
            continue
        email, user = owner_address(page.content_owner)
        if not email:
            continue
        key = email.lower()
        owners.setdefault(key, (email, user, page.content_owner))
        # An e-mail never names a page its recipient may not open (portal.visibility): an owner without
        # an account, or outside the group a page is restricted to, is not reminded of that page. It is
        # not logged as reminded either, so it is reminded once the owner may see it.
        if key not in visibilities:
            visibilities[key] = visibility_for(owners[key][1])
        if not visibilities[key].can_view(page):
            logger.info("Review reminder for page %s left out: its owner at %s may not view it", page.pk, email)
            continue
        by_address[key].append(page)

    sent = []
    for key, pages in sorted(by_address.items()):
        email, user, owner = owners[key]
        if not dry_run and not send_reminder(email, user, owner, pages, visibilities[key]):
            continue
        if not dry_run:
            with transaction.atomic():
                for page in pages:
                    PageLogEntry.objects.log_action(page, REMINDER_ACTION, data={"recipient": email}, timestamp=now)
        sent.append((email, pages))
    return sent


def admin_url(view_name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(view_name, args=args)


def reminder_title(page, language, visibility):
    """The page's title in the recipient's language version, if they may view that version, else its own."""
    if page.locale.language_code != language:
        versions = Page.objects.filter(translation_key=page.translation_key, locale__language_code=language)
        if not visibility.filter(versions).exists():
            return page.get_admin_display_title()
    return title_for_reader(page, language)


def send_reminder(email, user, owner, pages, visibility=None):
    """E-mail one owner, in their admin language, or else the language of their profile.

    Each page is named by its title in that language's version when there is one the owner may view
    (the link and the language marker still point at the version that is due).
    """
    visibility = visibility or visibility_for(user)
    language = preferred_language(user, default=owner.locale.language_code)
    with translation.override(language):
        # What the apps above add under a page (open reports, say), in the recipient's language.
        details = {page.pk: page_details(page) for page in pages}
    context = {
        "owner_name": owner.title,
        "pages": [
            {
                "title": reminder_title(page, language, visibility),
                "locale": page.locale.get_display_name(),
                "due": page.review_due,
                "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
                "details": details[page.pk],
            }
            for page in sorted(pages, key=lambda p: (p.review_due is not None, p.review_due, p.title))
        ],
    }
    with translation.override(language):
        subject = " ".join(render_to_string("people/email/review_reminder_subject.txt", context).split())
        body = render_to_string("people/email/review_reminder.txt", context).strip() + "\n"
    try:
        # Run by cron or the task worker, never in a request: straight to the server, so a failure is seen here.
        send_mail(subject, body, None, [email], using=outgoing_mailer())
    except OSError:
        # A failing mail server must not stop the other reminders; this one is tried again next run.
        logger.exception("Could not send the review reminder to %s", email)
        return False
    return True


@task()
def send_review_reminders_task():
    """The reminders as a background task for `manage.py db_worker` (`send_review_reminders --enqueue`)."""
    return [[email, [page.pk for page in pages]] for email, pages in send_review_reminders()]
