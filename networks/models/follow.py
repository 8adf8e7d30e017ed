"""Who follows which network: the list a reader's home page shows, and later the digests' recipients."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkFollowQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(user=user) if user is not None and user.is_authenticated else self.none()

    def of_network(self, network):
        """The follows of `network` in any of its language versions (they share a translation key)."""
        return self.filter(network__translation_key=network.translation_key)


class NetworkFollow(models.Model):
    """One user following one network. A follow names one language version; it counts for all of them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="network_follows",
    )
    network = models.ForeignKey(
        "networks.NetworkPage", verbose_name=_("network"), on_delete=models.CASCADE, related_name="follows"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NetworkFollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("network follow")
        verbose_name_plural = _("network follows")
        constraints = [models.UniqueConstraint(fields=["user", "network"], name="unique_network_follow")]
        ordering = ["-created"]

    def __str__(self):
        return f"{self.user} → {self.network}"
