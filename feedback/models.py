"""Reader feedback on a content page: one "was this useful?" vote per reader and page, and reports.

Rows point at the page (any language version) and keep the language the reader read it in. Neither
is shown on any page (the page part only offers the forms), so saving one keeps the page cache
(registered quiet in apps.py).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 2000
# "Recent" useful/not useful counts on the dashboard and in the Communications report.
RECENT_DAYS = 90


def recent_since(now=None):
    return (now or timezone.now()) - timedelta(days=RECENT_DAYS)


class UsefulVote(models.Model):
    """A reader's answer to "Was this useful?" for one page; answering again changes it."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="feedback_votes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reader"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10)
    useful = models.BooleanField(_("useful"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("useful vote")
        verbose_name_plural = _("useful votes")
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="feedback_one_vote_per_reader")]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.useful else '-'}"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=Report.State.OPEN)


class Report(models.Model):
    """ "Something is outdated or wrong": a reader's comment for the page's content owner."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="feedback_reports"
    )
    # The report outlives the reader's account: what was wrong with the page still matters.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    # When the owner's e-mail went out (None: no owner, or not sent yet).
    notified_at = models.DateTimeField(_("owner notified at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.page_id}: {self.comment[:40]}"

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    def resolve(self, user, now=None):
        self.state = self.State.RESOLVED
        self.resolved_by = user
        self.resolved_at = now or timezone.now()
        self.save(update_fields=["state", "resolved_by", "resolved_at"])
