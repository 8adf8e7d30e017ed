"""Search and autocomplete show each reader only what they may see, with the engine up and with it down.

A case study restricted to Communications is found by Communications and by nobody else; a profile
hidden from the directory is found by nobody, also when the engine is down and the database answers.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ResourcePersonPage
from portal import roles
from portal.factories import UserFactory
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db


def closed_engine(port):
    return {"default": {"BACKEND": "search.backends.opensearch2", "URLS": [f"http://127.0.0.1:{port}"], "TIMEOUT": 1}}


@pytest.fixture
def pages(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=index, title="Harbour reflection in public", summary="Open harbour work.")
    restricted = CaseStudyPageFactory(parent=index, title="Harbour reflection in confidence", summary="Merger.")
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0])
    directory = ResourcePersonIndexPageFactory(parent=home)
    ResourcePersonPageFactory(parent=directory, title="Harbour Hanna", job_title="Harbour coordinator")
    ResourcePersonPageFactory(
        parent=directory, title="Harbour Hidden", job_title="Harbour coordinator", hidden_from_directory=True
    )
    return restricted


@pytest.fixture
def communications_client(client):
    return login_with_second_factor(client, UserFactory(username="carla", role=roles.COMMUNICATIONS))


def found(client):
    response = client.get("/en/search/", {"q": "harbour"})
    assert response.status_code == 200
    suggestions = client.get("/en/search/autocomplete/", {"q": "harbour"})
    assert suggestions.status_code == 200
    return (
        sorted(item["page"].title for item in response.context["items"]),
        sorted(result["title"] for result in suggestions.json()["results"]),
        response.context["error"] is not None,
        response.content.decode(),
    )


EMPLOYEE_SEES = ["Harbour Hanna", "Harbour reflection in public"]
COMMUNICATIONS_SEES = ["Harbour Hanna", "Harbour reflection in confidence", "Harbour reflection in public"]


def assert_employee_view(client, degraded):
    results, suggestions, is_degraded, html = found(client)
    assert is_degraded is degraded
    assert results == EMPLOYEE_SEES
    assert suggestions == EMPLOYEE_SEES
    assert "in confidence" not in html and "Merger." not in html
    assert "Harbour Hidden" not in html


def assert_communications_view(client, degraded):
    results, suggestions, is_degraded, html = found(client)
    assert is_degraded is degraded
    assert results == COMMUNICATIONS_SEES
    assert suggestions == COMMUNICATIONS_SEES
    assert "Harbour Hidden" not in html


def test_with_the_engine_down_the_database_keeps_the_same_rule(pages, employee_client, closed_port):
    with override_settings(WAGTAILSEARCH_BACKENDS=closed_engine(closed_port)):
        assert_employee_view(employee_client, degraded=True)


def test_with_the_engine_down_communications_still_find_their_case_study(pages, communications_client, closed_port):
    with override_settings(WAGTAILSEARCH_BACKENDS=closed_engine(closed_port)):
        assert_communications_view(communications_client, degraded=True)


def test_on_opensearch_each_reader_finds_what_they_may_see(pages, client, employee, opensearch_settings):
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        backend = get_search_backend()
        for model in (CaseStudyPage, ResourcePersonPage):
            backend.get_index_for_model(model).refresh()
        client.force_login(employee)
        assert_employee_view(client, degraded=False)
        login_with_second_factor(client, UserFactory(username="carla", role=roles.COMMUNICATIONS))
        assert_communications_view(client, degraded=False)


def test_on_the_database_backend_each_reader_finds_what_they_may_see(pages, employee_client):
    assert_employee_view(employee_client, degraded=False)


def test_a_restricted_networks_id_in_the_address_does_not_tell_its_title(pages, employee_client):
    """The network filter names the selected network; one the reader may not see must stay unnamed."""
    from networks.factories import NetworkIndexPageFactory, NetworkPageFactory

    home = HomePage.objects.get(locale__language_code="en")
    secret = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Quietwater board network")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0])

    response = employee_client.get("/en/search/", {"q": "harbour", "network": str(secret.pk)})
    assert response.status_code == 200
    assert "Quietwater" not in response.content.decode()
    assert response.context["items"] == []  # a filter by what the reader cannot see keeps nothing
