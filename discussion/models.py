"""A reader's question or comment on a case study or method page, and the owner's answers to it.

Each row belongs to one language version of the page (a Page row): every translation has its own
discussion. A Swedish reader reads the Swedish page and its Swedish readers' questions; mixing five
languages' threads on every version would show most readers text they cannot read, and a question
asked about one version's wording may not apply to another. The language is still stored on each row
(the reader's, when they wrote it), because a reader may write in another language than the page's,
and the page marks such text with its `lang` so screen readers pronounce it right.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import languages


class CommentQuerySet(models.QuerySet):
    def of_page(self, page):
        return self.filter(page_id=page.pk)

    def threads(self):
        """Questions and comments, not the answers given to them."""
        return self.filter(parent__isnull=True)

    def visible(self):
        return self.filter(state=Comment.State.VISIBLE)

    def seen_by(self, user, moderates):
        """What `user` may read: everything if they moderate the page, else the visible rows and their own."""
        if moderates:
            return self
        return self.filter(models.Q(state=Comment.State.VISIBLE) | models.Q(author_id=user.pk))


class Comment(models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", pgettext_lazy("discussion", "Question")
        COMMENT = "comment", pgettext_lazy("discussion", "Comment")

    class State(models.TextChoices):
        VISIBLE = "visible", pgettext_lazy("discussion", "Visible")
        HIDDEN = "hidden", pgettext_lazy("discussion", "Hidden")

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    # An answer is a reply by the page's owner or a listed contact person to a question or comment.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("answer to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="answers",
    )
    is_answer = models.BooleanField(_("owner’s answer"), default=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.QUESTION)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="discussion_comments",
    )
    body = models.TextField(_("text"), max_length=2000)
    # Choices: the admin's filter offers the languages by name, not a box to type a code into.
    language = models.CharField(_("language"), max_length=10, choices=languages.CHOICES)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.VISIBLE)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    created = models.DateTimeField(_("written"), default=timezone.now, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("question or comment")
        verbose_name_plural = _("questions and comments")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["page", "parent", "state"], name="discussion_page_threads")]

    def __str__(self):
        return self.body[:60]

    @property
    def hidden(self):
        return self.state == self.State.HIDDEN

    def author_name(self):
        return self.author.get_full_name() or self.author.get_username()
