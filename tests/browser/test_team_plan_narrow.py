"""A signed-off progress plan read on a phone (390 px), in the Swedish interface: the table of planned actions
becomes one card per action, and each cell shows the label of its column (who is responsible, by when), while a
screen reader still reads a table with its column headers. On a wide screen it stays a table.

One live-server test (each flushes the database). Screenshots at 390 and 1280 px go to ERFA_SHOTS
(default /tmp/team-shots).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from demo.teams import PLAN  # the demo's plan: two planned actions, in Swedish
from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkMemberFactory, NetworkPageFactory
from networks.models import Team
from networks.teams import flow
from portal.factories import EmployeeFactory, OrganisationFactory
from tests.browser.conftest import axe_violations, describe_violations, screenshots, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/team-shots"))  # noqa: S108 - a place to look, not a secret
LABELS = ("Planerad åtgärd", "Ansvarig", "Klart senast")

# Each action cell: the label drawn before it, the header of its column, and the room each takes: the label is
# visible when it takes a line of its own above what the team wrote.
CELLS = """() => [...document.querySelectorAll(".teams__content tbody td")].map((cell) => {
    const before = getComputedStyle(cell, "::before");
    const header = cell.closest("table").querySelectorAll("thead th")[cell.cellIndex];
    const box = cell.getBoundingClientRect();
    const text = document.createRange();
    text.selectNodeContents(cell);
    const rects = [...text.getClientRects()];
    return {
        label: cell.dataset.label, header: header.textContent.trim(), content: before.content,
        display: before.display, color: before.color, fontSize: parseFloat(before.fontSize),
        width: box.width, room: rects.length ? rects[0].top - box.top : 0,
    };
})"""
HEADER = """() => { const box = document.querySelector(".teams__content thead").getBoundingClientRect();
                    return {width: box.width, height: box.height}; }"""
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


def check_phone(page, where):
    cells = page.evaluate(CELLS)
    assert len(cells) == 6, where
    assert [cell["label"] for cell in cells] == list(LABELS) * 2, where
    for cell in cells:
        # The label is the column's header, drawn above the cell's text and left out of what a screen reader says.
        assert cell["label"] == cell["header"], (where, cell)
        assert cell["content"] == f'"{cell["label"]}" / ""', (where, cell)
        assert cell["display"] == "block" and cell["fontSize"] > 10, (where, cell)
        assert cell["room"] >= cell["fontSize"], (where, cell)  # a line of its own, not squeezed beside the text
        assert cell["width"] > 250, (where, cell)  # the card's width, not a squeezed column
    # The header row is out of sight, yet the table keeps its column headers for a screen reader.
    assert page.evaluate(HEADER) == {"width": 1, "height": 1}, where
    table = page.get_by_role("table")
    for label in LABELS:
        expect(table.get_by_role("columnheader", name=label, exact=True)).to_have_count(1)
    expect(table.get_by_role("cell", name="Hassan Öberg")).to_have_count(1)
    assert page.evaluate(SIDEWAYS) <= 0, where
    violations = axe_violations(page)
    assert not violations, describe_violations(where, violations)


def check_desktop(page, where):
    page.set_viewport_size({"width": 1280, "height": 900})
    header = page.evaluate(HEADER)
    assert header["width"] > 600 and header["height"] > 20, where
    for cell in page.evaluate(CELLS):
        assert cell["content"] == "none", (where, cell)  # a table: the labels are its header row
    violations = axe_violations(page)
    assert not violations, describe_violations(where, violations)


def test_each_planned_action_shows_its_columns_label_on_a_phone(browser, live_server, site_tree):
    home = HomePage.objects.get(locale__language_code="sv")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home, slug="natverk"), title="Norrviksnätverket")
    unit = NetworkMemberFactory(page=network, organisation=OrganisationFactory(name="Solgläntan")).organisation
    members = [EmployeeFactory(username=f"m{n}", first_name=name, last_name="Åström") for n, name in enumerate("ABC")]
    manager = EmployeeFactory(username="chef", first_name="Maja", last_name="Chef")
    EmployeeFactory(username="reader")
    team = Team.objects.create(network_key=network.translation_key, organisation=unit, name="Björken", manager=manager)
    team.members.set(members)
    plan = flow.plan_of(team, "plan", "sv")
    flow.save_draft(plan, PLAN, members[0], "sv")
    flow.record(plan, "waiting", members[0])
    signed_off = flow.sign_off(plan, manager, "Bra plan. Kör!")
    plan_url = f"{live_server.url}{network.url}teams/{team.pk}/plan/"

    # axe is injected as a script tag; the site's CSP forbids that.
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    sign_in(page, live_server.url, "reader")
    for where in (plan_url, f"{plan_url}versions/{signed_off.number}/"):
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(where)
        expect(page.locator("html")).to_have_attribute("lang", "sv")
        expect(page.get_by_text("Hassan Öberg")).to_be_visible()
        check_phone(page, where)
        check_desktop(page, where)
    screenshots(page, SHOTS, "plan-narrow")
    context.close()
