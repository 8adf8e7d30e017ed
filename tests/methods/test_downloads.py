"""Files are downloads: a prominent download button in the page, with format and size, and the file
sent as an attachment under its own name (PDFs, .docx, text: none opens in place of the page)."""

import re
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection

from methods.factories import (
    DocumentFactory,
    MethodHandbookFactory,
    MethodPageFactory,
    ShareableTemplateFileFactory,
    ShareableTemplatePageFactory,
)
from tests.methods.files import make_docx, make_pdf

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def collection_root(db):
    # A transactional test run before this file flushes the root collection the migration made.
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def stored_document(name, content):
    document = DocumentFactory(title=name, file=ContentFile(content, name=name))
    document.file_size = len(content)
    document.save()
    return document


def download_button(html, href):
    found = re.search(rf'<a class="button button--download" href="{re.escape(href)}" download[^>]*>(.*?)</a>', html)
    assert found is not None, f"no download button for {href}"
    return found


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Återblick och plan.pdf", make_pdf("Reflection"), "application/pdf"),
        (
            "guide.docx",
            make_docx("Reflection"),
            DOCX,
        ),
        ("notes.txt", b"Reflection notes", "text/plain"),
    ],
)
def test_every_document_is_sent_as_an_attachment_under_its_name(employee_client, name, content, content_type):
    document = stored_document(name, content)
    response = employee_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    stored = document.filename
    if stored.isascii():
        assert f'filename="{stored}"' in disposition
    else:
        # The readable name for every browser: the UTF-8 form (RFC 6266), and an ASCII stand-in.
        assert f"filename*=UTF-8''{quote(stored)}" in disposition
        assert stored.startswith("Återblick")
        assert 'filename="Aterblick' in disposition


def test_a_method_handbook_is_a_download_button_with_format_and_size(method_index, employee_client):
    method = MethodPageFactory(parent=method_index, title="Reflection round")
    document = stored_document("handbook.pdf", make_pdf("Handbook"))
    MethodHandbookFactory(page=method, title="The full handbook", document=document, link="")
    method.save_revision().publish()
    html = employee_client.get(method.url).content.decode()
    button = download_button(html, document.url)
    assert "Download" in button.group(1) and "The full handbook" in button.group(1)
    after = html[button.end() :][:80]
    assert re.match(r'\s*<span class="meta download-format">\(PDF, \d+(\.\d)?\xa0(bytes|KB)\)</span>', after), after


def test_a_template_file_is_a_prominent_download_with_format_and_size(library, employee_client):
    template = ShareableTemplatePageFactory(parent=library, title="Reflection guide")
    document = stored_document("guide.docx", make_docx("Guide"))
    template_file = ShareableTemplateFileFactory(page=template, document=document)
    html = employee_client.get(template.url).content.decode()
    form = html[html.index('<form class="template-file__download"') :]
    form = form[: form.index("</form>")]
    assert f'action="{template.url}download/{template_file.pk}/"' in form
    assert '<button type="submit" class="button button--download">Download' in form
    assert re.search(r'<span class="meta download-format">\(DOCX, [\d.]+\xa0(bytes|KB)\)</span>', form)

    # The counted download ends at the file, which the browser saves rather than opens in the tab.
    response = employee_client.post(f"{template.url}download/{template_file.pk}/", follow=True)
    assert response["Content-Disposition"].startswith("attachment;")
