"""Rules for the files of shareable templates, checked on the page form as well as at upload."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from portal.document_files import validate_document_content

# The formats colleagues can open with ordinary office software; the settings normally say the same.
DEFAULT_EXTENSIONS = ["docx", "odt", "xlsx", "ods", "pptx", "odp", "pdf", "txt", "md"]


def file_extension(document):
    """The extension in lower case, or "" for a document whose file has gone."""
    return os.path.splitext(document.file.name or "")[1][1:].lower()


def allowed_extensions():
    return [extension.lower() for extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or DEFAULT_EXTENSIONS]


def max_upload_size():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)


def document_size(document):
    """The file's size in bytes, or None when the file cannot be reached."""
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def validate_stored_content(document):
    """Refuse a stored file whose content is not what its name says. A file that has gone cannot be read
    and is not refused for that here: choosing such a document was allowed before this check, too."""
    try:
        document.file.open("rb")
    except (OSError, ValueError):
        return
    try:
        validate_document_content(document.file, document.file.name, shown_name=document.title)
    finally:
        document.file.close()


def validate_shareable_template_document(document):
    """Refuse a document that is not an allowed office format, not what its name says or over the size limit.

    Wagtail's upload views check all three (the content through portal/document_files.py), but a document
    uploaded before the rules changed can still be chosen on a page, so the page form checks again.
    """
    extension = file_extension(document)
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            _("“%(title)s” is not an allowed file type (.%(extension)s). Templates can be: %(allowed)s.")
            % {"title": document.title, "extension": extension or "?", "allowed": ", ".join(allowed)},
            code="file_type",
        )
    limit = max_upload_size()
    size = document_size(document)
    if limit is not None and size is not None and size > limit:
        raise ValidationError(
            _("“%(title)s” is too big (%(size)s). The largest file allowed is %(limit)s.")
            % {"title": document.title, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    validate_stored_content(document)
