"""Examples carried home: what a gathering formulated, and how each member unit took it up at home.

An example belongs to a network and a gathering by their translation keys, not to one language version:
the Swedish and the English network page show the same examples, each in the language its author wrote
it in (with a language marker for readers of other languages). A unit is a member organisation, also
by translation key, so that the rows of every language version of the page name the same unit.

The optional case-study link is a page FK to wagtailcore.Page: case studies live above networks in the
app stack, so which pages may be linked is decided by a chooser registered from above
(networks/anchoring.py, register_link_choices); networks never names their model.
"""

from types import SimpleNamespace

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WrittenIn:
    """User-written text stored with its language; `locale` lets the shared language marker
    (`{% language_marker %}`, portal_tags) show it to readers of other languages."""

    @property
    def locale(self):
        return SimpleNamespace(language_code=self.language)


class Example(WrittenIn, models.Model):
    network_key = models.UUIDField(_("network"), db_index=True)
    gathering_key = models.UUIDField(_("gathering"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("short description"), max_length=1000)
    language = models.CharField(_("language"), max_length=10)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("example")
        verbose_name_plural = _("examples")
        ordering = ["created", "pk"]

    def __str__(self):
        return self.title


class Anchoring(WrittenIn, models.Model):
    """How one unit took an example up in its own work group; one per example and unit, kept current."""

    example = models.ForeignKey(Example, verbose_name=_("example"), on_delete=models.CASCADE, related_name="anchorings")
    unit_key = models.UUIDField(_("unit"), help_text=_("The member organisation's translation key."))
    taken_up_on = models.DateField(_("date"))
    group_said = models.TextField(_("what the group said"), max_length=2000)
    case_study = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("case study"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reflection = models.TextField(_("reflection"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=10)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("anchoring")
        verbose_name_plural = _("anchorings")
        ordering = ["recorded", "pk"]
        constraints = [models.UniqueConstraint(fields=["example", "unit_key"], name="one_anchoring_per_unit")]

    def __str__(self):
        return f"{self.example} ({self.taken_up_on})"


class ExampleReminderSent(models.Model):
    """The facilitator digest's sent-log: an example is named to a facilitator once."""

    example = models.ForeignKey(Example, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("example reminder sent")
        verbose_name_plural = _("example reminders sent")
        constraints = [models.UniqueConstraint(fields=["example", "user"], name="one_example_reminder_per_user")]

    def __str__(self):
        return f"{self.example} → {self.user}"
