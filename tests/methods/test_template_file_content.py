"""The template page form applies the upload's content check to the documents chosen for it: a document stored
before the check existed can still be chosen (methods/documents.py)."""

import pytest

from methods.models import ShareableTemplatePage
from tests.methods.files import make_docx
from tests.methods.test_templates import add_page_url, document, page_form_data

pytestmark = pytest.mark.django_db


def test_the_page_form_refuses_a_stored_document_that_is_not_what_its_name_says(library, admin_client):
    doc = document("agenda.pdf", b"MZ\x90\x00" + bytes(60), title="Old agenda")
    response = admin_client.post(add_page_url(library), page_form_data(doc))
    assert response.status_code == 200
    assert "“Old agenda” does not seem to be a PDF document, as a .pdf file should be." in response.content.decode()
    assert not ShareableTemplatePage.objects.filter(slug="agenda").exists()


def test_the_page_form_accepts_a_real_document_and_one_whose_file_has_gone(library, admin_client):
    doc = document("agenda.docx", make_docx(["Agenda"]))
    response = admin_client.post(add_page_url(library), page_form_data(doc))
    assert response.status_code == 302, response.content.decode()[:2000]

    gone = document("gone.pdf", b"%PDF-1.4\n", title="Gone")
    gone.file.storage.delete(gone.file.name)
    data = page_form_data(gone) | {"slug": "agenda-2"}
    response = admin_client.post(add_page_url(library), data)
    assert response.status_code == 302, response.content.decode()[:2000]
