"""What people do around a gathering: answer whether they come, get recorded as there, and comment.

A gathering is one Gathering row per language version of its network page; the rows of one gathering
share a translation key, and so every row here names the gathering (and its network) by translation
key: a Swedish reader's sign-up counts on the Norwegian page too, and survives the page being
republished or translated.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class GatheringQuerySet(models.QuerySet):
    def of_gathering(self, gathering):
        return self.filter(gathering_key=gathering.translation_key)


class GatheringResponseQuerySet(GatheringQuerySet):
    def cloud_of(self, network):
        """The sign-ups whose words feed `network`'s word cloud: those written in the page's language.

        Each language version shows its readers the words written in their language (a Swedish cloud of
        Danish and Dutch words would be noise), next to the hand-typed phrases translated with the page.
        A subquery for the language, so that the network page reads it in its one query.
        """
        language = Locale.objects.filter(pk=network.locale_id).values("language_code")
        return self.filter(network_key=network.translation_key, answer="coming", language__in=language).exclude(
            expectations=""
        )


class GatheringResponse(models.Model):
    """One person's answer to one gathering: coming or not, a note, and (when coming) what they hope for."""

    class Answer(models.TextChoices):
        COMING = "coming", _("Coming")
        DECLINED = "declined", _("Not coming")

    gathering_key = models.UUIDField(_("gathering"), db_index=True)
    network_key = models.UUIDField(_("network"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="gathering_responses"
    )
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    expectations = models.TextField(_("expectations and questions"), max_length=1000, blank=True)
    # The language the person wrote in: it picks the stop words the word cloud leaves out.
    language = models.CharField(_("language"), max_length=10)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = GatheringResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer to a gathering")
        verbose_name_plural = _("answers to gatherings")
        constraints = [models.UniqueConstraint(fields=["gathering_key", "user"], name="one_response_per_gathering")]

    def __str__(self):
        return f"{self.user} → {self.gathering_key}: {self.answer}"


class GatheringAttendance(models.Model):
    """Someone the network's facilitator recorded as present, whether they had signed up or not."""

    gathering_key = models.UUIDField(_("gathering"), db_index=True)
    network_key = models.UUIDField(_("network"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="gatherings_attended"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = GatheringQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["gathering_key", "user"], name="one_attendance_per_gathering")]

    def __str__(self):
        return f"{self.user} @ {self.gathering_key}"


class GatheringComment(models.Model):
    """A comment on a gathering's agenda (before it starts) or on its minutes (after it)."""

    class Topic(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        MINUTES = "minutes", _("Minutes")

    gathering_key = models.UUIDField(_("gathering"), db_index=True)
    network_key = models.UUIDField(_("network"), db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="gathering_comments"
    )
    topic = models.CharField(_("about"), max_length=10, choices=Topic.choices)
    agenda_item = models.CharField(_("agenda item"), max_length=200, blank=True)
    body = models.TextField(_("comment"), max_length=2000)
    language = models.CharField(_("language"), max_length=10)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    # Moderation by the network's facilitator: a hidden comment is shown to facilitators only.
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("hidden by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = GatheringQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment on a gathering")
        verbose_name_plural = _("comments on gatherings")
        ordering = ["created", "pk"]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"


class HiddenCloudWord(models.Model):
    """A word or phrase the facilitator took out of the network's word cloud (compared case-insensitively)."""

    network_key = models.UUIDField(_("network"), db_index=True)
    phrase = models.CharField(_("phrase"), max_length=100)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("hidden by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("word hidden from the cloud")
        verbose_name_plural = _("words hidden from the cloud")
        constraints = [models.UniqueConstraint(fields=["network_key", "phrase"], name="unique_hidden_cloud_word")]

    def __str__(self):
        return self.phrase


class CalendarSubscription(models.Model):
    """A person's secret calendar address. Only the token's hash identifies it in a request.

    The token itself is never stored: it is an HMAC of `nonce` with the site's secret key, so the account
    page can show the address again, while a copy of the database alone opens no one's calendar.
    A new nonce (a new address) revokes the old one; deleting the row stops the subscription.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_subscription"
    )
    nonce = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self):
        return str(self.user)
