"""The page cache's front door (caching/front_door.py): a kept page served before Django's handler.

Driven through portal.wsgi.application, as gunicorn runs it. A page served here must carry what the
whole stack sent with it, a CSRF token that works, and must never reach a reader Django would not
serve it to; everything else goes to Django unchanged.
"""

import io
import re
import sys

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.crypto import get_random_string

from caching import page_cache
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory
from portal.wsgi import application

pytestmark = pytest.mark.django_db

# The header's sign-out form (templates/base.html) and its token.
_LOGOUT_FORM = re.compile(
    r'<form action="([^"]+)" method="post">\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
)


@pytest.fixture(autouse=True)
def sessions_in_the_cache(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # as production runs with Redis


class Reader:
    """A browser: a signed-in session and a CSRF secret, asking portal.wsgi.application directly."""

    def __init__(self, user):
        self.client = Client()
        self.client.force_login(user)
        self.cookies = {"sessionid": self.client.cookies["sessionid"].value, "csrftoken": get_random_string(32)}

    def get(self, path, query="", **extra):
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            **extra,
        }
        started = []

        def django_started(**_kwargs):
            started.append(True)

        request_started.connect(django_started, weak=False, dispatch_uid="front-door-test")
        # As Django's test client does: the test's transaction must outlive the request.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"], answer["headers"] = int(status.split()[0]), headers

        try:
            iterable = application(environ, start_response)
            body = b"".join(iterable)
            getattr(iterable, "close", lambda: None)()
        finally:
            request_started.disconnect(dispatch_uid="front-door-test")
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        answer.update(body=body.decode(), django=bool(started))
        answer["header"] = {name.lower(): value for name, value in answer["headers"]}
        return answer


def without_per_response(headers):
    return sorted((name, value) for name, value in headers if name.lower() not in {"x-page-cache", "content-length"})


def test_a_kept_page_is_served_before_django_with_the_headers_it_was_stored_with(home):
    reader = Reader(EmployeeFactory(username="elin", first_name="Elin", last_name="Ek"))
    miss = reader.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        hit = reader.get("/en/")
    assert (miss["header"]["x-page-cache"], miss["django"]) == ("miss", True)
    assert (hit["header"]["x-page-cache"], hit["django"]) == ("hit", False)
    assert len(queries) == 0
    # The security headers, the policy, Vary and the language: as the whole stack sent them. Cookies are
    # the reader's own and never stored; Django renews the CSRF cookie on every render.
    miss_headers = [(name, value) for name, value in miss["headers"] if name.lower() != "set-cookie"]
    assert without_per_response(hit["headers"]) == without_per_response(miss_headers)
    assert "set-cookie" not in hit["header"]
    for name in ("content-security-policy", "x-frame-options", "vary", "content-language", "x-content-type-options"):
        assert name in hit["header"], name
    assert int(hit["header"]["content-length"]) == len(hit["body"].encode())
    assert hit["body"].count("Elin Ek") == miss["body"].count("Elin Ek") > 0


def test_the_forms_on_a_kept_page_post_with_the_readers_own_secret(home):
    reader = Reader(EmployeeFactory(username="elin"))
    reader.get("/en/")
    first, second = reader.get("/en/"), reader.get("/en/")
    assert first["header"]["x-page-cache"] == second["header"]["x-page-cache"] == "hit"
    logout = _LOGOUT_FORM.search(first["body"])
    tokens = {_LOGOUT_FORM.search(first["body"])[2], _LOGOUT_FORM.search(second["body"])[2]}
    assert len(tokens) == 2  # masked afresh for each response, as Django's get_token does

    def post(token):
        poster = Client(enforce_csrf_checks=True)
        poster.cookies.load(reader.cookies)
        return poster.post(logout[1], {"csrfmiddlewaretoken": token})

    assert post("x" * 64).status_code == 403
    for token in tokens:
        assert post(token).status_code == 302, token  # signed out: the token was the reader's


def test_a_signed_out_session_and_another_class_go_to_django(board_scene):
    secret = board_scene["title"]
    member, outsider = EmployeeFactory(username="bo"), EmployeeFactory(username="elin")
    member.groups.add(board_scene["board"])
    url = board_scene["secret"].url
    member_reader, outsider_reader = Reader(member), Reader(outsider)
    member_reader.get(url)
    assert member_reader.get(url)["header"]["x-page-cache"] == "hit"

    other = outsider_reader.get(url)
    assert other["django"] and secret not in other["body"]
    assert other["header"].get("x-page-cache") != "hit"

    member_reader.client.logout()  # the session is gone from the cache and the database
    after = member_reader.get(url)
    assert after["django"] and after["status"] == 302 and secret not in after["body"]


def test_a_page_kept_per_reader_variant_is_served_here_to_its_own_reader_only(home):
    owner_user = EmployeeFactory(username="signe")
    person = ResourcePersonPageFactory(parent=ResourcePersonIndexPageFactory(parent=home), user=owner_user)
    owner, colleague = Reader(owner_user), Reader(EmployeeFactory(username="bo"))
    for _ in range(3):
        mine, theirs = owner.get(person.url), colleague.get(person.url)
        assert "Please confirm your details" in mine["body"] and "Please confirm your details" not in theirs["body"]
    assert mine["header"]["x-page-cache"] == theirs["header"]["x-page-cache"] == "hit"
    assert not mine["django"] and not theirs["django"]


def test_what_django_would_answer_otherwise_goes_to_django(home, settings):
    reader = Reader(EmployeeFactory(username="elin"))
    reader.get("/en/")
    assert not reader.get("/en/")["django"]
    with_messages = dict(reader.cookies, messages="waiting")
    cases = [
        ("messages waiting in the cookie", {"HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in with_messages.items())}),
        ("no CSRF secret", {"HTTP_COOKIE": f"sessionid={reader.cookies['sessionid']}"}),
        ("a host Django refuses", {"HTTP_HOST": "elsewhere.example"}),
        ("a HEAD request", {"REQUEST_METHOD": "HEAD"}),
    ]
    for label, extra in cases:
        assert reader.get("/en/", **extra)["django"], label
    # Plain HTTP where HTTPS is wanted: Django's SecurityMiddleware redirects it (built with the
    # application, before this setting changed here, so only the standing aside is asserted).
    settings.SECURE_SSL_REDIRECT = True
    assert reader.get("/en/")["django"]


def test_a_failure_on_the_way_leaves_the_page_to_django(home, monkeypatch):
    reader = Reader(EmployeeFactory(username="elin"))
    reader.get("/en/")

    def failing(*args):
        raise ConnectionError("Redis is restarting")

    monkeypatch.setattr(page_cache, "served_bytes", failing)
    answer = reader.get("/en/")
    assert answer["django"] and answer["status"] == 200


def test_a_search_served_here_is_counted(home, search_log):
    reader = Reader(EmployeeFactory(username="elin"))
    for _ in range(3):
        answer = reader.get("/en/search/", "q=reflection")
    assert answer["header"]["x-page-cache"] == "hit" and not answer["django"]
    assert [counts for (_day, _language, query), counts in search_log.pending().items()] == [(3, 3)]
