"""Messages colleagues send resource persons through the portal.

A message is saved before it is e-mailed, so that a mail server that is down loses nothing:
the row stays `pending` and a background task tries again later (people/contact.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be delivered")
        SENT = "sent", _("delivered")
        FAILED = "failed", _("could not be delivered")

    # Names and addresses are copied at the time of writing: the message can still be
    # delivered and answered when the account or the profile changes or goes away.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="sent_contact_messages",
    )
    sender_name = models.CharField(_("sender's name"), max_length=150)
    sender_email = models.EmailField(_("sender's e-mail"))
    recipient = models.ForeignKey(
        "people.ResourcePersonPage",
        verbose_name=_("recipient"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="contact_messages",
    )
    # The profile across its translations, so that messages to the Swedish and English page are one person's.
    recipient_key = models.UUIDField(_("recipient's translation key"), db_index=True)
    recipient_name = models.CharField(_("recipient's name"), max_length=255)
    recipient_email = models.EmailField(_("recipient's e-mail"))
    language = models.CharField(_("language"), max_length=10, default="en")
    # The sender's copy goes out in the sender's language, not the recipient's.
    sender_language = models.CharField(_("sender's language"), max_length=10, default="en")
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    send_copy = models.BooleanField(_("copy to the sender"), default=False)
    created = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    status = models.CharField(_("delivery status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created"]
        indexes = [
            # The rate limit counts one sender's recent messages.
            models.Index(fields=["sender", "created"], name="people_contact_sender_recent"),
            models.Index(fields=["status", "next_attempt_at"], name="people_contact_undelivered"),
        ]

    def __str__(self):
        return f"{self.sender_name} → {self.recipient_name}: {self.subject}"

    @property
    def is_delivered(self):
        return self.status == self.Status.SENT
