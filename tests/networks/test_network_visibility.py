"""A network's page names only people and pages the reader may see."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from networks.factories import (
    NetworkFacilitatorFactory,
    NetworkMemberFactory,
    NetworkSpokespersonFactory,
    NetworkUpdatePageFactory,
)
from people.factories import ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def board_only(page):
    PageViewRestriction.objects.create(page=page, restriction_type="groups").groups.add(
        Group.objects.get_or_create(name="Board")[0]
    )
    return page


def test_restricted_and_hidden_people_and_restricted_updates_are_left_out(network, directory, employee_client):
    organisation = OrganisationFactory(name="Harbour care")
    NetworkMemberFactory(page=network, organisation=organisation)
    NetworkFacilitatorFactory(page=network, person=ResourcePersonPageFactory(parent=directory, title="Open Olga"))
    NetworkFacilitatorFactory(
        page=network, person=board_only(ResourcePersonPageFactory(parent=directory, title="Board Bertil"))
    )
    # Hidden from the directory: not offered as someone to contact here either (see people/apps.py).
    NetworkFacilitatorFactory(
        page=network,
        person=ResourcePersonPageFactory(parent=directory, title="Hidden Hans", hidden_from_directory=True),
    )
    NetworkSpokespersonFactory(
        page=network, organisation=organisation, person=ResourcePersonPageFactory(parent=directory, title="Open Siv")
    )
    NetworkSpokespersonFactory(
        page=network,
        organisation=organisation,
        person=board_only(ResourcePersonPageFactory(parent=directory, title="Board Sune")),
    )
    NetworkUpdatePageFactory(parent=network, title="Open update")
    board_only(NetworkUpdatePageFactory(parent=network, title="Board update"))

    html = employee_client.get(network.url).content.decode()
    for shown in ("Open Olga", "Open Siv", "Open update", "Harbour care"):
        assert shown in html
    for left_out in ("Board Bertil", "Hidden Hans", "Board Sune", "Board update"):
        assert left_out not in html

    member = EmployeeFactory(username="bo")
    member.groups.add(Group.objects.get(name="Board"))
    employee_client.force_login(member)
    html = employee_client.get(network.url).content.decode()
    for shown in ("Board Bertil", "Board Sune", "Board update"):
        assert shown in html
    assert "Hidden Hans" not in html


def test_the_network_index_leaves_out_restricted_networks(network_index, network, employee_client):
    board_only(network)
    html = employee_client.get(network_index.url).content.decode()
    assert network.title not in html
