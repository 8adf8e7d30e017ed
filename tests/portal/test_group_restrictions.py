"""A page or document restricted to groups: a signed-in reader outside them gets Erfa's 403 page in their
language, never the sign-in form (portal/view_restrictions.py); anonymous visitors still go to sign in."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from portal.factories import EmployeeFactory
from tests.portal.media_library import build_media_library
from tests.utils import signed_in

pytestmark = pytest.mark.django_db

REFUSED_SV = "Du har inte åtkomst till den här sidan"
SIGN_IN_SV = "Logga in med ditt jobbkonto"
SECRET = "Kommunikationsplanen för omorganisationen"


@pytest.fixture
def communications():
    return Group.objects.create(name="Kommunikation")


def restricted_page(group, restriction_type=PageViewRestriction.GROUPS):
    index = CaseStudyIndexPageFactory(parent=HomePage.objects.get(locale__language_code="sv"))
    page = CaseStudyPageFactory(parent=index, title="Omorganisationen", summary=SECRET)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(group)
    return page


def member_of(group, username):
    user = EmployeeFactory(username=username)
    user.groups.add(group)
    return user


def assert_refused_in_swedish(response):
    assert response.status_code == 403
    html = response.content.decode()
    assert REFUSED_SV in html
    assert SIGN_IN_SV not in html
    assert SECRET not in html and "salary review" not in html


def test_an_anonymous_visitor_is_sent_to_sign_in_for_a_group_page(site_tree, communications):
    page = restricted_page(communications)
    assert page.url.startswith("/sv/")
    response = signed_in(None).get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/accounts/login/?next=")


def test_a_signed_in_employee_outside_the_group_gets_the_403_page(site_tree, communications):
    page = restricted_page(communications)
    employee = signed_in(EmployeeFactory(username="elin"))
    for _ in range(2):  # the second time as the first: no stored answer
        assert_refused_in_swedish(employee.get(page.url))


def test_a_member_of_the_group_reads_the_page(site_tree, communications):
    page = restricted_page(communications)
    response = signed_in(member_of(communications, "maja")).get(page.url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_the_page_cache_keeps_the_members_copy_from_others(site_tree, communications, settings):
    assert settings.PAGE_CACHE
    page = restricted_page(communications)
    member = signed_in(member_of(communications, "maja"))
    assert member.get(page.url).status_code == 200
    assert member.get(page.url)["X-Page-Cache"] == "hit"
    employee = signed_in(EmployeeFactory(username="elin"))
    for _ in range(2):
        response = employee.get(page.url)
        assert_refused_in_swedish(response)
        assert "X-Page-Cache" not in response


def test_a_page_for_signed_in_readers_is_read_by_any_employee(site_tree):
    page = restricted_page(None, PageViewRestriction.LOGIN)
    response = signed_in(EmployeeFactory(username="elin")).get(page.url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    assert signed_in(None).get(page.url)["Location"].startswith("/sv/accounts/login/?next=")


def test_a_group_document_refuses_employees_and_sends_visitors_to_sign_in(site_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    library = build_media_library()
    document = library.private_document
    swedish = {"accept-language": "sv"}

    response = signed_in(None).get(document.url, headers=swedish)
    assert response.status_code == 302
    assert "/accounts/login/?next=" in response["Location"]

    for url in (document.url, f"/media/{document.file.name}"):
        assert_refused_in_swedish(signed_in(library.employee).get(url, headers=swedish, follow=True))

    response = signed_in(library.member).get(document.url)
    assert response.status_code == 200
    assert b"salary review" in b"".join(response.streaming_content)
