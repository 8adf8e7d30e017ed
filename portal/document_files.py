"""A document's file must be what its name says.

Wagtail checks only the extension of an uploaded document (AbstractDocument.clean), so an .exe renamed
fake.pdf went into the library and on to colleagues' computers. Here the first bytes, or a zip file's
directory, are compared with what each allowed extension promises. The admin's document form
(portal/document_form.py) applies the check on every upload path; methods/documents.py applies it to the
documents chosen for a shareable template. No model or form is imported here, so models may use it.
"""

import codecs
import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# How much of a text file is read to decide that it is text: enough to catch a binary file under a text
# name (binaries have NUL bytes or invalid UTF-8 early on) without reading up to 20 MB on every check.
TEXT_SNIFF_BYTES = 64 * 1024
# A real ODF `mimetype` entry is some 40 bytes; reading no more keeps a crafted archive from costing memory.
ODF_MIMETYPE_MAX_BYTES = 100

ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
OOXML_EXTENSIONS = {"docx", "xlsx", "pptx"}

# What a file with each extension should be, worded to complete the refusal below.
KINDS = {
    "pdf": _("a PDF document"),
    "docx": _("a Word document"),
    "xlsx": _("an Excel spreadsheet"),
    "pptx": _("a PowerPoint presentation"),
    "odt": _("an OpenDocument text"),
    "ods": _("an OpenDocument spreadsheet"),
    "odp": _("an OpenDocument presentation"),
    "txt": _("a plain text file"),
    "md": _("a Markdown text file"),
}


def extension_of(name):
    return os.path.splitext(name or "")[1][1:].lower()


def _zip_matches(fileobj, extension):
    try:
        # ZipFile reads only the directory at the end of the file, and then just the entry asked for.
        with zipfile.ZipFile(fileobj) as archive:
            if extension in OOXML_EXTENSIONS:
                return "[Content_Types].xml" in archive.namelist()
            with archive.open("mimetype") as entry:
                mimetype = entry.read(ODF_MIMETYPE_MAX_BYTES)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        # Not a zip, a broken or encrypted one, or (KeyError) no `mimetype` entry.
        return False
    return mimetype.strip() == ODF_MIMETYPES[extension].encode("ascii")


def _is_text(head):
    if b"\0" in head:
        return False
    # An excerpt may end inside a multi-byte character; only a whole file must end on a boundary.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=len(head) < TEXT_SNIFF_BYTES)
    except UnicodeDecodeError:
        return False
    return True


def content_matches(fileobj, extension):
    """Whether an open binary file's content is what `extension` promises. Extensions without a rule
    (those Wagtail refuses anyway) match; the file is left at its start for whoever reads it next."""
    if extension not in KINDS:
        return True
    fileobj.seek(0)
    try:
        if extension == "pdf":
            return fileobj.read(5) == b"%PDF-"
        if extension in ("txt", "md"):
            return _is_text(fileobj.read(TEXT_SNIFF_BYTES))
        return _zip_matches(fileobj, extension)
    finally:
        fileobj.seek(0)


def validate_document_content(fileobj, file_name, shown_name=None):
    """Refuse a file whose content does not match the extension of `file_name`, naming it as `shown_name`
    (the file name when not given)."""
    extension = extension_of(file_name)
    if not content_matches(fileobj, extension):
        name = shown_name or os.path.basename(file_name)
        raise ValidationError(
            _(
                "“%(name)s” does not seem to be %(kind)s, as a .%(extension)s file should be. "
                "Choose the right file, or save it again in that format."
            ),
            code="file_content",
            params={"name": name, "kind": KINDS[extension], "extension": extension},
        )
