"""The directory's filter choices are shared per permission class (portal.fragments): a reader never gets
the choices built for a class that may see more, and a publication shows in them at once."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_parts_only(settings):
    # Every request renders (no whole-page copy), with the shared parts kept: what is tested here.
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True


def network_choices(response):
    return [label for _pk, label in response.context["filter_form"].fields["network"].choices if _pk]


def organisation_choices(response):
    return [label for _pk, label in response.context["filter_form"].fields["organisation"].choices if _pk]


def test_a_board_member_s_choices_never_reach_an_employee(directory, client):
    home = HomePage.objects.get(locale__language_code="en")
    networks = NetworkIndexPageFactory(parent=home)
    NetworkPageFactory(parent=networks, title="Open network")
    board_network = NetworkPageFactory(parent=networks, title="Board network")
    board = Group.objects.get_or_create(name="Board")[0]
    PageViewRestriction.objects.create(page=board_network, restriction_type="groups").groups.add(board)
    ResourcePersonPageFactory(parent=directory, title="Open Olga")

    board_member = EmployeeFactory(username="bo")
    board_member.groups.add(board)
    client.force_login(board_member)
    assert "Board network" in network_choices(client.get(directory.url))

    client.force_login(EmployeeFactory(username="erik"))
    for _ in range(2):  # the second one from the kept value
        choices = network_choices(client.get(directory.url))
        assert "Open network" in choices and "Board network" not in choices


def test_a_published_profile_s_organisation_is_offered_at_once(directory, employee_client):
    ResourcePersonPageFactory(parent=directory, title="Anna Ek", organisation=OrganisationFactory(name="Region Skåne"))
    assert organisation_choices(employee_client.get(directory.url)) == ["Region Skåne"]

    bo = ResourcePersonPageFactory(parent=directory, title="Bo Berg", organisation=OrganisationFactory(name="Lund"))
    bo.save_revision().publish()
    assert organisation_choices(employee_client.get(directory.url)) == ["Lund", "Region Skåne"]
    assert "B" in employee_client.get(directory.url).context["letters"]
