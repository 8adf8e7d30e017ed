"""Uploaded documents, images and renditions go only to signed-in readers who may see them, whichever
server sends the bytes: Django itself (MEDIA_SERVE=django) or nginx after an X-Accel-Redirect (nginx)."""

import importlib
import re
from urllib.parse import unquote

import pytest
from django.urls import clear_url_caches
from django_sendfile.utils import _get_sendfile as sendfile2_backend
from wagtail.utils.sendfile import _get_sendfile as wagtail_sendfile_backend

import portal.urls
from portal.factories import UserFactory
from tests.portal.media_library import build_media_library

pytestmark = pytest.mark.django_db

INTERNAL_LOCATION = "/protected-media"  # SENDFILE_URL, the internal location in deploy/nginx/erfa.conf
BACKENDS = {"django": "wagtail.utils.sendfile_streaming_backend", "nginx": "django_sendfile.backends.nginx"}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDFILE_ROOT = str(settings.MEDIA_ROOT)
    return settings.MEDIA_ROOT


@pytest.fixture(params=sorted(BACKENDS))
def media_serve(request, settings, media_root):
    """The MEDIA_SERVE mode, as portal/settings.py sets it up."""
    settings.SENDFILE_BACKEND = BACKENDS[request.param]
    settings.SENDFILE_URL = INTERNAL_LOCATION if request.param == "nginx" else None
    # Both libraries keep the backend module they loaded first.
    sendfile2_backend.cache_clear()
    wagtail_sendfile_backend.clear()
    yield request.param
    sendfile2_backend.cache_clear()
    wagtail_sendfile_backend.clear()


@pytest.fixture
def library(site_tree, media_root):
    return build_media_library()


def received(response, media_serve, media_root):
    """The bytes the reader ends up with: Django's body, or the file nginx sends for the X-Accel-Redirect."""
    assert response.status_code == 200, (response.get("Location"), getattr(response, "content", b"")[:2000])
    if media_serve == "nginx":
        location = response["X-Accel-Redirect"]
        assert location.startswith(f"{INTERNAL_LOCATION}/")
        assert response.content == b""
        return (media_root / unquote(location.removeprefix(f"{INTERNAL_LOCATION}/"))).read_bytes()
    return b"".join(response.streaming_content) if response.streaming else response.content


def signed_in(client, user):
    client.force_login(user)
    return client


def media_url_of_document(document):
    return f"/media/{document.file.name}"


def test_anonymous_visitors_are_sent_to_login_for_every_kind_of_file(client, library, media_serve):
    urls = [
        library.public_document.url,
        media_url_of_document(library.public_document),
        library.photo.file.url,
        library.photo_rendition.url,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/?next=" in response["Location"], url
        assert "X-Accel-Redirect" not in response


def test_an_employee_gets_public_documents_photos_and_renditions(client, library, media_serve, media_root):
    employee = signed_in(client, library.employee)
    document = library.public_document
    assert document.url == f"/documents/{document.id}/progress-plan.txt"
    assert received(employee.get(document.url), media_serve, media_root) == document.file.open("rb").read()

    # The file's own path under /media/ leads to the same checked view.
    response = employee.get(media_url_of_document(document))
    assert response.status_code == 302
    assert response["Location"] == document.url

    for field in (library.photo.file, library.photo_rendition.file):
        assert field.url.startswith("/media/")
        assert received(employee.get(field.url), media_serve, media_root) == field.open("rb").read()


def test_the_photo_on_a_profile_page_is_sent_to_its_readers(client, library, media_serve, media_root):
    employee = signed_in(client, library.employee)
    page = employee.get(library.profile.url).content.decode()
    src = re.search(r'<img [^>]*class="profile__photo"[^>]*>', page).group(0)
    url = re.search(r'src="([^"]+)"', src).group(1)
    assert url == library.photo_rendition.url
    assert received(employee.get(url), media_serve, media_root) == library.photo_rendition.file.open("rb").read()


def test_a_private_collection_document_is_refused_to_an_employee(client, library, media_serve):
    employee = signed_in(client, library.employee)
    document = library.private_document
    for url in (document.url, media_url_of_document(document)):
        response = employee.get(url, follow=True)
        # Signed in already: refused (portal/view_restrictions.py), not sent to sign in again.
        assert response.status_code == 403, url
        assert not any("/login/" in location for location, _status in response.redirect_chain), url
        assert b"salary review" not in response.content
        assert "X-Accel-Redirect" not in response


def test_a_private_collection_document_is_sent_to_the_group_it_is_for(client, library, media_serve, media_root):
    member = signed_in(client, library.member)
    document = library.private_document
    expected = document.file.open("rb").read()
    assert received(member.get(document.url), media_serve, media_root) == expected
    assert member.get(media_url_of_document(document))["Location"] == document.url


def test_a_private_collection_photo_is_refused_to_an_employee(client, library, media_serve):
    employee = signed_in(client, library.employee)
    for field in (library.private_photo.file, library.private_photo.get_rendition("fill-96x96").file):
        response = employee.get(field.url)
        assert response.status_code == 403, field.url
        assert "X-Accel-Redirect" not in response


def test_a_private_collection_photo_is_sent_to_its_group_and_administrators(client, library, media_serve, media_root):
    rendition = library.private_photo.get_rendition("fill-96x96")
    for user in (library.member, UserFactory(username="root", is_superuser=True)):
        reader = signed_in(client, user)
        for field in (library.private_photo.file, rendition.file):
            assert received(reader.get(field.url), media_serve, media_root) == field.open("rb").read()


def test_files_that_are_no_upload_are_not_found(client, library, media_serve, media_root):
    (media_root / "original_images" / "stray.txt").write_text("left behind by hand")
    employee = signed_in(client, library.employee)
    for url in (
        "/media/original_images/stray.txt",
        "/media/original_images/no-such-photo.png",
        "/media/documents/no-such-document.txt",
        "/media/../portal/settings.py",
        "/media/images/..%2Foriginal_images%2Fsigrid-lunde.png",
    ):
        response = employee.get(url)
        assert response.status_code == 404, url
        assert "X-Accel-Redirect" not in response


def test_uploaded_files_are_only_read(client, library, media_serve):
    employee = signed_in(client, library.employee)
    assert employee.post(library.photo.file.url).status_code == 405
    assert employee.head(library.photo.file.url).status_code == 200


def test_debug_mode_has_no_route_around_the_checks(client, library, settings, media_root):
    """`make run` (DEBUG) used to serve MEDIA_ROOT as it is, private collections included."""
    (media_root / "original_images" / "stray.txt").write_text("left behind by hand")
    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    try:
        employee = signed_in(client, library.employee)
        assert employee.get("/media/original_images/stray.txt").status_code == 404
        assert employee.get(library.private_photo.file.url).status_code == 403
        response = employee.get(media_url_of_document(library.private_document), follow=True)
        assert b"salary review" not in response.content
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)
        clear_url_caches()
