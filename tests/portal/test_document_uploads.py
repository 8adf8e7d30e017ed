"""Uploading documents in the admin: one clear error for a file that is too big, and a file's content must be
what its name says, on every upload path (portal/document_form.py)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from portal.roles import COMMUNICATIONS, RESOURCE_PERSONS
from tests.methods.files import make_docx, make_odt, make_pdf
from tests.portal.advisories import member_of, setup_indexes_and_roles
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

Document = get_document_model()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(64) + b"This program cannot be run in DOS mode."
FAKE_PDF = "“fake.pdf” does not seem to be a PDF document, as a .pdf file should be."
EMPTY_EXTENSION = "File extension “” is not allowed"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def signed_in(role, username, language=None):
    user = member_of(role, username)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return login_with_second_factor(Client(), user), user


@pytest.fixture
def roles(site_tree):
    setup_indexes_and_roles()


@pytest.fixture
def resource_person(roles):
    return signed_in(RESOURCE_PERSONS, "rune")[0]


@pytest.fixture
def communications(roles):
    return signed_in(COMMUNICATIONS, "cecilie")[0]


def zipped(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def add(client, title, name, content):
    return client.post(reverse("wagtaildocs:add"), {"title": title, "file": upload(name, content)})


def add_multiple(client, name, content):
    return client.post(reverse("wagtaildocs:add_multiple"), {"files[]": upload(name, content)}).json()


# --- One error for a file that is too big -------------------------------------------------------


def test_a_danish_resource_person_is_told_only_that_the_file_is_too_big(roles, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client, _user = signed_in(RESOURCE_PERSONS, "rasmus", language="da")
    response = add(client, "Årsrapport", "aarsrapport.pdf", make_pdf("Aarsrapport") + b"0" * 4096)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Filen er for stor (" in html
    assert "Maksimal filstørrelse er 1,0\xa0KB." in html
    assert "Filendelse" not in html
    assert 'value="Årsrapport"' in html  # the rest of the form is kept
    assert not Document.objects.exists()


def test_the_multiple_upload_reports_only_the_size(resource_person, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    result = add_multiple(resource_person, "handbook.pdf", make_pdf("Handbook") + b"0" * 4096)
    assert result["success"] is False
    assert result["error_message"].startswith("This file is too big (")
    assert result["error_message"].endswith("Maximum filesize 1.0\xa0KB.")
    assert "\n" not in result["error_message"]
    assert not Document.objects.exists()


def test_a_wrong_extension_is_still_refused_by_name(resource_person):
    response = add(resource_person, "Tool", "tool.exe", EXE)
    html = response.content.decode()
    assert "File extension “exe” is not allowed." in html
    assert "does not seem to be" not in html
    assert not Document.objects.exists()


# --- Content must match the name, on every upload path ------------------------------------------


def test_an_exe_named_pdf_is_refused_by_the_upload_form_which_keeps_the_rest(resource_person):
    response = resource_person.post(
        reverse("wagtaildocs:add"), {"title": "Gathering agenda", "tags": "agenda", "file": upload("fake.pdf", EXE)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert FAKE_PDF in html
    assert "Choose the right file, or save it again in that format." in html
    assert EMPTY_EXTENSION not in html
    assert 'value="Gathering agenda"' in html
    assert 'value="agenda"' in html
    assert not Document.objects.exists()


def test_an_exe_named_pdf_is_refused_by_the_multiple_upload(resource_person):
    result = add_multiple(resource_person, "fake.pdf", EXE)
    assert result == {"success": False, "error_message": result["error_message"]}
    assert result["error_message"].startswith(FAKE_PDF)
    assert EMPTY_EXTENSION not in result["error_message"]
    assert not Document.objects.exists()


def test_an_exe_named_pdf_is_refused_by_the_choosers_upload(resource_person):
    response = resource_person.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Agenda", "document-chooser-upload-file": upload("fake.pdf", EXE)},
    )
    result = response.json()
    assert result["step"] == "reshow_creation_form"
    assert FAKE_PDF in result["htmlFragment"]
    assert 'value="Agenda"' in result["htmlFragment"]
    assert not Document.objects.exists()


def test_replacing_a_documents_file_with_an_exe_named_pdf_is_refused(roles):
    client, user = signed_in(RESOURCE_PERSONS, "rikke")
    document = Document.objects.create(
        title="Agenda",
        file=upload("agenda.pdf", make_pdf("Agenda")),
        collection=Collection.objects.get(name="Resource persons"),
        uploaded_by_user=user,
    )
    stored = document.file.name
    response = client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {"title": "Agenda, second version", "collection": document.collection_id, "file": upload("fake.pdf", EXE)},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert FAKE_PDF in html
    assert 'value="Agenda, second version"' in html
    document.refresh_from_db()
    assert (document.title, document.file.name) == ("Agenda", stored)
    assert document.file.read(5) == b"%PDF-"


MISMATCHES = [
    ("notes.pdf", b"Just some notes, not a PDF.", "a PDF document"),
    ("plan.docx", b"MZ" + bytes(200), "a Word document"),
    ("plan.docx", zipped({"word/document.xml": "<w:document/>"}), "a Word document"),
    ("budget.xlsx", EXE, "an Excel spreadsheet"),
    ("slides.pptx", make_pdf("Slides"), "a PowerPoint presentation"),
    ("plan.odt", make_docx(["Plan"]), "an OpenDocument text"),
    ("budget.ods", make_odt("Budget", ["Not a spreadsheet"]), "an OpenDocument spreadsheet"),
    ("slides.odp", zipped({"content.xml": "<office:document-content/>"}), "an OpenDocument presentation"),
    ("readme.txt", EXE, "a plain text file"),
    ("notes.md", "Møde".encode("latin-1"), "a Markdown text file"),
]


@pytest.mark.parametrize(("name", "content", "kind"), MISMATCHES)
def test_each_allowed_type_refuses_content_of_another_kind(communications, name, content, kind):
    result = add_multiple(communications, name, content)
    extension = name.rpartition(".")[2]
    assert result["success"] is False
    assert result["error_message"].startswith(f"“{name}” does not seem to be {kind}, as a .{extension} file should be.")
    assert not Document.objects.exists()


ACCEPTED = [
    ("agenda.pdf", make_pdf("Agenda")),
    ("agenda.docx", make_docx(["Agenda", "1. Welcome"])),
    ("agenda.odt", make_odt("Agenda", ["1. Welcome"])),
    ("budget.xlsx", zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})),
    ("agenda.txt", "Dagsorden: 1. Velkomst, 2. Årets læring\n".encode()),
    ("agenda.md", b"# Dagsorden\n\n- Velkomst\n"),
    # Only the start of a text is read; a letter cut in two at the end of that start is still text.
    ("long.txt", b"a" * (64 * 1024 - 1) + "æble\n".encode()),
]


@pytest.mark.parametrize(("name", "content"), ACCEPTED)
def test_real_files_are_accepted_on_both_upload_views(resource_person, name, content):
    response = add(resource_person, "Agenda", name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert add_multiple(resource_person, name, content)["success"] is True
    documents = Document.objects.order_by("pk")
    assert documents.count() == 2
    for document in documents:
        with document.file.open("rb") as stored:
            assert stored.read() == content  # the check leaves the upload whole for storing
