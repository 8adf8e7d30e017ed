"""A team member submits a progress plan and the manager signs it off, in the Swedish interface.

One live-server test (each flushes the database). Screenshots at 390 and 1280 px go to ERFA_SHOTS
(default /tmp/team-shots) for a look at the layout.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkMemberFactory, NetworkPageFactory
from networks.models import Team, TeamPlan
from portal.factories import EmployeeFactory, OrganisationFactory
from tests.browser.conftest import screenshots, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/team-shots"))  # noqa: S108 - a place to look, not a secret


def shots(page, name):
    screenshots(page, SHOTS, name)


def test_a_member_submits_a_plan_and_the_manager_signs_it_off(browser, live_server, site_tree, mailoutbox):
    home = HomePage.objects.get(locale__language_code="sv")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home, slug="natverk"), title="Norrviksnätverket")
    unit = NetworkMemberFactory(page=network, organisation=OrganisationFactory(name="Solgläntan")).organisation
    members = [EmployeeFactory(username=f"m{n}", first_name=name, last_name="Åström") for n, name in enumerate("ABC")]
    manager = EmployeeFactory(username="chef", first_name="Maja", last_name="Chef", email="maja@example.org")
    team = Team.objects.create(network_key=network.translation_key, organisation=unit, name="Björken", manager=manager)
    team.members.set(members)
    plan_url = f"{live_server.url}{network.url}teams/{team.pk}/plan/"

    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "m0")
    page.goto(f"{live_server.url}{network.url}")
    page.locator("section[aria-labelledby=teams]").get_by_role("link", name="Björken").click()
    expect(page.locator("h1")).to_have_text("Björken")
    page.goto(plan_url)
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.locator("#id_goal").fill("Färre avvikelser på kvällsrundan.")
    page.locator("#id_action_0").fill("Dubbelkontroll")
    page.locator("#id_owner_0").fill("Åsa Ødegaard")
    page.locator("#id_due_0").fill("2030-04-01")
    page.locator("#id_measures").fill("Avvikelser per månad.")
    shots(page, "plan-form")
    page.locator("button[value=submit]").click()
    expect(page.get_by_text("Färre avvikelser på kvällsrundan.")).to_be_visible()
    expect(page.locator("button[value=submit]")).to_have_count(0)
    context.close()
    assert TeamPlan.objects.get(team=team).state == "waiting"
    assert [m.to for m in mailoutbox] == [["maja@example.org"]]

    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "chef")
    page.goto(plan_url)
    expect(page.get_by_text("Åsa Ødegaard")).to_be_visible()
    page.locator("#id_comment").fill("Bra plan, kör!")
    shots(page, "plan-sign-off")
    page.locator("button[value=sign_off]").click()
    expect(page.locator(".teams__comment")).to_contain_text("Bra plan, kör!")
    expect(page.locator("button[value=sign_off]")).to_have_count(0)
    page.goto(f"{live_server.url}{network.url}")
    expect(page.locator("section[aria-labelledby=teams]").locator(".tag--done")).to_have_count(1)
    shots(page, "network-teams")
    context.close()

    plan = TeamPlan.objects.get(team=team)
    assert plan.state == "signed_off"
    assert [v.state for v in plan.versions.all()] == ["signed_off", "waiting"]  # one version per submission
    assert re.search(r"/sv/", plan_url)
