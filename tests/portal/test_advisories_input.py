"""Advisory regressions, input: the shared page password and pathological search queries."""

import signal
from contextlib import contextmanager

import pytest
import wagtail.forms
from django.urls import resolve, reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyPageFactory
from portal.factories import EmployeeFactory
from tests.portal.advisories import setup_indexes_and_roles

pytestmark = pytest.mark.django_db

PASSWORD = "reflection-2024"
SECRET_TEXT = "Only for those with the shared password."


@pytest.fixture
def protected(site_tree):
    indexes = setup_indexes_and_roles()
    page = CaseStudyPageFactory(parent=indexes["case_studies"], title="Pilot results", summary=SECRET_TEXT)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


def password_url(page, restriction):
    with translation.override("en"):
        return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def test_a_wrong_page_password_is_refused_and_the_right_one_admits(protected, employee_client):
    """Advisory class: password-page timing (CVE-2020-11037, GHSA-jjjr-3jcw-f8v6), behaviour.

    Erfa keeps Wagtail's own password form and view: a wrong password is refused with the form's
    message and the page stays closed; the right one opens it."""
    page, restriction = protected
    assert SECRET_TEXT not in employee_client.get(page.url).content.decode()
    url = password_url(page, restriction)
    for wrong in ("", "reflection-2023", PASSWORD[:-1], PASSWORD + "5", PASSWORD.upper()):
        response = employee_client.post(url, {"password": wrong, "return_url": page.url})
        assert response.status_code == 200, wrong
        assert isinstance(response.context["form"], wagtail.forms.PasswordViewRestrictionForm)
        assert response.context["form"].errors, wrong
        assert SECRET_TEXT not in employee_client.get(page.url).content.decode(), wrong

    response = employee_client.post(url, {"password": PASSWORD, "return_url": page.url})
    assert response.status_code == 302
    assert SECRET_TEXT in employee_client.get(page.url).content.decode()


def test_the_page_password_is_compared_in_constant_time(protected, employee_client, monkeypatch):
    """Advisory class: password-page timing (CVE-2020-11037, GHSA-jjjr-3jcw-f8v6), contract.

    No timing is measured: the check goes to Wagtail's view, whose form compares with Django's
    constant_time_compare. A recording wrapper around that function (it still does the comparing) shows
    the submitted password reaching it; a plain == comparison anywhere on the way would bypass it."""
    page, restriction = protected
    url = password_url(page, restriction)
    view = resolve(url).func
    assert view.__module__ == "wagtail.views" and view.__name__ == "authenticate_with_password"

    real = wagtail.forms.constant_time_compare
    calls = []

    def recording(submitted, stored):
        calls.append((submitted, stored))
        return real(submitted, stored)

    monkeypatch.setattr(wagtail.forms, "constant_time_compare", recording)
    employee_client.post(url, {"password": "not-it", "return_url": page.url})
    employee_client.post(url, {"password": PASSWORD, "return_url": page.url})
    assert calls == [("not-it", PASSWORD), (PASSWORD, PASSWORD)]
    assert SECRET_TEXT in employee_client.get(page.url).content.decode()


# --- ReDoS in query parsing ----------------------------------------------------------------------

HANG_LIMIT_SECONDS = 10  # a hang detector, not a performance assertion

PATHOLOGICAL_QUERIES = {
    "quotes": '"' * 100_000,
    "parentheses": "(" * 50_000 + ")" * 50_000,
    "nested tags": "<b>" * 12_000 + "x" + "</b>" * 12_000,
    "unclosed tags": "<a " * 30_000,
    "angle brackets": "<" * 100_000,
    "word then quote": "a" * 100_000 + '"',
    "quoted words": '"a ' * 30_000,
    "operators": "a AND " * 15_000 + "OR NOT",
    "field filters": "title:" * 15_000,
    "backslashes": "\\" * 100_000,
    "entities": "&#" * 50_000,
    "comments": "<!--" * 25_000,
}


@contextmanager
def hang_guard(seconds=HANG_LIMIT_SECONDS):
    """Fail a request that takes longer than `seconds` (SIGALRM: the test runs in the main thread)."""

    def timed_out(signum, frame):
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, timed_out)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_QUERIES))
def test_front_end_search_answers_pathological_queries(name, site_tree, employee_client):
    """Advisory class: ReDoS in query parsing (CVE-2024-39317, GHSA-jmp3-39vp-fwg8: parse_query_string
    took very long on long runs without spaces). The search page and its autocomplete answer at once,
    with a page and with JSON."""
    query = PATHOLOGICAL_QUERIES[name]
    with hang_guard():
        page = employee_client.get("/en/search/", {"q": query})
        suggestions = employee_client.get("/en/search/autocomplete/", {"q": query})
    assert page.status_code == 200
    assert "<form" in page.content.decode()
    assert suggestions.status_code == 200
    assert suggestions["Content-Type"] == "application/json"
    assert isinstance(suggestions.json()["results"], list)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_QUERIES))
def test_admin_searches_answer_pathological_queries(name, site_tree, admin_client):
    """Advisory class: ReDoS in query parsing (CVE-2024-39317, GHSA-jmp3-39vp-fwg8), in the admin, where
    Wagtail's own parse_query_string runs: pages, documents, images, users and Erfa's snippets.

    Tens of thousands of words or quoted phrases also made the database backend recurse too deep (a 500)
    or plan for over ten seconds; portal.middleware.AdminSearchQueryLimitMiddleware bounds the text."""
    query = PATHOLOGICAL_QUERIES[name]
    for url in (
        reverse("wagtailadmin_pages:search"),
        reverse("wagtaildocs:index"),
        reverse("wagtailimages:index"),
        reverse("wagtailsnippets_portal_topic:list"),
        reverse("wagtailsnippets_portal_organisation:list"),
        reverse("wagtailusers_users:index"),
    ):
        with hang_guard():
            response = admin_client.get(url, {"q": query})
        assert response.status_code == 200, url
        assert len(response.wsgi_request.GET["q"]) <= 255


def test_an_ordinary_search_still_finds_pages(site_tree, employee_client):
    """The positive control for the hang tests: the same endpoints search as usual."""
    EmployeeFactory(username="other")
    response = employee_client.get("/en/search/", {"q": "Home"})
    assert response.status_code == 200
    assert response.context["search_query"] == "Home"
