"""The plan page as read on a phone and by a screen reader: a refused submission lands at the form with
its errors, and only what the team wrote is marked as written in the plan's language."""

import pytest

from networks.teams import flow
from tests.networks.team_fixtures import PLAN_POST, team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


def plan_url(network, team):
    return team_url(network, team, "plan")


def test_a_refused_submission_lands_at_the_form_with_a_focusable_list_of_errors(network, team, people, manager):
    member = signed_in(people["anna"])
    # A signed-off version above the form is what pushed the errors out of sight on a phone.
    member.post(plan_url(network, team), {**PLAN_POST, "action": "submit"})
    signed_in(manager).post(plan_url(network, team), {"action": "sign_off", "comment": ""})

    response = member.post(plan_url(network, team), {**PLAN_POST, "goal": " ", "action": "submit"})

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<form method="post" action="{plan_url(network, team)}#draft"' in page
    form = page.split('id="draft"', 1)[1]
    summary = form.split('id="draft-errors"', 1)[1].split("</div>", 1)[0]
    assert 'tabindex="-1"' in summary and 'role="alert"' in summary
    assert '<a href="#id_goal">Goal: Write the goal before you submit the plan for sign-off.</a>' in summary
    assert "Teach the checklist to night staff" in form  # what was typed is kept


def test_after_saving_the_reader_lands_where_the_message_is(network, team, people):
    response = signed_in(people["anna"]).post(plan_url(network, team), {**PLAN_POST, "action": "save"})
    # Without its own anchor the redirect would keep the form's #draft, below the "saved" message.
    assert response.status_code == 302 and response["Location"] == plan_url(network, team) + "#main"


def test_only_what_the_team_wrote_is_marked_with_the_plans_language(network, team, people):
    plan = flow.plan_of(team, "plan", "sv")
    content = {
        "goal": "Färre fel.",
        "actions": [{"action": "Dubbelkolla", "owner": "Anna Åberg", "due": "2030-04-01"}],
        "measures": "Avvikelser per månad.",
    }
    flow.save_draft(plan, content, people["anna"], "sv")

    page = signed_in(people["anna"]).get(plan_url(network, team)).content.decode()

    block = page.split('<div class="teams__content"', 1)[1].split('class="teams__exports"', 1)[0]
    assert block.startswith(">")  # the block itself, with the reader's headings, is in the reader's language
    assert '<h2>Goal</h2><p lang="sv">Färre fel.</p>' in block
    assert '<h2>Measures</h2><p lang="sv">Avvikelser per månad.</p>' in block
    assert '<th scope="col">Planned action</th>' in block
    # The team's words in Swedish; its due date is the reader's interface, written as English writes dates.
    # Each cell names its column for the cards the table becomes on a phone; the label is the reader's.
    assert (
        '<tr><td data-label="Planned action"><span lang="sv">Dubbelkolla</span></td>'
        '<td data-label="Responsible"><span lang="sv">Anna Åberg</span></td>'
        '<td data-label="Due">April 1, 2030</td></tr>'
    ) in block
    assert block.count("<h2 lang=") == 0 and '<thead lang="' not in block


def test_the_network_page_tells_the_team_and_only_the_team_that_its_plan_was_sent_back(
    network, team, people, manager, facilitator
):
    outsider = people["eva"]
    member = signed_in(people["anna"])
    member.post(plan_url(network, team), {**PLAN_POST, "action": "submit"})
    signed_in(manager).post(plan_url(network, team), {"action": "send_back", "comment": "Add a measure."})

    def teams_section(user):
        response = signed_in(user).get(network.url)
        return response, response.content.decode().split('id="teams"')[1].split("</section>")[0]

    # The team's member first, so that the page is kept (caching/page_cache.py) before the others read it.
    for reader in (people["anna"], manager, facilitator):
        assert "Sent back" in teams_section(reader)[1]
    first, section = teams_section(outsider)
    assert "Sent back" not in section and "Being drafted" in section
    second, section = teams_section(people["fia"])  # another outsider: the outsiders' kept page
    assert second.headers["x-page-cache"] == "hit" and "Sent back" not in section
