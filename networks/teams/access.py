"""Who may do what with a network's teams and their plans. One place, so every path asks the same rules.

- Facilitators of the network (in any language) set teams up and edit them; so do superusers.
- A team's members keep its focus area and members current and draft its plan and report.
- The team's manager signs off or sends back.
- Any signed-in reader who may see the network page reads the teams and the signed-off versions;
  drafts and waiting versions stay with the team, its manager and the facilitators.
"""

from functools import cached_property

from networks.models.inlines import NetworkFacilitator
from networks.models.plans import State
from networks.models.teams import Team


class TeamAccess:
    def __init__(self, user, network):
        self.user = user
        self.network = network

    @property
    def signed_in(self):
        return bool(self.user is not None and self.user.is_authenticated)

    @cached_property
    def facilitates(self):
        if not self.signed_in:
            return False
        return self.user.is_superuser or NetworkFacilitator.facilitates(self.user, self.network)

    def may_read(self):
        # Wagtail's serve has already applied the network page's view restrictions.
        return self.signed_in

    def may_manage_teams(self):
        return self.facilitates

    def is_member(self, team):
        return self.signed_in and team.has_member(self.user)

    def is_manager(self, team):
        return self.signed_in and team.manager_id == self.user.pk

    def may_edit_team(self, team):
        return self.facilitates or self.is_member(team)

    def may_draft(self, team):
        return self.is_member(team)

    def may_sign_off(self, team):
        return self.is_manager(team)

    def is_insider(self, team):
        """Sees drafts and waiting versions: the team, its manager and the network's facilitators."""
        return self.facilitates or self.is_manager(team) or self.is_member(team)

    def insider_teams(self, teams):
        """The pks of those of `teams` this reader is an insider of, in one query for a whole list."""
        if not self.signed_in:
            return set()
        if self.facilitates:
            return {team.pk for team in teams}
        member_of = set(self.user.teams.filter(pk__in=[team.pk for team in teams]).values_list("pk", flat=True))
        return {team.pk for team in teams if team.pk in member_of or team.manager_id == self.user.pk}

    def may_view_version(self, team, version):
        return self.is_insider(team) or version.state == State.SIGNED_OFF


def sent_back_insider_of(user, network):
    """The ids of `network`'s teams with a plan sent back whose insider the reader is: those for whom the
    network page's Teams section says "Sent back". One query for a network with nothing sent back.

    The network page is cached per value of this (networks/apps.py), so the team reads its own state there
    while every other reader keeps reading the last signed-off version."""
    access = TeamAccess(user, network)
    if not access.signed_in:
        return frozenset()
    returned = list(Team.objects.filter(network_key=network.translation_key, plans__state=State.RETURNED).distinct())
    return frozenset(access.insider_teams(returned)) if returned else frozenset()
