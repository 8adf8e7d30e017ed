"""Learning networks: the index, the network itself with its inline rows, and its updates."""

from networks.models.evaluation import NetworkEvaluation
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
from networks.models.participation import (
    CalendarSubscription,
    GatheringAttendance,
    GatheringComment,
    GatheringResponse,
    HiddenCloudWord,
)
from networks.models.plans import SignOffReminder, TeamPlan, TeamPlanVersion
from networks.models.teams import Team
from networks.models.update import NetworkUpdatePage

__all__ = [
    "Anchoring",
    "CalendarSubscription",
    "Example",
    "ExampleReminderSent",
    "GatheringAttendance",
    "GatheringComment",
    "GatheringResponse",
    "HiddenCloudWord",
    "Gathering",
    "NetworkDocument",
    "NetworkEvaluation",
    "NetworkExpectation",
    "NetworkFollow",
    "NetworkFacilitator",
    "NetworkIndexPage",
    "NetworkMember",
    "NetworkPage",
    "NetworkSpokesperson",
    "NetworkUpdatePage",
    "SignOffReminder",
    "Team",
    "TeamPlan",
    "TeamPlanVersion",
]
