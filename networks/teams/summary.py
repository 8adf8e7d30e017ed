"""The network page's Teams section: each team, its unit and the state of its plan and report.

Read as three parts of the page's one query (portal.together, see networks/page_lists.py), so the
section costs no query of its own however many teams there are.
"""

from networks.models.plans import Kind, State, TeamPlan
from networks.models.teams import Team
from networks.teams.access import sent_back_insider_of
from portal.i18n import reader_page_url
from portal.models import Organisation
from portal.together import Part

TEAMS_ROUTE, TEAM_ROUTE = "teams", "team"


def team_parts(network):
    if not network.pk:
        return {}
    teams = Team.objects.of_network(network)
    return {
        "teams": Part(teams, ("name", "organisation")),
        "team_units": Part(Organisation.objects.filter(pk__in=teams.values("organisation_id")), ("name",)),
        "team_plans": Part(
            TeamPlan.objects.filter(team__network_key=network.translation_key),
            ("team", "kind", "state", "signed_off_at"),
        ),
    }


def team_lists(network, viewer, found):
    """{"teams": [{"team", "organisation", "url", "plans": [plan or None per kind]}], "teams_url"}."""
    if not network.pk:
        return {"teams": [], "teams_url": ""}
    page_url = reader_page_url(network, viewer if hasattr(viewer, "user") else None)
    units = {organisation.pk: organisation for organisation in found["team_units"]}
    plans = {(plan.team_id, plan.kind): plan for plan in found["team_plans"]}
    return {
        "teams": [
            {
                "team": team,
                "organisation": units.get(team.organisation_id),
                "url": page_url + network.reverse_subpage(TEAM_ROUTE, args=(team.pk,)) if page_url else "",
                "plans": [plans.get((team.pk, kind)) for kind in Kind.values],
            }
            for team in found["teams"]
        ],
        "teams_url": page_url + network.reverse_subpage(TEAMS_ROUTE) if page_url else "",
    }


def team_rows_for(user, network, rows):
    """`rows` with each team's insider flag for this reader. Only a plan sent back reads differently to its
    insiders, so a network with none costs no query here."""
    if not any(plan is not None and plan.state == State.RETURNED for row in rows for plan in row["plans"]):
        return rows
    insider_of = sent_back_insider_of(user, network)
    return [{**row, "insider": row["team"].pk in insider_of} for row in rows]
