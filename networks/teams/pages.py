"""The network page's Teams section: the list of teams, setting one up, and a team's own page.

The network page routes here (networks/models/team_routes.py). Every answer is personal (what a
reader may do depends on who they are), so none is kept by the page cache (never_cache).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from caching.personal import personal
from networks.models.plans import Kind, TeamPlan
from networks.models.teams import Team
from networks.teams.access import TeamAccess
from networks.teams.forms import TeamForm, TeamMembersForm
from networks.teams.summary import TEAM_ROUTE, TEAMS_ROUTE
from portal.i18n import reader_page_url
from portal.models import Organisation

PLAN_ROUTE = "team_plan"
VERSION_ROUTE, EXPORT_ROUTE = "team_plan_version", "team_plan_export"


def url(network, request, route, *args):
    return reader_page_url(network, request) + network.reverse_subpage(route, args=args)


def respond(request, template, network, context):
    response = render(request, template, {"page": network, "self": network, **context})
    personal(response)
    return response


def access_for(network, request):
    access = TeamAccess(request.user, network)
    if not access.may_read():
        return None
    return access


def team_of(network, team_id):
    team = Team.objects.of_network(network).select_related("organisation__locale", "manager").filter(pk=team_id).first()
    if team is None:
        raise Http404
    return team


def unit_choices(network):
    """The network's member units: the organisations of its member rows, in this language version."""
    return Organisation.objects.filter(pk__in=network.members.values("organisation_id")).order_by("name")


def plan_summaries(teams):
    """{team pk: {kind: plan}} for the teams' plans and reports, in one query."""
    found = {}
    for plan in TeamPlan.objects.filter(team__in=teams).only("team_id", "kind", "state", "signed_off_at", "language"):
        found.setdefault(plan.team_id, {})[plan.kind] = plan
    return found


def team_language(team, plans):
    """The language the team writes in, as recorded, for what it wrote on the team itself (its focus area,
    which its members keep current): its progress plan's language (else its report's), saved with every
    draft; before either, the language version of the unit it was set up with. The team records none of
    its own, and a language is never guessed from the text."""
    for kind in Kind.values:
        if plans.get(kind) is not None and plans[kind].language:
            return plans[kind].language
    return team.organisation.locale.language_code


def teams_page(network, request):
    access = access_for(network, request)
    if access is None:
        return redirect_to_login(request.get_full_path())
    form = None
    if access.may_manage_teams():
        form = TeamForm(request.POST or None, organisations=unit_choices(network))
        if request.method == "POST" and form.is_valid():
            team = form.save(commit=False)
            team.network_key = network.translation_key
            team.save()
            form.save_m2m()
            messages.success(request, _("The team %(team)s is set up.") % {"team": team.name})
            return HttpResponseRedirect(url(network, request, TEAM_ROUTE, team.pk))
    elif request.method == "POST":
        raise PermissionDenied
    teams = list(Team.objects.of_network(network).select_related("organisation", "manager"))
    plans = plan_summaries(teams)
    insider_of = access.insider_teams(teams)
    rows = [
        {
            "team": team,
            "organisation": team.organisation,
            "url": url(network, request, TEAM_ROUTE, team.pk),
            "plans": [plans.get(team.pk, {}).get(kind) for kind in Kind.values],
            "insider": team.pk in insider_of,
        }
        for team in teams
    ]
    return respond(
        request,
        "networks/teams/teams.html",
        network,
        {"rows": rows, "form": form, "network_url": reader_page_url(network, request)},
    )


def team_page(network, request, team_id):
    access = access_for(network, request)
    if access is None:
        return redirect_to_login(request.get_full_path())
    team = team_of(network, team_id)
    form = None
    if access.may_manage_teams():
        form = TeamForm(request.POST or None, instance=team, organisations=unit_choices(network))
    elif access.may_edit_team(team):
        form = TeamMembersForm(request.POST or None, instance=team)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            form.save()
            messages.success(request, _("The team is saved."))
            return HttpResponseRedirect(url(network, request, TEAM_ROUTE, team.pk))
    plans = plan_summaries([team]).get(team.pk, {})
    documents = [
        {"kind": kind, "label": label, "plan": plans.get(kind), "url": url(network, request, PLAN_ROUTE, team.pk, kind)}
        for kind, label in Kind.choices
    ]
    return respond(
        request,
        "networks/teams/team.html",
        network,
        {
            "team": team,
            "members": team.members.order_by("first_name", "last_name"),
            "team_language": team_language(team, plans),
            "documents": documents,
            "form": form,
            "teams_url": url(network, request, TEAMS_ROUTE),
            "is_insider": access.is_insider(team),
        },
    )
