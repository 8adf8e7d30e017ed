"""Who may give and handle feedback, and how much: the rules the views and the admin share."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Page

from feedback.models import Report, UsefulVote
from people.review_reminders import content_page_models
from portal import roles
from portal.i18n import reader_language
from portal.models import ContentPageMixin
from portal.visibility import visibility_for

# As the contact form (people/contact.py): enough for any honest reader, too few for a flood.
REPORT_RATE_LIMIT = 10
VOTE_RATE_LIMIT = 60
RATE_WINDOW = timedelta(hours=1)


def feedback_page(page_id, request):
    """The live content page `page_id` if the reader may view it, else None (never a 500)."""
    page = Page.objects.live().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return None
    page = page.specific
    if not isinstance(page, ContentPageMixin) or not visibility_for(request).can_view(page):
        return None
    return page


def reports_filed_recently(user, now=None):
    return Report.objects.filter(user=user, created__gte=(now or timezone.now()) - RATE_WINDOW).count()


def votes_given_recently(user, now=None):
    return UsefulVote.objects.filter(user=user, updated__gte=(now or timezone.now()) - RATE_WINDOW).count()


def report_rate_limited(user):
    return reports_filed_recently(user) >= REPORT_RATE_LIMIT


def vote_rate_limited(user):
    return votes_given_recently(user) >= VOTE_RATE_LIMIT


def record_vote(page, user, useful):
    """The reader's one vote on `page`, created or changed."""
    vote, _created = UsefulVote.objects.update_or_create(
        page=page, user=user, defaults={"useful": useful, "language": reader_language()}
    )
    return vote


def file_report(page, user, comment):
    """Save the report, then queue the owner's e-mail once the row is committed (the task reads it)."""
    from feedback.mail import notify_owner

    report = Report.objects.create(
        page=page, user=user, comment=comment, language=reader_language(translation.get_language())
    )
    transaction.on_commit(lambda: notify_owner(report.pk))
    return report


def is_moderator(user):
    """Communications (the moderators) and administrators see every page's feedback."""
    if not (user.is_active and user.is_authenticated):
        return False
    return user.is_superuser or user.groups.filter(name=roles.MODERATORS).exists()


def owned_page_ids(user):
    """Ids of the content pages (any language, live or not) whose content owner's profile is `user`'s."""
    if not user.is_authenticated:
        return set()
    ids = set()
    for model in content_page_models():
        ids.update(model.objects.filter(content_owner__user=user).values_list("pk", flat=True))
    return ids


def may_resolve(user, report):
    if is_moderator(user):
        return True
    page = report.page.specific
    owner = getattr(page, "content_owner", None)
    return bool(user.is_authenticated and owner is not None and owner.user_id == user.pk)
