"""Template previews are made once, when a file is saved, and stored: page views never read the file."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile

from methods.factories import DocumentFactory, ShareableTemplateFileFactory, ShareableTemplatePageFactory
from methods.models import DocumentPreview
from tests.methods.files import make_docx

pytestmark = pytest.mark.django_db


def upload(name, content):
    """As the admin's document form saves an upload."""
    document = DocumentFactory(title=name, file=ContentFile(content, name=name))
    document._set_document_file_metadata()
    document.save()
    return document


def test_an_upload_stores_its_preview(db):
    document = upload("agenda.docx", make_docx(["Bring one case each."]))
    assert DocumentPreview.objects.get(document=document).text == "Bring one case each."


def test_a_changed_file_gets_a_new_stored_preview(db):
    document = upload("agenda.docx", make_docx(["Bring one case each."]))
    document.file = ContentFile(make_docx(["Start with a check-in round."]), name="agenda.docx")
    document._set_document_file_metadata()
    document.save()
    assert DocumentPreview.objects.get(document=document).text == "Start with a check-in round."


def test_a_damaged_file_stores_that_there_is_no_preview(db):
    document = upload("broken.docx", b"PK\x03\x04 truncated zip")
    assert DocumentPreview.objects.get(document=document).text == ""


def test_the_page_shows_the_stored_preview_without_reading_the_file(library, employee_client, settings):
    settings.PAGE_CACHE = False  # Each view renders the page.
    template = ShareableTemplatePageFactory(parent=library, title="Reflection guide")
    document = upload("agenda.docx", make_docx(["Bring one case each."]))
    ShareableTemplateFileFactory(page=template, document=document)
    # The file is gone from the disk and the cache is empty: only the stored preview can be shown.
    Path(document.file.path).unlink()
    cache.clear()
    html = employee_client.get(template.url).content.decode()
    assert "Bring one case each." in html
