"""The one visibility rule (portal.visibility): who sees which restricted page listed, on real pages."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodPage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal import roles
from portal.factories import EmployeeFactory, UserFactory
from portal.visibility import can_list, visibility_for, visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def methods(home):
    return MethodIndexPageFactory(parent=home)


def restrict(page, restriction_type, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password=password)
    restriction.groups.add(*groups)
    return restriction


def titles(pages):
    return sorted(page.title for page in pages)


def test_group_restrictions_hide_a_page_and_its_subtree_from_everyone_outside_the_groups(methods, home):
    communications = Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0]
    MethodPageFactory(parent=methods, title="Open method")
    secret = MethodPageFactory(parent=methods, title="Communications method")
    restrict(secret, "groups", [communications])
    employee = EmployeeFactory(username="erik")
    member = UserFactory(username="carla", role=roles.COMMUNICATIONS)
    superuser = UserFactory(username="root", is_superuser=True)
    pages = MethodPage.objects.all()

    assert titles(visible_to(pages, employee)) == ["Open method"]
    assert titles(visible_to(pages, member)) == ["Communications method", "Open method"]
    assert titles(visible_to(pages, superuser)) == ["Communications method", "Open method"]
    assert titles(visible_to(pages, None)) == ["Open method"]

    # A restriction on the index covers every method under it.
    restrict(methods, "groups", [communications])
    assert titles(visible_to(pages, employee)) == []
    assert titles(visible_to(pages, member)) == ["Communications method", "Open method"]
    assert not can_list(secret, employee)
    assert can_list(secret, member)


def test_login_restrictions_hide_pages_only_from_readers_not_signed_in(methods):
    MethodPageFactory(parent=methods, title="Open method")
    restrict(MethodPageFactory(parent=methods, title="Staff method"), "login")
    pages = MethodPage.objects.all()
    assert titles(visible_to(pages, EmployeeFactory(username="erik"))) == ["Open method", "Staff method"]
    assert titles(visible_to(pages, AnonymousUser())) == ["Open method"]


def test_nested_restrictions_all_apply(methods):
    board = Group.objects.create(name="Board")
    restrict(methods, "login")
    restrict(MethodPageFactory(parent=methods, title="Board method"), "groups", [board])
    MethodPageFactory(parent=methods, title="Staff method")
    employee = EmployeeFactory(username="erik")
    assert titles(visible_to(MethodPage.objects.all(), employee)) == ["Staff method"]
    employee.groups.add(board)
    assert titles(visible_to(MethodPage.objects.all(), employee)) == ["Board method", "Staff method"]


def test_a_password_page_is_listed_only_in_the_session_that_entered_the_password(methods, client):
    employee = EmployeeFactory(username="erik")
    secret = MethodPageFactory(parent=methods, title="Password method")
    restriction = restrict(secret, "password", password="letmein")
    client.force_login(employee)

    assert "Password method" not in client.get(methods.url).content.decode()
    # Not even a superuser sees it listed before entering the password.
    assert titles(visible_to(MethodPage.objects.all(), UserFactory(username="root", is_superuser=True))) == []

    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, secret.pk])
    response = client.post(url, {"password": "letmein", "return_url": methods.url})
    assert response.status_code == 302
    assert "Password method" in client.get(methods.url).content.decode()
    # The user alone (an e-mail's recipient) has no session, so no password.
    assert titles(visible_to(MethodPage.objects.all(), employee)) == []


def test_people_hidden_from_the_directory_are_listed_nowhere_but_still_viewable(home):
    directory = ResourcePersonIndexPageFactory(parent=home)
    shown = ResourcePersonPageFactory(parent=directory, title="Shown Sara")
    hidden = ResourcePersonPageFactory(parent=directory, title="Hidden Hans", hidden_from_directory=True)
    employee = EmployeeFactory(username="erik")
    visibility = visibility_for(employee)

    assert titles(visible_to(type(shown).objects.all(), employee)) == ["Shown Sara"]
    # As any page, the way search lists them.
    assert titles(visible_to(Page.objects.filter(pk__in=[shown.pk, hidden.pk]), employee)) == ["Shown Sara"]
    assert visibility.allows(shown) and not visibility.allows(hidden)
    assert visibility.can_view(hidden)


def test_the_rule_costs_no_query_of_its_own(methods, rf, django_assert_num_queries):
    board = Group.objects.create(name="Board")
    for number in range(5):
        restrict(MethodPageFactory(parent=methods, title=f"Board method {number}"), "groups", [board])
    MethodPageFactory(parent=methods, title="Open method")
    erik = EmployeeFactory(username="erik")
    # For a user (an e-mail's recipient) the listing is one query, restrictions and groups included.
    with django_assert_num_queries(1):
        assert titles(visible_to(MethodPage.objects.all(), erik)) == ["Open method"]
    # A request reads the paths its reader fails once, shared with the next readers of their class.
    first = rf.get("/")
    first.user = erik
    assert titles(visible_to(MethodPage.objects.all(), first)) == ["Open method"]
    request = rf.get("/")
    request.user = erik
    with django_assert_num_queries(1):
        assert titles(visible_to(MethodPage.objects.all(), request)) == ["Open method"]
    # Checking loaded pages reads nothing more.
    pages = list(MethodPage.objects.all())
    with django_assert_num_queries(0):
        assert [page.title for page in pages if can_list(page, request)] == ["Open method"]
    assert visibility_for(request) is visibility_for(request)


def test_a_reader_who_fails_no_restriction_lists_by_live_alone(methods, rf):
    """Their listings carry no restriction clause; a new restriction is in the next request's listing."""
    board = Group.objects.create(name="Board")
    MethodPageFactory(parent=methods, title="Open method")
    board_method = MethodPageFactory(parent=methods, title="Board method")
    erik = EmployeeFactory(username="erik")

    def listing():
        request = rf.get("/")
        request.user = erik
        pages = visible_to(MethodPage.objects.all(), request)
        return titles(pages), str(pages.query)

    shown, sql = listing()
    assert shown == ["Board method", "Open method"]
    assert "pageviewrestriction" not in sql
    restrict(board_method, "groups", [board])
    shown, sql = listing()
    assert shown == ["Open method"]
    # The one subtree hidden from the reader's class is left out by its path: the same SQL for the class.
    assert "pageviewrestriction" not in sql
    assert "LIKE" in sql and board_method.path in sql
    # E-mails and tasks (a user, no request) always go by the clause.
    assert "pageviewrestriction" in str(visible_to(MethodPage.objects.all(), EmployeeFactory(username="ines")).query)
