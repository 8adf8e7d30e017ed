"""A network with a facilitator, two member units and a team: shared by the test_teams* modules."""

import pytest

from networks.factories import NetworkFacilitatorFactory, NetworkMemberFactory, NetworkPageFactory
from networks.models import Team
from people.factories import ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory


def facilitator_of(network, directory, username):
    user = EmployeeFactory(username=username, first_name="Frida", last_name=username.title())
    NetworkFacilitatorFactory(page=network, person=ResourcePersonPageFactory(parent=directory, user=user))
    return user


@pytest.fixture
def units(network):
    return [
        NetworkMemberFactory(page=network, organisation=OrganisationFactory(name=name)).organisation
        for name in ("Solgläntan", "Hemtjänst Väst")
    ]


@pytest.fixture
def people(db):
    names = [("anna", "Anna", "Åberg"), ("bjorn", "Bjørn", "Ødegaard"), ("cecilie", "Cecilie", "Æbelø")]
    names += [("dirk", "Dirk", "de Vries"), ("eva", "Eva", "Ek"), ("fia", "Fia", "Falk")]
    return {
        username: EmployeeFactory(username=username, first_name=first, last_name=last)
        for username, first, last in names
    }


@pytest.fixture
def manager(db):
    return EmployeeFactory(username="maja", first_name="Maja", last_name="Chef", email="maja@example.org")


@pytest.fixture
def facilitator(network, directory):
    return facilitator_of(network, directory, "frida")


@pytest.fixture
def other_facilitator(network_index, directory):
    other = NetworkPageFactory(parent=network_index, title="Another network")
    return facilitator_of(other, directory, "olof")


@pytest.fixture
def team(network, units, people, manager):
    team = Team.objects.create(
        network_key=network.translation_key,
        organisation=units[0],
        name="Björken team",
        focus_area="Safer medication rounds",
        manager=manager,
    )
    team.members.set([people["anna"], people["bjorn"], people["cecilie"]])
    return team


def team_url(network, team, *rest):
    return network.url + f"teams/{team.pk}/" + "".join(f"{step}/" for step in rest)


PLAN_POST = {
    "rows": "3",
    "goal": "Fewer medication mistakes in Björken.",
    "action_0": "Double-check at the evening round",
    "owner_0": "Anna Åberg",
    "due_0": "2030-04-01",
    "action_1": "Teach the checklist to night staff",
    "owner_1": "Bjørn Ødegaard",
    "due_1": "",
    "action_2": "",
    "owner_2": "",
    "due_2": "",
    "measures": "Count reported deviations each month.",
    "status": "Started after the first gathering.",
}
