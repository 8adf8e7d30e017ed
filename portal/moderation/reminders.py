"""Review reminders: e-mail content owners about live pages past their review date.

Each reminder is written to the page's history as a Wagtail log entry ("erfa.review_reminder"), so
Communications can see it, and so a run can tell what was reminded recently. A run reminds about
every overdue page that has no reminder in the last REMIND_EVERY days, whatever its due date: when
the job did not run for a while, the next run catches up, and running it twice sends nothing new.
"""

from collections import defaultdict
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from portal.models import ContentPageMixin
from portal.moderation.notifications import admin_url, send_in_language

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


def owner_address(owner):
    """The owner's e-mail and the user (if any) whose language preference applies."""
    user = owner.user if owner.user_id and owner.user.is_active else None
    return (owner.email or (user.email if user else "")).strip(), user


class _Recipient:
    """A stand-in for a user for owners without an account, so send_in_language can use their page's locale."""

    def __init__(self, email, language):
        self.email = email
        self.language = language
        self.pk = None


def send_review_reminders(now=None, dry_run=False):
    """Send the due reminders. Returns a list of (e-mail, [pages]) that were (or, dry, would be) sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    candidates = overdue_pages(today)
    recently = set(
        PageLogEntry.objects.filter(
            action=REMINDER_ACTION, page_id__in=[p.pk for p in candidates], timestamp__gt=now - REMIND_EVERY
        ).values_list("page_id", flat=True)
    )
    by_address = defaultdict(list)
    owners = {}
    for page in candidates:
        if page.pk in recently:
            continue
        email, user = owner_address(page.content_owner)
        if not email:
            continue
        by_address[email.lower()].append(page)
        owners.setdefault(email.lower(), (email, user, page.content_owner))

    sent = []
    for key, pages in sorted(by_address.items()):
        email, user, owner = owners[key]
        if not dry_run and not send_reminder(email, user, owner, pages):
            continue
        if not dry_run:
            with transaction.atomic():
                for page in pages:
                    PageLogEntry.objects.log_action(page, REMINDER_ACTION, data={"recipient": email}, timestamp=now)
        sent.append((email, pages))
    return sent


def send_reminder(email, user, owner, pages):
    from portal.moderation.notifications import preferred_language

    language = preferred_language(user) if user is not None else owner.locale.language_code
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    recipient = _Recipient(email, language)
    context = {
        "owner_name": owner.title,
        "pages": [
            {
                "title": page.title,
                "locale": page.locale.get_display_name(),
                "due": page.review_due,
                "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
            }
            for page in sorted(pages, key=lambda p: (p.review_due is not None, p.review_due, p.title))
        ],
    }
    return send_in_language(recipient, "review_reminder", context)
