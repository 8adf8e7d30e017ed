"""Routing below a language's home page: the page Wagtail's route finds, in two queries at any depth."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory, NetworkUpdatePageFactory


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


pytestmark = pytest.mark.django_db


def routing_queries(home, path):
    components = [part for part in path.split("/") if part]
    with CaptureQueriesContext(connection) as captured:
        page = home.route(None, components).page
    return page, len(captured)


def test_a_deep_page_is_routed_in_as_many_queries_as_a_shallow_one(home):
    cases = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    case = CaseStudyPageFactory(parent=cases, slug="night-shifts")

    shallow, shallow_queries = routing_queries(home, "/case-studies/")
    deep, deep_queries = routing_queries(home, "/case-studies/night-shifts/")

    assert (shallow.pk, deep.pk) == (cases.pk, case.pk)
    assert type(deep) is type(case)
    assert deep_queries == shallow_queries == 2


def test_a_missing_page_below_an_existing_one_is_not_found(home):
    CaseStudyIndexPageFactory(parent=home, slug="case-studies")

    with pytest.raises(Http404):
        home.route_below(None, ["case-studies", "no-such-case"])


def test_the_route_finds_what_wagtails_own_route_finds(home, rf):
    networks = NetworkIndexPageFactory(parent=home, slug="networks")
    network = NetworkPageFactory(parent=networks, slug="north")
    NetworkUpdatePageFactory(parent=network, slug="spring-meeting")

    for path in ["networks", "networks/north", "networks/north/spring-meeting"]:
        ours = home.route(rf.get("/"), path.split("/")).page
        wagtails = Page.route(home, rf.get("/"), path.split("/")).page
        assert ours.pk == wagtails.pk
