"""A learning an employee shares from the front end (issue 16, seed 001), until and after it is submitted.

The draft is the author's (and invited co-authors') working copy: it keeps every word typed, saved by
the form's "Save draft" button or by autosave, and survives a failed submission. Submitting turns it
into a draft CaseStudyPage in the author's language that enters the Communications review; the draft
keeps a link to that page, and a resubmission after "changes requested" updates the same page.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LearningDraftQuerySet(models.QuerySet):
    def editable_by(self, user):
        """The drafts `user` wrote or was invited to: nobody else may even know they exist."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(author=user) | Q(co_authors=user)).distinct()


class LearningDraft(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("a learning's state", "Draft")  # not Wagtail's "Draft"
        SUBMITTED = "submitted", _("Submitted")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="learning_drafts"
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("co-authors"), blank=True, related_name="shared_learning_drafts"
    )
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=255, blank=True)
    workplace = models.CharField(_("workplace"), max_length=200, blank=True)
    activity = models.CharField(_("activity"), max_length=255, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    best = models.TextField(_("what do we do best when this kind of thing happens?"), max_length=5000, blank=True)
    learn = models.TextField(_("what can we learn from it?"), max_length=5000, blank=True)
    keep_and_develop = models.TextField(
        _("what do we keep, and what do we develop, next time?"), max_length=5000, blank=True
    )
    # Links to what the learning grew out of. Pages, so that a link survives whichever language version
    # was chosen; a gathering is a row of a network page, named by its translation key.
    method = models.ForeignKey(
        "methods.MethodPage",
        verbose_name=_("method"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gathering_key = models.UUIDField(_("gathering"), null=True, blank=True)
    example = models.ForeignKey(
        "networks.Anchoring",
        verbose_name=_("anchored example"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    case_study = models.ForeignKey(
        "casestudies.CaseStudyPage",
        verbose_name=_("case study"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)

    objects = LearningDraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared learning")
        verbose_name_plural = _("shared learnings")
        ordering = ["-updated", "-pk"]

    def __str__(self):
        return self.title or str(_("Untitled learning"))

    # What the author writes; the links alone (often filled in by the page the form was opened from) are not a learning.
    # What makes a draft worth keeping: something written. A date or a method picked alone is not yet a learning.
    WRITTEN = ("title", "workplace", "activity", "best", "learn", "keep_and_develop")

    def has_writing(self):
        return any(getattr(self, name) not in (None, "") and str(getattr(self, name)).strip() for name in self.WRITTEN)

    def may_be_deleted_by(self, user):
        """Only its author, and only while it was never submitted: after that a case study page depends on it."""
        return self.author_id == getattr(user, "pk", None) and self.state == self.State.DRAFT and not self.case_study_id

    def get_edit_url(self, language=None):
        """The form for this draft, under `language`'s prefix (the draft's own language by default)."""
        return self._url("share_learning_edit", language)

    def get_autosave_url(self, language=None):
        return self._url("share_learning_autosave", language)

    def _url(self, name, language):
        with translation.override(language or self.language):
            return reverse(name, args=[self.pk])
