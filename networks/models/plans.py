"""A team's progress plan and final report, drafted online, versioned and signed off by its manager.

One model with a kind: both follow the seed's templates (goal, planned actions with owners and dates,
measures, status between gatherings; then results, lessons and next steps). A plan fills the first
four, a report the last three. Every save keeps a version with its state, so the history shows who
did what and when, and any version can be opened (and exported) again.

Before sign-off only the team, its manager and the network's facilitators see a plan; once signed
off, it is shared with everyone who may see the network page.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.dateparse import parse_date
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

PLAN_FIELDS = ("goal", "actions", "measures", "status")
REPORT_FIELDS = ("results", "lessons", "next_steps")


def shown_actions(content, language):
    """A version's planned actions with each due date as `language` writes dates ("1 maart 2026"): the
    reader's on a page (a date is the reader's interface, not the team's text), the version's in its
    exports. A date is stored as ISO (2026-03-01), which no reader writes."""
    rows = []
    with translation.override(language):
        for row in content.get("actions") or []:
            due = parse_date(row.get("due") or "")
            rows.append({**row, "due": format_date(due, get_format("DATE_FORMAT")) if due else row.get("due", "")})
    return rows


class Kind(models.TextChoices):
    PLAN = "plan", _("Progress plan")
    REPORT = "report", _("Final report")


class State(models.TextChoices):
    DRAFT = "draft", _("Being drafted")
    WAITING = "waiting", _("Waiting for sign-off")
    RETURNED = "returned", _("Sent back")
    SIGNED_OFF = "signed_off", _("Signed off")


class TeamPlan(models.Model):
    team = models.ForeignKey("networks.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT)
    goal = models.TextField(_("goal"), blank=True)
    # [{"action": ..., "owner": ..., "due": "YYYY-MM-DD"}, ...]
    actions = models.JSONField(_("planned actions"), default=list, blank=True)
    measures = models.TextField(_("measures"), blank=True)
    status = models.TextField(_("status between gatherings"), blank=True)
    results = models.TextField(_("results"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("progress plan or final report")
        verbose_name_plural = _("progress plans and final reports")
        constraints = [models.UniqueConstraint(fields=["team", "kind"], name="one_plan_of_each_kind_per_team")]

    def __str__(self):
        return f"{self.team}: {self.get_kind_display()}"

    @property
    def fields(self):
        return PLAN_FIELDS if self.kind == Kind.PLAN else REPORT_FIELDS

    def content(self):
        return {name: getattr(self, name) for name in self.fields}


class TeamPlanVersion(models.Model):
    """One saved state of a plan: its content then, who saved it, and the decision or comment with it."""

    plan = models.ForeignKey(TeamPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    content = models.JSONField(_("content"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)
    created = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version_number")]

    def __str__(self):
        return f"{self.plan} v{self.number}"


class SignOffReminder(models.Model):
    """A reminder sent to the manager about a version waiting for sign-off: the record that keeps runs idempotent."""

    version = models.ForeignKey(TeamPlanVersion, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.EmailField()
    sent = models.DateTimeField()

    class Meta:
        verbose_name = _("sign-off reminder")
        verbose_name_plural = _("sign-off reminders")

    def __str__(self):
        return f"{self.version} → {self.recipient}"
