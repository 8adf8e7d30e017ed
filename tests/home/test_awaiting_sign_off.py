"""The home page's "Waiting for your sign-off": a manager finds what their teams submitted, and nobody else does."""

import pytest
from django.utils import translation

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkMemberFactory, NetworkPageFactory
from networks.models import Team
from networks.teams import flow
from portal.factories import EmployeeFactory
from tests.multilingual import translate
from tests.utils import follow_link, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    network_index = NetworkIndexPageFactory(parent=home, title="Networks", slug="networks")
    network = NetworkPageFactory(parent=network_index, title="Care at home network", slug="care-at-home")
    unit = NetworkMemberFactory(page=network).organisation
    manager = EmployeeFactory(username="maja", first_name="Maja", last_name="Chef")
    members = [EmployeeFactory(username=name, first_name=name.title()) for name in ("anna", "bo", "cia")]
    team = Team.objects.create(network_key=network.translation_key, organisation=unit, name="Björken", manager=manager)
    team.members.set(members)
    return network_index, network, team, manager, members


def submit(team, member, kind="plan"):
    plan = flow.plan_of(team, kind, "en")
    content = {"goal": "Fewer medication mistakes."} if kind == "plan" else {"results": "Fewer mistakes."}
    flow.save_draft(plan, content, member, "en")
    flow.submit(plan, member)
    return plan


def home_section(html, heading_id):
    """The home page's section headed by `heading_id`, or None when the page has no such section."""
    if f'id="{heading_id}"' not in html:
        return None
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def section(html):
    return home_section(html, "awaiting-sign-off")


def test_the_manager_finds_what_waits_for_them_and_opens_it(setting):
    _, network, team, manager, members = setting
    submit(team, members[0])
    boss = signed_in(manager)

    html = boss.get("/en/").content.decode()
    assert "Waiting for your sign-off" in section(html)
    assert "Progress plan: Björken" in section(html)
    plan_page = follow_link(boss, "/en/", html, text="Progress plan: Björken")
    assert plan_page.status_code == 200
    assert plan_page.wsgi_request.path == f"{network.url}teams/{team.pk}/plan/"
    assert "Your sign-off" in plan_page.content.decode()

    # Once decided, it waits no more.
    flow.sign_off(team.plans.get(), manager, "Go ahead.")
    assert section(boss.get("/en/").content.decode()) is None


def test_the_team_and_other_readers_see_no_such_section(setting):
    _, _, team, manager, members = setting
    outsiders = [EmployeeFactory(username="eva"), EmployeeFactory(username="fia")]
    submit(team, members[0])
    assert section(signed_in(manager).get("/en/").content.decode())  # kept first (caching/page_cache.py)

    responses = [signed_in(reader).get("/en/") for reader in (members[0], *outsiders)]
    assert [section(response.content.decode()) for response in responses] == [None, None, None]
    assert responses[2].headers["x-page-cache"] == "hit"  # the page kept for readers with nothing waiting


def test_a_swedish_reader_is_sent_to_the_swedish_network_page(setting):
    network_index, network, team, manager, members = setting
    translate(network_index, "sv", slug="natverk", title="Nätverk")
    swedish = translate(network, "sv", slug="omsorg-hemma", title="Omsorg hemma")
    submit(team, members[0], kind="report")
    boss = signed_in(manager)

    html = boss.get("/sv/").content.decode()
    with translation.override("sv"):
        label = f"{translation.gettext('Final report')}: Björken"
        heading = translation.gettext("Waiting for your sign-off")
    assert heading in section(html) and heading != "Waiting for your sign-off"
    plan_page = follow_link(boss, "/sv/", html, text=label)
    assert plan_page.status_code == 200
    assert plan_page.wsgi_request.path == f"{swedish.url}teams/{team.pk}/report/"


def your_networks(html):
    return home_section(html, "your-networks")


def test_the_networks_of_the_readers_teams_are_their_networks_without_following_them(setting):
    _, network, team, manager, members = setting
    outsider = EmployeeFactory(username="eva")

    for reader in (manager, members[0]):
        assert "Care at home network" in your_networks(signed_in(reader).get("/en/").content.decode())
    # Another employee of the same permission class is served a page without them.
    assert your_networks(signed_in(outsider).get("/en/").content.decode()) is None
