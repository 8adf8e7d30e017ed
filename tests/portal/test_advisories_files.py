"""Advisory regressions, files: large uploads, private-collection documents and the file-hash oracle."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.test.client import encode_multipart
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from portal.factories import UserFactory
from portal.roles import RESOURCE_PERSONS
from tests.portal.advisories import member_of, setup_indexes_and_roles
from tests.portal.media_library import build_media_library
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDFILE_ROOT = str(settings.MEDIA_ROOT)
    return settings.MEDIA_ROOT


@pytest.fixture
def library(site_tree, media_root):
    library = build_media_library()
    call_command("setup_roles", stdout=io.StringIO())  # the roles' collection permissions, as `make run` has them
    return library


def png_bytes(color="olive", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


# --- Upload memory -------------------------------------------------------------------------------


def test_uploads_over_the_memory_threshold_stream_to_a_temporary_file():
    """Advisory class: upload memory on large files (CVE-2023-28837, GHSA-33pv-vcgh-jfg9).

    Django keeps an upload in memory only up to FILE_UPLOAD_MAX_MEMORY_SIZE and streams anything larger
    to a temporary file. Erfa's limits for documents and images are above that threshold, so a file
    large enough to be refused was never held in memory on its way to the size check."""
    threshold = settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    assert threshold <= 2.5 * MB
    assert threshold < settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert threshold < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert "django.core.files.uploadhandler.TemporaryFileUploadHandler" in settings.FILE_UPLOAD_HANDLERS

    body = encode_multipart("BoUnDaRy", {"file": SimpleUploadedFile("big.pdf", b"%" * (threshold + 1))})
    request = RequestFactory().post(
        "/admin/documents/add/", body, content_type="multipart/form-data; boundary=BoUnDaRy"
    )
    upload = request.FILES["file"]
    assert isinstance(upload, TemporaryUploadedFile)
    assert upload.size == threshold + 1
    upload.close()


@pytest.fixture
def uploader(site_tree):
    """A resource person, who may add documents and images in the "Resource persons" collection."""
    setup_indexes_and_roles()
    user = member_of(RESOURCE_PERSONS, "rune")
    return login_with_second_factor(Client(), user)


def test_a_document_over_the_limit_is_refused_with_a_clear_error(uploader, settings, media_root):
    """Advisory class: upload memory on large files (CVE-2023-28837, GHSA-33pv-vcgh-jfg9), documents.

    Through both of Wagtail's upload views the resource person can use, a document one byte over
    WAGTAILDOCS_MAX_UPLOAD_SIZE is refused with a message naming the limit, and nothing is stored."""
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 3 * MB  # above the memory threshold, small enough for a test
    too_big = b"%PDF-1.4\n" + b"0" * (3 * MB)
    response = uploader.post(
        reverse("wagtaildocs:add"), {"title": "Huge handbook", "file": SimpleUploadedFile("huge.pdf", too_big)}
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    response = uploader.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("huge.pdf", too_big)})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "too big" in response.json()["error_message"]
    assert not get_document_model().objects.exists()

    # The same views take a document under the limit, so the refusals are the size check's.
    response = uploader.post(
        reverse("wagtaildocs:add"), {"title": "Handbook", "file": SimpleUploadedFile("ok.pdf", b"%PDF-1.4\nsmall")}
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Handbook").exists()


def test_an_image_over_the_limit_is_refused_with_a_clear_error(uploader, settings, media_root):
    """Advisory class: upload memory on large files (CVE-2023-28837, GHSA-33pv-vcgh-jfg9), images: the
    size is checked before the image is decoded, so a huge file never reaches the image library."""
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 3 * MB
    too_big = png_bytes() + b"\0" * (3 * MB)
    response = uploader.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("huge.png", too_big)}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "too big" in response.json()["error_message"]
    assert not get_image_model().objects.exists()

    response = uploader.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("ok.png", png_bytes())}
    )
    assert response.json()["success"] is True


# --- Private-collection documents ----------------------------------------------------------------


def test_a_private_collection_document_is_refused_outside_its_group_everywhere(library):
    """Advisory class: private-collection documents (Wagtail 7.0.7 / 7.3.2 security fix "Improper
    restriction handling on Documents and Images API", and collection privacy generally).

    The steering group's salary review is refused by its URL, its /media/ path, the front-end search and
    the admin's document chooser and search to an anonymous visitor, an employee and a resource person
    (who may choose documents in the admin but is not in the group); its group gets it."""
    document = library.private_document
    resource = login_with_second_factor(Client(), member_of(RESOURCE_PERSONS, "rune"))
    employee = Client()
    employee.force_login(library.employee)
    readers = {"anonymous": Client(), "employee": employee, "resource person": resource}
    for who, client in readers.items():
        for url in (document.url, f"/media/{document.file.name}"):
            response = client.get(url, follow=True)
            assert b"salary review" not in response.content, f"{who} {url}"
            if who == "anonymous":
                assert response.redirect_chain and "/login/" in response.redirect_chain[-1][0], f"{who} {url}"
            else:  # signed in already: refused, not sent to sign in again (portal/view_restrictions.py)
                assert response.status_code == 403, f"{who} {url}"
        html = client.get("/en/search/", {"q": "salary"}, follow=True).content.decode()
        assert "Salary review" not in html, who
        for url in (
            reverse("wagtaildocs_chooser:choose"),
            reverse("wagtaildocs_chooser:choose_results") + "?q=Salary",
            reverse("wagtaildocs:index") + "?q=Salary",
        ):
            response = client.get(url, follow=True)
            assert "Salary review" not in response.content.decode(), f"{who} {url}"

    member = Client()
    member.force_login(library.member)
    response = member.get(document.url)
    assert response.status_code == 200
    assert b"salary review" in b"".join(response.streaming_content)


def test_the_chooser_still_offers_documents_a_resource_person_may_read(library):
    """The positive control: the chooser a resource person opens does list documents outside private
    collections, so the refusal above is the collection's privacy, not an empty chooser."""
    resource = login_with_second_factor(Client(), member_of(RESOURCE_PERSONS, "rune"))
    html = resource.get(reverse("wagtaildocs_chooser:choose_results") + "?q=Progress").content.decode()
    assert "Progress plan" in html


# --- The file-hash oracle ------------------------------------------------------------------------


@pytest.fixture
def photo_uploader(library):
    """Someone who may upload and choose photos in one collection of their own, and nothing else."""
    root = Collection.get_first_root_node()
    own = root.add_child(name="Team photos")
    group = Group.objects.create(name="Photo uploaders")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group, collection=own, permission=Permission.objects.get(codename=codename)
        )
    user = member_of("Photo uploaders", "ida")
    return login_with_second_factor(Client(), user), own


def upload_copy_of(client, image, collection):
    with image.file.open("rb") as handle:
        content = handle.read()
    # Named after the format the bytes are in (the factory writes JPEG whatever the name says).
    extension = {"JPEG": "jpg"}.get(Image.open(io.BytesIO(content)).format, "png")
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(f"copy.{extension}", content), "collection": collection.pk},
    )
    assert response.status_code == 200, response.content[:2000]
    return response.json()


def test_uploading_a_copy_of_a_private_photo_does_not_reveal_it(library, photo_uploader):
    """Advisory class: the file-hash oracle. Wagtail compares an upload's file hash with the library's
    (duplicate detection); answered for every image, it would tell an uploader that a private photo
    exists, and show its title and thumbnail, by uploading a guessed copy. No Wagtail advisory carries
    this name that we could find; this is the equivalent check in Erfa: the answer only ever names
    images the uploader may choose, and no response carries a stored file hash."""
    client, own = photo_uploader
    private = library.private_photo
    answer = upload_copy_of(client, private, own)
    assert answer["success"] is True, answer
    assert answer["duplicate"] is False
    assert "Board retreat" not in str(answer)
    assert private.get_file_hash() not in str(answer)

    # An administrator, who may choose every photo, is told about the same duplicate: the check runs.
    get_image_model().objects.exclude(pk__in=[library.photo.pk, private.pk]).delete()  # the copy just uploaded
    admin = login_with_second_factor(Client(), UserFactory(username="root", is_superuser=True))
    answer = upload_copy_of(admin, private, own)
    assert answer["duplicate"] is True
    assert "Board retreat" in answer["confirm_duplicate_upload"]


def test_no_page_or_listing_carries_a_documents_file_hash(library):
    """The file-hash oracle, for documents: the stored hash of a private document never leaves the server,
    so it cannot be matched against a guessed file; listings and choosers carry titles and URLs only."""
    document = library.private_document
    file_hash = document.get_file_hash()  # computed and stored if the factory left it empty
    assert len(file_hash) == 40
    admin = login_with_second_factor(Client(), UserFactory(username="root", is_superuser=True))
    for url in (
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtaildocs_chooser:choose_results") + "?q=Salary",
    ):
        html = admin.get(url).content.decode()
        assert "Salary review" in html, url
        assert file_hash not in html, url
