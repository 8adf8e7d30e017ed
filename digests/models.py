"""Which follower got which week's digest: what makes a second run in the same week send nothing."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkDigestLog(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="network_digests"
    )
    # The ISO week the digest covers, like "2026-W49": one digest per follower per week.
    week = models.CharField(_("week"), max_length=8)
    sent_at = models.DateTimeField(_("sent"))
    # The translation keys of the networks the digest named, for whoever checks what was sent.
    networks = models.JSONField(_("networks"), default=list)

    class Meta:
        verbose_name = _("network digest")
        verbose_name_plural = _("network digests")
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_network_digest_per_week")]

    def __str__(self):
        return f"{self.user} {self.week}"
