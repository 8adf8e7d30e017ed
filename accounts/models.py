from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SingleSignOnIdentity(models.Model):
    """Which provider account (issuer and subject) signs in as which Erfa user.

    The subject (`sub`) is the one claim a provider promises never to change or reuse; usernames and
    e-mail addresses may do both, so they are copied to the user at each sign-in but never used to find it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities", verbose_name=_("user")
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="unique_sso_identity")]
        verbose_name = _("single sign-on identity")
        verbose_name_plural = _("single sign-on identities")

    def __str__(self):
        return f"{self.issuer} {self.subject}"
