"""Shared page parts (portal/fragments.py, caching/fragments.py): kept for every reader of one permission
class, fresh after every change, and never shown to a reader of another class.

The whole-page cache is off here, so each page is rendered and only the shared parts come from the cache:
the Site, the route, the navigation, a page's language versions and the "Edit content" link.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import MethodIndexPageFactory
from portal.factories import EmployeeFactory
from tests.utils import front_page_kept_apart

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_only(settings):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True


def reader(user):
    client = Client()
    client.force_login(user)
    return client


def navigation(client, url="/en/"):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('class="main-navigation"')[1].split("</nav>")[0] if 'class="main-navigation"' in html else ""


def test_a_section_restricted_to_a_group_stays_out_of_the_navigation_of_readers_outside_it(home):
    board = Group.objects.create(name="Board")
    MethodIndexPageFactory(parent=home, title="Methods", show_in_menus=True)
    boardroom = CaseStudyIndexPageFactory(parent=home, title="Boardroom", show_in_menus=True)
    restriction = PageViewRestriction.objects.create(page=boardroom, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(board)
    member = EmployeeFactory(username="member")
    member.groups.add(board)
    member_client, other_client = reader(member), reader(EmployeeFactory(username="other"))

    # The member's class renders it first, then the other class, then the member again from the cache.
    assert ">Boardroom<" in navigation(member_client)
    assert ">Boardroom<" not in navigation(other_client)
    # Nor among the home page's section cards, which are kept per class too.
    assert "Boardroom" not in other_client.get("/en/").content.decode()
    assert ">Methods<" in navigation(other_client)
    assert ">Boardroom<" in navigation(member_client)
    assert other_client.get(boardroom.url).status_code != 200


def test_the_navigation_follows_publishing_unpublishing_and_restricting(home):
    client = reader(EmployeeFactory(username="elin"))
    assert ">Case studies<" not in navigation(client)

    cases = CaseStudyIndexPageFactory(parent=home, title="Case studies", show_in_menus=True)
    assert ">Case studies<" in navigation(client)

    cases.unpublish()
    assert ">Case studies<" not in navigation(client)

    cases.save_revision().publish()
    assert ">Case studies<" in navigation(client)

    PageViewRestriction.objects.create(page=cases, restriction_type=PageViewRestriction.GROUPS)
    assert ">Case studies<" not in navigation(client)


def test_the_edit_content_link_is_shown_per_permission_class_and_follows_permission_changes(home):
    editors = Group.objects.create(name="Front-end editors")
    editor = EmployeeFactory(username="editor")
    editor.groups.add(editors)
    editor_client, employee_client = reader(editor), reader(EmployeeFactory(username="employee"))

    assert "Edit content" not in employee_client.get("/en/").content.decode()
    assert "Edit content" not in editor_client.get("/en/").content.decode()

    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    assert "Edit content" in editor_client.get("/en/").content.decode()
    assert "Edit content" not in employee_client.get("/en/").content.decode()


def test_the_language_switcher_follows_a_translation_being_unpublished(home):
    client = reader(EmployeeFactory(username="elin"))
    assert 'href="/sv/" lang="sv" hreflang="sv"' in client.get("/en/").content.decode()

    HomePage.objects.get(locale__language_code="sv").unpublish()
    html = client.get("/en/").content.decode()
    assert 'href="/sv/" lang="sv" hreflang="sv"' not in html
    assert "language-switcher__unavailable" in html


def test_a_kept_route_follows_a_page_moving_to_a_new_address(home):
    client = reader(EmployeeFactory(username="elin"))
    cases = CaseStudyIndexPageFactory(parent=home, title="Case studies", slug="cases")
    case = CaseStudyPageFactory(parent=cases, title="Night shifts", slug="night-shifts")
    assert client.get("/en/cases/night-shifts/").status_code == 200

    case.slug = "night-care"
    case.save_revision().publish()
    assert client.get("/en/cases/night-shifts/").status_code == 404
    assert "Night shifts" in client.get("/en/cases/night-care/").content.decode()

    case.move(Page.objects.get(pk=MethodIndexPageFactory(parent=home, slug="methods").pk), pos="last-child")
    # Not served at the old address any more: Wagtail's redirects send the reader to the new one.
    response = client.get("/en/cases/night-care/")
    assert (response.status_code, response["Location"]) == (301, "/en/methods/night-care/")
    assert "Night shifts" in client.get("/en/methods/night-care/").content.decode()


def test_the_home_pages_recent_lists_are_kept_per_class_and_follow_publishing(home):
    """New case studies on the front page: a restricted one is announced only to its group, even when
    the lists are served from the shared parts, and a newly published one shows on the next view."""
    front_page_kept_apart(CaseStudyIndexPageFactory(parent=home, title="Cases"))
