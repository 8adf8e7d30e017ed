"""Meeting series kept online: a team or group of colleagues fills in a pair's "before" and "after" forms.

A series is started from a shareable template marked as a before/after pair (methods/meeting_pair.py)
and keeps a copy of the pair's fields, so a later edit of the template never orphans what was written.
Answers are stored by the field's block id, which every language version of the template shares: the
labels are read in the reader's language (meetings/pair.py).

Series and meetings are private to their participants (the people named, and the members of the team
the series is for) unless the series is shared with every signed-in user.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from methods.meeting_pair import AFTER, BEFORE, LIST


class MeetingSeriesQuerySet(models.QuerySet):
    def of_participant(self, user):
        """The series `user` takes part in, as one named or as a member of its team."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        ids = self.filter(Q(participants=user) | Q(team__members=user)).values("pk")
        return self.filter(pk__in=ids)

    def visible_to(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        ids = self.filter(Q(participants=user) | Q(team__members=user) | Q(shared=True)).values("pk")
        return self.filter(pk__in=ids)


class MeetingSeries(models.Model):
    title = models.CharField(_("title"), max_length=200)
    template = models.ForeignKey(
        "methods.ShareableTemplatePage",
        verbose_name=_("template"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The pair's fields when the series started: [{key, part, label, help_text, kind, carries_over, shares_as}].
    fields = models.JSONField(_("fields"), default=list)
    language = models.CharField(_("language"), max_length=10, default="en")
    team = models.ForeignKey(
        "networks.Team", verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants"), blank=True, related_name="meeting_series"
    )
    shared = models.BooleanField(
        _("shared"), default=False, help_text=_("Every signed-in colleague can read the series and its meetings.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MeetingSeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.title

    def has_participant(self, user):
        return MeetingSeries.objects.of_participant(user).filter(pk=self.pk).exists()

    def fields_of(self, part):
        return [field for field in self.fields if field["part"] == part]

    def carried_keys(self):
        return [field["key"] for field in self.fields_of(AFTER) if field["carries_over"] and field["kind"] == LIST]


class Meeting(models.Model):
    series = models.ForeignKey(
        MeetingSeries, verbose_name=_("series"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    # {field key: text, or list of lines}.
    before = models.JSONField(_("before the meeting"), default=dict, blank=True)
    after = models.JSONField(_("after the meeting"), default=dict, blank=True)
    # The next steps the last meeting left, as the "before" form last saved them; None until it is saved.
    carried_steps = models.JSONField(_("next steps from last meeting"), null=True, blank=True)
    before_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    before_edited_at = models.DateTimeField(null=True, blank=True)
    after_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    after_edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date", "pk"]

    def __str__(self):
        return self.title

    def previous(self):
        earlier = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self.series.meetings.filter(earlier).order_by("-date", "-pk").first()

    def next_steps_from_last(self):
        """The steps carried over: as saved with this meeting's "before" form, or else as the last meeting left them."""
        if self.carried_steps is not None:
            return self.carried_steps
        previous = self.previous()
        if previous is None:
            return []
        return [step for key in self.series.carried_keys() for step in previous.after.get(key) or []]

    def steps_to_carry(self):
        """What the "before" form offers as next steps from last meeting; None when there can be none."""
        if not self.series.carried_keys():
            return None
        if self.carried_steps is None and self.previous() is None:
            return None
        return self.next_steps_from_last()

    def answers(self, part):
        return self.before if part == BEFORE else self.after

    def edited(self, part):
        """(who, when) last saved the form of `part`."""
        if part == BEFORE:
            return self.before_edited_by, self.before_edited_at
        return self.after_edited_by, self.after_edited_at
