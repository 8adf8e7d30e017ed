"""A template file is read and parsed once for its preview, not on every view of the page."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from methods.factories import DocumentFactory, ShareableTemplateFileFactory, ShareableTemplatePageFactory
from tests.methods.files import make_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(library):
    return ShareableTemplatePageFactory(parent=library, title="Reflection guide")


def add_document(template, name, content):
    document = DocumentFactory(title=name, file=ContentFile(content, name=name))
    document._set_document_file_metadata()
    document.save()
    ShareableTemplateFileFactory(page=template, document=document)
    return document


def page_html(client, template):
    response = client.get(template.url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_second_view_does_not_read_the_file_again(template, employee_client):
    document = add_document(template, "agenda.docx", make_docx(["Bring one case each."]))
    assert "Bring one case each." in page_html(employee_client, template)

    # The bytes on disk change behind the database's back: a view that read the file would show them.
    Path(document.file.path).write_bytes(make_docx(["Read again on every view."]))
    html = page_html(employee_client, template)
    assert "Bring one case each." in html
    assert "Read again on every view." not in html


def test_a_replaced_file_gets_a_new_preview(template, employee_client):
    document = add_document(template, "agenda.docx", make_docx(["Bring one case each."]))
    assert "Bring one case each." in page_html(employee_client, template)

    # As the admin's document form does when an editor uploads a new file.
    document.file = ContentFile(make_docx(["Start with a check-in round."]), name="agenda.docx")
    document._set_document_file_metadata()
    document.save()
    html = page_html(employee_client, template)
    assert "Start with a check-in round." in html
    assert "Bring one case each." not in html


def test_a_file_without_a_preview_is_not_parsed_again_either(template, employee_client):
    document = add_document(template, "broken.docx", b"PK\x03\x04 truncated zip")
    assert "No preview available" in page_html(employee_client, template)

    Path(document.file.path).write_bytes(make_docx(["Parsed again on every view."]))
    html = page_html(employee_client, template)
    assert "No preview available" in html
    assert "Parsed again on every view." not in html
