"""Who has already counted as downloading a template today, kept as keyed digests, never as names.

A template's download count grows once per reader per template per day. To know "once", Erfa keeps a
digest of (reader, template, day) keyed with SECRET_KEY: it says "already counted" to the same reader
on the same day and names no one. Digests of earlier days are deleted as new ones arrive.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def download_digest(user_id, template_key, day):
    return salted_hmac(
        "erfa.methods.download", f"{user_id}:{template_key}:{day.isoformat()}", algorithm="sha256"
    ).hexdigest()


class TemplateDownloadQuerySet(models.QuerySet):
    def count_once(self, template, user):
        """Add 1 to the template's count (in every language) unless `user` was counted today. True if counted."""
        if not user.is_authenticated:
            return False
        today = timezone.localdate()
        try:
            with transaction.atomic():
                self.create(digest=download_digest(user.pk, template.translation_key, today), day=today)
        except IntegrityError:
            return False
        self.filter(day__lt=today).delete()
        type(template).objects.filter(translation_key=template.translation_key).update(
            download_count=F("download_count") + 1
        )
        return True


class TemplateDownload(models.Model):
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    day = models.DateField(_("day"), db_index=True)

    objects = TemplateDownloadQuerySet.as_manager()

    class Meta:
        verbose_name = _("counted download")
        verbose_name_plural = _("counted downloads")

    def __str__(self):
        return f"{self.day}: {self.digest[:8]}"
