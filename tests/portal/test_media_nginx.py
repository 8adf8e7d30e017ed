"""The media rules hold through the production stack: real nginx, configured from deploy/nginx/erfa.conf,
in front of real gunicorn serving Erfa in production mode (DEBUG off, MEDIA_SERVE=nginx) on the test
database. Readers get files only through Erfa's checks, and nginx sends the bytes."""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from tests.conftest import require_service
from tests.portal.media_library import build_media_library

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CONFIG = ROOT / "deploy" / "nginx" / "erfa.conf"
INTERNAL_LOCATION = "/protected-media"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def top_level_blocks(text):
    """The top-level `name { … }` blocks of an nginx file whose comments are removed."""
    blocks, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append(text[start : index + 1].strip())
                start = index + 1
    return blocks


def nginx_config(*, port, upstream_port, media_root, static_root, workdir):
    """The shipped site file on a loopback port without TLS, pointing at this test's folders."""
    shipped = "\n".join(line for line in SHIPPED_CONFIG.read_text().splitlines() if not line.strip().startswith("#"))
    blocks = top_level_blocks(shipped)
    upstream = next(block for block in blocks if block.startswith("upstream "))
    server = next(block for block in blocks if re.search(r"listen 443 ssl;", block))
    server = "\n".join(line for line in server.splitlines() if not re.match(r"\s*(listen|ssl_\w+)\s", line))
    server = server.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    site = f"{upstream}\n{server}"
    for shipped_value, value in (
        ("127.0.0.1:8000", f"127.0.0.1:{upstream_port}"),
        ("/srv/erfa/var/media/", f"{media_root}/"),
        ("/srv/erfa/var/static/", f"{static_root}/"),
    ):
        assert shipped_value in site, f"deploy/nginx/erfa.conf no longer has {shipped_value}"
        site = site.replace(shipped_value, value)
    temp_paths = "\n".join(f"    {kind}_temp_path {workdir}/{kind};" for kind in ("client_body", "proxy", "fastcgi"))
    return f"""
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {workdir}/nginx-access.log;
{temp_paths}
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
{site}
}}
"""


def wait_for(port, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection_.request("GET", "/healthz")
            connection_.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"nothing answered on port {port}:\n{log.read_text(errors='replace')[-3000:]}")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def nginx_port(tmp_path_factory, django_db_setup):
    """gunicorn in production mode on the test database, behind nginx; the port nginx listens on."""
    if connection.vendor != "postgresql":
        require_service("PostgreSQL (DATABASE_URL)", None)
    nginx = require_service("nginx", shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin"))
    workdir = tmp_path_factory.mktemp("erfa-nginx")
    media_root, static_root = workdir / "media", workdir / "static"
    media_root.mkdir()
    database = connection.settings_dict
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    environment = {key: value for key, value in os.environ.items() if key != "ERFA_TESTING"}
    environment.update(
        DJANGO_DEBUG="0",
        # The test process's key, so that the sessions it signs are valid in gunicorn.
        SECRET_KEY=settings.SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        MEDIA_ROOT=str(media_root),
        STATIC_ROOT=str(static_root),
        MEDIA_SERVE="nginx",
        SEARCH_BACKEND="database",
        TASKS_BACKEND="immediate",
        # nginx here speaks plain HTTP on loopback; TLS is the shipped file's business.
        SECURE_SSL_REDIRECT="0",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True)

    gunicorn_port, port = free_port(), free_port()
    gunicorn_log = workdir / "gunicorn.log"
    with open(gunicorn_log, "w") as log:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{gunicorn_port}", "--workers", "2"],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(gunicorn_port, gunicorn, gunicorn_log)
        config = workdir / "nginx.conf"
        config.write_text(
            nginx_config(
                port=port,
                upstream_port=gunicorn_port,
                media_root=media_root,
                static_root=static_root,
                workdir=workdir,
            )
        )
        nginx_log = workdir / "nginx-error.log"
        nginx_process = subprocess.Popen(
            [nginx, "-p", str(workdir), "-c", str(config), "-e", str(nginx_log)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(port, nginx_process, nginx_log)
            # The test process writes uploads where gunicorn and nginx read them.
            with override_settings(MEDIA_ROOT=media_root, SENDFILE_ROOT=str(media_root)):
                yield port
        finally:
            stop(nginx_process)
    finally:
        stop(gunicorn)


class Reader:
    """A browser without JavaScript: an optional session cookie, following redirects on the site."""

    def __init__(self, port, user=None):
        self.port = port
        self.cookie = None
        if user is not None:
            client = Client()
            client.force_login(user, backend=settings.AUTHENTICATION_BACKENDS[0])
            self.cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    def get(self, path):
        """(status, headers, body) of one request through nginx."""
        connection_ = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection_.request("GET", path, headers={"Cookie": self.cookie} if self.cookie else {})
        response = connection_.getresponse()
        body = response.read()
        connection_.close()
        return response.status, response.headers, body

    def follow(self, path):
        """(status, headers, body, the paths redirected through) once the redirects end."""
        visited = []
        status, headers, body = self.get(path)
        while status in (301, 302) and len(visited) < 5:
            path = urlsplit(headers["Location"])._replace(scheme="", netloc="").geturl()
            visited.append(path)
            status, headers, body = self.get(path)
        return status, headers, body, visited


@pytest.fixture
def library(nginx_port, site_tree):
    return build_media_library()


def test_anonymous_readers_get_no_document_photo_or_rendition(nginx_port, library):
    anonymous = Reader(nginx_port)
    for url in (
        library.public_document.url,
        f"/media/{library.public_document.file.name}",
        library.photo.file.url,
        library.photo_rendition.url,
    ):
        status, headers, body = anonymous.get(url)
        assert status == 302, url
        assert "/accounts/login/?next=" in headers["Location"], url
        assert b"three gatherings" not in body


def test_an_employee_sees_the_profile_photo_in_production(nginx_port, library):
    employee = Reader(nginx_port, library.employee)
    status, _headers, page = employee.get(library.profile.url)
    assert status == 200
    img = re.search(r'<img [^>]*class="profile__photo"[^>]*>', page.decode()).group(0)
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert src.startswith("/media/images/")

    status, headers, body = employee.get(src)
    assert status == 200
    assert body == library.photo_rendition.file.open("rb").read()
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["Cache-Control"] == "private, max-age=3600"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Accel-Redirect" not in headers


def test_an_employee_gets_a_public_document_and_not_a_private_one(nginx_port, library):
    employee = Reader(nginx_port, library.employee)
    public = library.public_document
    status, headers, body = employee.get(public.url)
    assert status == 200
    assert body == public.file.open("rb").read()
    assert "attachment" in headers["Content-Disposition"]

    private = library.private_document
    for url in (private.url, f"/media/{private.file.name}"):
        status, _headers, body, visited = employee.follow(url)
        # Signed in already: refused (portal/view_restrictions.py), not sent to sign in again.
        assert status == 403, url
        assert not any("/login/" in path for path in visited), url
        assert b"salary review" not in body


def test_the_group_a_private_collection_is_for_gets_its_document(nginx_port, library):
    member = Reader(nginx_port, library.member)
    private = library.private_document
    expected = private.file.open("rb").read()
    assert member.get(private.url)[2] == expected
    status, _headers, body, visited = member.follow(f"/media/{private.file.name}")
    assert (status, body, visited) == (200, expected, [private.url])


def test_media_root_is_not_reachable_past_erfa(nginx_port, library):
    employee = Reader(nginx_port, library.employee)
    for path in (
        f"{INTERNAL_LOCATION}/{library.private_document.file.name}",
        f"{INTERNAL_LOCATION}/{library.photo.file.name}",
    ):
        status, _headers, body = employee.get(path)
        assert status == 404, path
        assert b"salary review" not in body
    # A file put into MEDIA_ROOT by hand is no upload, so nothing sends it.
    (Path(settings.MEDIA_ROOT) / "original_images" / "stray.txt").write_text("left behind by hand")
    assert employee.get("/media/original_images/stray.txt")[0] == 404


def test_a_pdf_comes_through_nginx_as_an_attachment_with_its_own_name(nginx_port, library):
    import wagtail_factories
    from django.core.files.base import ContentFile

    pdf = wagtail_factories.DocumentFactory(
        title="Återblick", file=ContentFile(b"%PDF-1.4 three gatherings\n", name="Återblick-2030.pdf")
    )
    status, headers, body = Reader(nginx_port, library.employee).get(pdf.url)
    assert status == 200
    assert body == b"%PDF-1.4 three gatherings\n"
    assert headers["Content-Type"] == "application/pdf"
    # nginx keeps Django's Content-Disposition on the X-Accel-Redirect: saved, not opened in the tab.
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%C3%85terblick-2030.pdf" in headers["Content-Disposition"]
