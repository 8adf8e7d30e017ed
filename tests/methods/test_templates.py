import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from methods.factories import DocumentFactory, ShareableTemplateFileFactory, ShareableTemplatePageFactory
from methods.models import DocumentPreview, ShareableTemplatePage
from methods.preview import document_preview
from tests.methods.files import make_docx, make_odt, make_pdf

pytestmark = pytest.mark.django_db

Document = get_document_model()


def document(name, content, title=None):
    return DocumentFactory(title=title or name, file=ContentFile(content, name=name))


@pytest.fixture
def template(library):
    return ShareableTemplatePageFactory(parent=library, title="Reflection guide")


def add_file(template, name, content, label=""):
    return ShareableTemplateFileFactory(page=template, document=document(name, content), label=label)


# --- Downloads --------------------------------------------------------------


def test_a_download_is_counted_and_hands_over_the_file(template, employee_client):
    template_file = add_file(template, "guide.txt", b"Reflection guide")
    url = f"{template.url}download/{template_file.pk}/"

    response = employee_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == template_file.document.url
    template.refresh_from_db()
    assert template.download_count == 1
    assert "Reflection guide" in employee_client.get(response["Location"]).getvalue().decode()


def test_the_page_offers_each_file_through_a_form_that_posts_with_a_csrf_token(template, employee_client):
    template_file = add_file(template, "guide.txt", b"Reflection guide")
    html = employee_client.get(template.url).content.decode()
    form = html[html.index('<form class="template-file__download"') :]
    form = form[: form.index("</form>")]
    assert f'action="{template.url}download/{template_file.pk}/"' in form
    assert 'method="post"' in form
    assert 'name="csrfmiddlewaretoken"' in form


def test_a_reader_counts_once_per_template_per_day(template, employee_client, client):
    from methods.factories import ShareableTemplatePageFactory as Factory
    from portal.factories import EmployeeFactory

    first = add_file(template, "guide.txt", b"Reflection guide")
    second = add_file(template, "agenda.txt", b"Agenda")
    other = Factory(parent=template.get_parent(), title="Agenda")
    other_file = add_file(other, "other.txt", b"Other")
    for url in [f"{template.url}download/{first.pk}/", f"{template.url}download/{second.pk}/"] * 2:
        assert employee_client.post(url).status_code == 302
    employee_client.post(f"{other.url}download/{other_file.pk}/")
    template.refresh_from_db()
    other.refresh_from_db()
    assert (template.download_count, other.download_count) == (1, 1)

    colleague = EmployeeFactory(username="colleague")
    client.force_login(colleague)
    client.post(f"{template.url}download/{first.pk}/")
    template.refresh_from_db()
    assert template.download_count == 2


def test_the_next_day_counts_again(template, employee_client):
    import datetime

    from django.utils import timezone

    from methods.models import TemplateDownload

    template_file = add_file(template, "guide.txt", b"Reflection guide")
    url = f"{template.url}download/{template_file.pk}/"
    employee_client.post(url)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    # As if the first download had been yesterday: its digest names yesterday's date.
    TemplateDownload.objects.update(day=yesterday, digest="x" * 64)
    employee_client.post(url)
    template.refresh_from_db()
    assert template.download_count == 2
    # Yesterday's digests are gone once today's arrive.
    assert list(TemplateDownload.objects.values_list("day", flat=True)) == [timezone.localdate()]


def test_a_plain_get_hands_over_the_file_without_counting(template, employee_client):
    template_file = add_file(template, "guide.txt", b"Reflection guide")
    response = employee_client.get(f"{template.url}download/{template_file.pk}/")
    assert response.status_code == 302
    assert response["Location"] == template_file.document.url
    template.refresh_from_db()
    assert template.download_count == 0


def test_another_site_cannot_count_a_download(template, employee):
    from django.test import Client

    template_file = add_file(template, "guide.txt", b"Reflection guide")
    url = f"{template.url}download/{template_file.pk}/"
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(employee)
    # A form on another site posts without the reader's CSRF token.
    response = browser.post(url, headers={"Origin": "https://elsewhere.example", "Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    # The same reader's own button on the page does count.
    page = browser.get(template.url)
    token = page.cookies["csrftoken"].value
    assert browser.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    template.refresh_from_db()
    assert template.download_count == 1


def test_downloads_count_for_every_translation_and_survive_publishing(template, employee_client):
    from wagtail.models import Locale

    template_file = add_file(template, "guide.txt", b"Reflection guide")
    swedish = template.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    swedish.save_revision().publish()
    employee_client.post(f"{template.url}download/{template_file.pk}/")

    swedish.refresh_from_db()
    assert swedish.download_count == 1
    # Switching language does not count the same reader twice on the same day.
    swedish_file = swedish.files.first()
    employee_client.post(f"{swedish.url}download/{swedish_file.pk}/")
    swedish.refresh_from_db()
    assert swedish.download_count == 1
    # An editor publishing an edit made before the download must not reset the count.
    template.refresh_from_db()
    revision = template.save_revision()
    ShareableTemplatePage.objects.filter(pk=template.pk).update(download_count=5)
    revision.publish()
    template.refresh_from_db()
    assert template.download_count == 5


def test_a_file_of_another_page_or_an_unknown_file_is_not_found(library, template, employee_client):
    other = ShareableTemplatePageFactory(parent=library)
    foreign_file = add_file(other, "other.txt", b"Other")
    assert employee_client.post(f"{template.url}download/{foreign_file.pk}/").status_code == 404
    assert employee_client.post(f"{template.url}download/999999/").status_code == 404
    template.refresh_from_db()
    assert template.download_count == 0


def test_the_download_does_not_record_who_downloaded(template, employee, employee_client):
    from methods.models import TemplateDownload

    template_file = add_file(template, "guide.txt", b"Reflection guide")
    employee_client.post(f"{template.url}download/{template_file.pk}/")
    [row] = TemplateDownload.objects.values()
    # Only a keyed digest and the day: neither the reader's id nor name, nor the template, can be read off it.
    assert set(row) == {"id", "digest", "day"}
    assert len(row["digest"]) == 64
    assert employee.username not in row["digest"]


# --- Previews ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("guide.pdf", make_pdf("What do we do best when this happens?"), "What do we do best when this happens?"),
        ("agenda.docx", make_docx(["Before the meeting", "Bring one case each."]), "Bring one case each."),
        ("efter.odt", make_odt("Efter mötet", ["Vad ska vi behålla?"]), "Vad ska vi behålla?"),
        ("notes.md", b"# Notes\n\nKeep it *short*.", "Keep it *short*."),
        ("agenda.txt", "Dagsorden\n\nSjekk inn først.".encode(), "Sjekk inn først."),
    ],
)
def test_the_page_previews_pdf_and_text_documents(template, employee_client, name, content, expected):
    add_file(template, name, content)
    html = employee_client.get(template.url).content.decode()
    assert expected in html
    assert "No preview available" not in html


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf"),
        ("broken.docx", b"PK\x03\x04 truncated zip"),
        ("broken.odt", make_docx(["A Word file with the wrong extension"])),
        ("binary.txt", b"\x00\x01\x02\xff\xfe"),
        ("latin1.md", "Beskrivning på svenska: åäö".encode("latin-1")),
        ("table.xlsx", b"PK not previewed"),
    ],
)
def test_a_broken_or_unpreviewable_file_shows_no_preview_not_an_error(template, employee_client, name, content):
    add_file(template, name, content, label="The file")
    response = employee_client.get(template.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No preview available" in html
    assert "The file" in html


def test_a_missing_file_shows_no_preview(template, employee_client):
    template_file = add_file(template, "gone.txt", b"soon gone")
    template_file.document.file.storage.delete(template_file.document.file.name)
    # The preview is made from the file when it is saved; here it is made again, after the file is gone.
    DocumentPreview.objects.filter(document=template_file.document).delete()
    assert document_preview(template_file.document) is None
    response = employee_client.get(template.url)
    assert response.status_code == 200
    assert "No preview available" in response.content.decode()


def test_a_long_text_is_cut_to_an_excerpt(library):
    long_text = ("word " * 1000).encode()
    preview = document_preview(document("long.txt", long_text))
    assert 100 < len(preview) <= 710
    assert preview.endswith("…")


# --- Admin rules for files --------------------------------------------------


def test_admin_upload_refuses_a_disallowed_file_type(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tool", "file": ContentFile(b"MZ binary", name="tool.exe"), "collection": 1},
    )
    assert response.status_code == 200
    assert "File extension “exe” is not allowed." in response.content.decode()
    assert not Document.objects.filter(title="Tool").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_admin_upload_refuses_an_oversized_file(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Huge", "file": ContentFile(b"x" * 4096, name="huge.txt"), "collection": 1},
    )
    assert response.status_code == 200
    assert "This file is too big (4.0\xa0KB). Maximum filesize 1.0\xa0KB." in response.content.decode()
    assert not Document.objects.filter(title="Huge").exists()


def page_form_data(doc):
    return nested_form_data(
        {
            "title": "Agenda",
            "slug": "agenda",
            "purpose": rich_text("<p>Prepare the meeting.</p>"),
            "when_to_use": "before_meeting",
            "file_format": "plain_text",
            "language": "en",
            "version_note": "",
            "licence": "",
            "summary": "",
            "review_interval_months": 12,
            "files": inline_formset([{"document": doc.pk, "label": ""}]),
            "meeting_pair": streamfield([]),
            "handbooks": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def add_page_url(library):
    return reverse("wagtailadmin_pages:add", args=("methods", "shareabletemplatepage", library.pk))


def test_the_page_form_accepts_an_allowed_file(library, admin_client):
    doc = document("agenda.txt", b"Agenda")
    response = admin_client.post(add_page_url(library), page_form_data(doc))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ShareableTemplatePage.objects.get(slug="agenda")
    assert [f.document_id for f in page.files.all()] == [doc.pk]


def test_the_page_form_refuses_a_document_of_a_disallowed_type(library, admin_client):
    # Uploaded before the rules were tightened, for example.
    doc = document("macro.docm", b"PK", title="Old macro file")
    response = admin_client.post(add_page_url(library), page_form_data(doc))
    assert response.status_code == 200
    html = response.content.decode()
    assert "“Old macro file” is not an allowed file type (.docm)." in html
    assert not ShareableTemplatePage.objects.filter(slug="agenda").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_the_page_form_refuses_an_oversized_document(library, admin_client):
    doc = document("big.txt", b"x" * 4096, title="Big agenda")
    response = admin_client.post(add_page_url(library), page_form_data(doc))
    assert response.status_code == 200
    assert "“Big agenda” is too big (4.0\xa0KB). The largest file allowed is 1.0\xa0KB." in response.content.decode()
    assert not ShareableTemplatePage.objects.filter(slug="agenda").exists()
