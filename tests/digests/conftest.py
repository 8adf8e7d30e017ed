# The digest speaks of networks, their teams and examples: the networks tests' scene, reused.
from tests.networks.conftest import directory, home, network, network_index  # noqa: F401
from tests.networks.team_fixtures import manager, people, team, units  # noqa: F401
