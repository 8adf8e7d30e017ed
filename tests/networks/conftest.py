import pytest

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory

# The teams' fixtures (issue 15): a facilitator, member units, people, a manager and a team.
from tests.networks.team_fixtures import facilitator, manager, other_facilitator, people, team, units  # noqa: F401, E402


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def network_index(home):
    return NetworkIndexPageFactory(parent=home)


@pytest.fixture
def directory(home):
    return ResourcePersonIndexPageFactory(parent=home)


@pytest.fixture
def network(network_index):
    return NetworkPageFactory(parent=network_index, title="Mid-Norway welfare technology network")
