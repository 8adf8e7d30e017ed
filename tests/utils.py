import atexit
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.http import Http404
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.test.utils import WagtailPageTestCase


def signed_in(user):
    """A test client signed in as `user` (past the password only); an anonymous one for None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def login_with_second_factor(client, user):
    """force_login, and the session as after entering a code from an authenticator app.

    The admin asks Communications and administrators for that code (accounts/two_factor.py); tests
    about something else start past it.
    """
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


class PageTestCase(WagtailPageTestCase):
    """Wagtail's page assertions, taught about Erfa's /en/, /sv/… URL prefixes and the admin's second factor."""

    def create_superuser(self, *args, **kwargs):
        # assertPageIsPreviewable previews in the admin as a superuser it creates here and then logs in again;
        # logging in again as the same user keeps the session, and with it the second factor given here.
        user = super().create_superuser(*args, **kwargs)
        login_with_second_factor(self.client, user)
        return user

    def assertPageIsPreviewable(self, page, *args, user=None, **kwargs):  # noqa: N802 - Wagtail's name.
        # Wagtail's assertions sign the client out when they finish; the user it previews as gives the
        # second factor again first.
        user = user or getattr(self, "_pageispreviewable_superuser", None)
        if user is not None:
            login_with_second_factor(self.client, user)
        return super().assertPageIsPreviewable(page, *args, user=user, **kwargs)

    def assertPageIsRoutable(self, page, route_path="/", msg=None):  # noqa: N802 - Wagtail's name.
        # Wagtail routes the URL including the language prefix that i18n_patterns adds,
        # which page routing never sees; route the part after the prefix instead.
        path = page.get_url(self.dummy_request)
        prefix = f"/{page.locale.language_code}/"
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
        if route_path != "/":
            path = path.rstrip("/") + "/" + route_path.lstrip("/")
        root = page.get_site().root_page.get_translation(page.locale).specific
        try:
            root.route(self.dummy_request, [part for part in path.split("/") if part])
        except Http404 as error:
            raise self.failureException(msg or f"Failed to route to {path!r} for {page!r}") from error


# What a subprocess on its own SQLite site may inherit: the rest (the test database, the engine's
# address) is the suite's.
SQLITE_INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def sqlite_env(folder, **extra):
    """The environment for Erfa on a fresh SQLite file in `folder`, with the database search backend."""
    env = {name: os.environ[name] for name in SQLITE_INHERITED if name in os.environ}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "ERFA_TESTING": "1",
            "SEARCH_BACKEND": "database",
            "MEDIA_ROOT": str(folder / "media"),
        }
    )
    return env | extra


_migrated_sqlite = []


def copy_migrated_sqlite(path):
    """Put a fully migrated SQLite database at `path`.

    Migrating an empty SQLite file costs about 40 s of CPU. The first call runs every migration once,
    in a fresh process as `make run` does; later calls copy that file, and the scripts' own `migrate`
    then finds nothing left to do.
    """
    if not _migrated_sqlite:
        folder = Path(tempfile.mkdtemp(prefix="erfa-sqlite-migrated-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity=0"],
            cwd=Path(__file__).resolve().parents[1],
            env=sqlite_env(folder),
            check=True,
            timeout=600,
        )
        database = folder / "db.sqlite3"
        # Fold a write-ahead log back into the file, so that copying the file alone copies everything.
        with sqlite3.connect(database) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        _migrated_sqlite.append(database)
    shutil.copyfile(_migrated_sqlite[0], path)


def run_sqlite_script(script, folder):
    """Run a test script on its own SQLite site; its last output line is a JSON report."""
    copy_migrated_sqlite(folder / "db.sqlite3")
    result = subprocess.run(
        [sys.executable, str(script)], env=sqlite_env(folder), capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@contextmanager
def shared_data(django_db_blocker):
    """Build data once for a whole module, and roll it back after the module's last test.

    For a module-scoped fixture that depends on ``django_db_setup`` and ``django_db_blocker``: what it
    builds inside ``with shared_data(django_db_blocker):`` lives in one outer transaction, and each
    test's own transaction (the ``db`` fixture) nests inside it as a savepoint, so every test still sees
    the same data and none sees another test's changes. Only for modules whose tests use ``db``, never
    ``transactional_db`` or a live server (those commit and flush).
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def restore_rows_from_migrations():
    """Put back what data migrations made and an earlier transactional test's flush removed.

    Live-server tests flush the database after themselves; the next one finds no translation permission
    (setup_roles needs it) and no root collection (images and documents need it).
    """
    import importlib

    from django.apps import apps
    from wagtail.models import Collection

    migration = importlib.import_module("wagtail_localize.migrations.0006_create_submit_translation_permission")
    migration.create_submit_translation_permission(apps, None)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Erfa")  # as portal/migrations/0002_root_names.py names it


def front_page_kept_apart(index):
    """The front page's "new case studies" seen by two readers of different classes, twice (the second
    time from whatever the page keeps), then after a new publication: a case study restricted to a
    group is announced only to its member. Returns (board, member, member's client, other's client)."""
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    from casestudies.factories import CaseStudyPageFactory
    from portal.factories import EmployeeFactory

    board = Group.objects.create(name="Board")
    earlier = timezone.now() - timedelta(days=2)
    CaseStudyPageFactory(parent=index, title="Open reflection rounds", first_published_at=earlier)
    secret = CaseStudyPageFactory(parent=index, title="Board retreat lessons", first_published_at=timezone.now())
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS).groups.add(board)
    member = EmployeeFactory(username="member")
    member.groups.add(board)
    member_client, other_client = Client(), Client()
    member_client.force_login(member)
    other_client.force_login(EmployeeFactory(username="other"))

    for _ in range(2):
        assert "Board retreat lessons" in member_client.get("/en/").content.decode()
        other_home = other_client.get("/en/").content.decode()
        assert "Board retreat lessons" not in other_home
        assert "Open reflection rounds" in other_home

    CaseStudyPageFactory(parent=index, title="Night shift handovers", first_published_at=timezone.now())
    assert "Night shift handovers" in other_client.get("/en/").content.decode()
    return board, member, member_client, other_client


def same_markup(html):
    """HTML as a browser reads it, for comparing a form rendered by Erfa's form renderer (Django's form
    templates through Jinja2, portal.form_renderer) with Django's default: Jinja2 writes an escaped quote
    as &#34; and &#39; where Django writes &quot; and &#x27;, and breaks lines in other places."""
    html = str(html).replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def link_href(html_text, text=None, rel=None):
    """The href of the first link in `html_text` with the given rel or whose text is `text`, unescaped."""
    import html

    for match in re.finditer(r"<a\b([^>]*)>(.*?)</a>", html_text, re.S):
        attributes, label = match.groups()
        if rel is not None and f'rel="{rel}"' not in attributes:
            continue
        if text is not None and re.sub(r"<[^>]+>", "", label).strip() != text:
            continue
        return html.unescape(re.search(r'href="([^"]*)"', attributes).group(1))
    raise AssertionError(f"no link {text or rel!r} in the page")


def follow_link(client, page_url, html_text, text=None, rel=None):
    """Open a link the way a browser does: its href resolved against the address of the page it is on."""
    from urllib.parse import urljoin

    href = link_href(html_text, text=text, rel=rel)
    # A query-only href replaces the whole query, an empty one ("?") too (Python's urljoin keeps the old
    # query for that one; browsers do not).
    target = page_url.split("?", 1)[0] + href if href.startswith("?") else urljoin(page_url, href)
    return client.get(target)
