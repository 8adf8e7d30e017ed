"""Teams of a network: who may see, set up and edit them, and the Teams section on the network page."""

import pytest

from networks.models import Team
from portal.factories import EmployeeFactory
from tests.networks.team_fixtures import team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


def new_team(units, people, manager, members):
    return {
        "name": "Home care West team",
        "organisation": units[1].pk,
        "manager": manager.pk,
        "focus_area": "Handovers between shifts",
        "members": [people[name].pk for name in members],
    }


def test_a_facilitator_sets_up_a_team_and_it_is_listed_on_the_network_page(
    network, facilitator, units, people, manager
):
    client = signed_in(facilitator)
    page = client.get(network.url + "teams/").content.decode()
    assert "Set up a team" in page
    assert "Solgläntan" in page and "Hemtjänst Väst" in page  # the network's units are offered

    response = client.post(network.url + "teams/", new_team(units, people, manager, ["anna", "bjorn", "dirk"]))

    created = Team.objects.get(name="Home care West team")
    assert response.status_code == 302 and response["Location"] == team_url(network, created)
    assert created.network_key == network.translation_key
    assert sorted(created.members.values_list("username", flat=True)) == ["anna", "bjorn", "dirk"]
    network_page = signed_in(people["eva"]).get(network.url).content.decode()
    section = network_page.split('id="teams"')[1].split("</section>")[0]
    assert f'href="{team_url(network, created)}"' in section
    assert "Hemtjänst Väst" in section and "Not started yet" in section


@pytest.mark.parametrize("members", [["anna", "bjorn"], ["anna", "bjorn", "cecilie", "dirk", "eva", "fia"]])
def test_a_team_has_three_to_five_members_and_the_form_keeps_the_input(
    network, facilitator, units, people, manager, members
):
    response = signed_in(facilitator).post(network.url + "teams/", new_team(units, people, manager, members))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"A team has 3 to 5 members; you chose {len(members)}." in page
    assert 'value="Home care West team"' in page
    assert not Team.objects.exists()
    # The refused form comes back where it is, not at the top of a long page (on a phone, screens away).
    assert '<form method="post" action="#new-team" novalidate>' in page and 'id="new-team"' in page


@pytest.mark.parametrize("who", ["employee", "member", "manager", "other_facilitator"])
def test_only_the_networks_facilitators_set_up_teams(network, team, people, manager, other_facilitator, units, who):
    user = {
        "employee": people["eva"],
        "member": people["anna"],
        "manager": manager,
        "other_facilitator": other_facilitator,
    }[who]
    client = signed_in(user)
    assert "Set up a team" not in client.get(network.url + "teams/").content.decode()
    response = client.post(network.url + "teams/", new_team(units, people, manager, ["anna", "bjorn", "dirk"]))
    assert response.status_code == 403
    assert Team.objects.count() == 1


def test_anonymous_readers_are_sent_to_sign_in(network, team):
    for url in (network.url + "teams/", team_url(network, team), team_url(network, team, "plan")):
        response = signed_in(None).get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_employees_read_a_team_but_cannot_edit_it(network, team, people):
    client = signed_in(people["eva"])
    page = client.get(team_url(network, team)).content.decode()
    assert "Björken team" in page and "Safer medication rounds" in page and "Anna Åberg" in page
    assert "Edit the team" not in page
    response = client.post(team_url(network, team), {"focus_area": "Taken over", "members": [people["eva"].pk] * 3})
    assert response.status_code == 403
    team.refresh_from_db()
    assert team.focus_area == "Safer medication rounds"


def test_members_keep_focus_area_and_members_current_but_not_the_manager(network, team, people, manager):
    client = signed_in(people["anna"])
    page = client.get(team_url(network, team)).content.decode()
    assert "Edit the team" in page and 'name="manager"' not in page
    members = [people[name].pk for name in ("anna", "bjorn", "cecilie", "dirk")]
    response = client.post(
        team_url(network, team), {"focus_area": "Medication and falls", "members": members, "manager": people["eva"].pk}
    )
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.focus_area == "Medication and falls"
    assert team.members.count() == 4
    assert team.manager == manager


def test_a_facilitator_of_this_network_edits_a_team_and_one_of_another_network_cannot(
    network, team, facilitator, other_facilitator, people
):
    data = {
        "name": "Renamed",
        "organisation": team.organisation_id,
        "manager": people["eva"].pk,
        "focus_area": "x",
        "members": [people[name].pk for name in ("anna", "bjorn", "cecilie")],
    }
    assert signed_in(other_facilitator).post(team_url(network, team), data).status_code == 403
    assert signed_in(facilitator).post(team_url(network, team), data).status_code == 302
    team.refresh_from_db()
    assert (team.name, team.manager) == ("Renamed", people["eva"])


def test_a_team_of_another_network_is_not_found_through_this_one(network_index, network, team, facilitator):
    from networks.factories import NetworkPageFactory

    other = NetworkPageFactory(parent=network_index, title="Third network")
    assert signed_in(facilitator).get(team_url(other, team)).status_code == 404


def test_every_language_version_of_the_network_lists_the_same_teams(network, team, people):
    from wagtail.models import Locale

    swedish = network.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    swedish.save_revision().publish()
    page = signed_in(EmployeeFactory()).get(swedish.url).content.decode()
    assert "Björken team" in page


def test_without_teams_the_section_does_not_contradict_the_members_table(network, people):
    """The members table names each organisation's team or work group; the Teams section is about the teams
    that keep a plan on Erfa, and says so when there are none, in the reader's language."""
    from django.utils import translation

    from networks.models import NetworkMember
    from portal.factories import OrganisationFactory

    NetworkMember.objects.create(page=network, organisation=OrganisationFactory(name="Solbacken"), team="Night team")
    html = signed_in(people["eva"]).get(network.url).content.decode()
    section = html.split('id="teams"')[1].split("</section>")[0]
    assert "Night team" in html.split('id="members"')[1]
    assert "No team keeps a progress plan or final report here." in section
    assert "No teams have been set up" not in html
    with translation.override("sv"):
        swedish = translation.gettext("No team keeps a progress plan or final report here.")
    assert swedish == "Inget team har någon framdriftsplan eller slutrapport här."
