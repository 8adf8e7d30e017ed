"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): a new file's content must be what its name
says, and a refused file gets one clear reason.

Wagtail builds every upload path's form on this base: the single and multiple upload views, the chooser's
upload and the edit form's file replacement.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from portal.document_files import validate_document_content


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (every admin upload path builds on it), checking what a new file contains
    and reporting one error for a refused file."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only a new upload: the edit form hands back the stored file when none is chosen.
        if isinstance(file, UploadedFile):
            validate_document_content(file, file.name)
        return file

    def add_error(self, field, error):
        # Wagtail's AbstractDocument.clean checks the extension even after the file field has refused the
        # upload (too big, or not what its name says). It then looks at no file at all and adds "File
        # extension “” is not allowed", which is wrong; the field's own error is the one to show.
        if field is None and self.has_error("file") and "file" in getattr(error, "error_dict", {}):
            remaining = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not remaining:
                return
            error = ValidationError(remaining)
        super().add_error(field, error)
