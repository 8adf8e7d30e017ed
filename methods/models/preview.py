"""The stored preview of a template file: extracted once, when the file is saved, and read by every view."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentPreview(models.Model):
    """A document's preview text, made by a task (methods.preview.store_document_preview) from the file it names.

    `identity` says which file the text was made from (methods.preview.file_identity): a replaced file
    has another, so a stale preview is never shown for it. Empty text records "no preview" (a damaged
    or encrypted file), so the file is not read again either.
    """

    document = models.OneToOneField(
        getattr(settings, "WAGTAILDOCS_DOCUMENT_MODEL", "wagtaildocs.Document"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("document"),
    )
    identity = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    made_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document preview")
        verbose_name_plural = _("document previews")

    def __str__(self):
        return f"Preview of document {self.document_id}"
