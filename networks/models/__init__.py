"""Learning networks: the index, the network itself with its inline rows, and its updates."""

from networks.models.examples import Anchoring, Example, ExampleReminderSent
from networks.models.follow import NetworkFollow
from networks.models.index import NetworkIndexPage
from networks.models.inlines import (
    Gathering,
    NetworkDocument,
    NetworkExpectation,
    NetworkFacilitator,
    NetworkMember,
    NetworkSpokesperson,
)
from networks.models.network import NetworkPage
from networks.models.update import NetworkUpdatePage

__all__ = [
    "Anchoring",
    "Example",
    "ExampleReminderSent",
    "Gathering",
    "NetworkDocument",
    "NetworkExpectation",
    "NetworkFollow",
    "NetworkFacilitator",
    "NetworkIndexPage",
    "NetworkMember",
    "NetworkPage",
    "NetworkSpokesperson",
    "NetworkUpdatePage",
]
