"""A team's pages read in another language than the team writes in: what the team and its manager wrote
carries the language recorded with it and the "written in another language" marker, in the reader's
language; the plan's planned actions name their column in every cell, for the cards they become on a phone."""

import re

import pytest
from wagtail.models import Locale

from networks.teams import flow
from tests.networks.team_fixtures import PLAN_POST, team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db

SWEDISH_MARKER = (
    '<p class="meta"><span class="language-marker" lang="sv">(Svenska)</span> Skrevet på et annet språk.</p>'
)
PLAN = {
    "goal": "Färre fel.",
    "actions": [{"action": "Dubbelkolla", "owner": "Anna Åberg", "due": "2030-04-01"}],
    "measures": "Avvikelser per månad.",
    "status": "",
}


@pytest.fixture
def norwegian(network):
    version = network.copy_for_translation(Locale.objects.get(language_code="nb"), copy_parents=True)
    version.save_revision().publish()
    return version


@pytest.fixture
def swedish_plan(team, people, manager):
    """The team writes in Swedish: its plan, submitted and signed off by its manager with a Swedish comment."""
    team.focus_area = "Tryggare läkemedelsrundor på kvällen."
    team.save()
    plan = flow.plan_of(team, "plan", "sv")
    flow.submit(plan, people["anna"], PLAN, "sv")
    flow.sign_off(plan, manager, "Bra plan. Kör!")
    return plan


def test_the_swedish_focus_area_is_marked_on_the_norwegian_team_page(norwegian, team, swedish_plan, people):
    page = signed_in(people["eva"]).get(team_url(norwegian, team)).content.decode()

    assert '<html lang="nb"' in page
    focus = page.split("<h2>Innsatsområde</h2>", 1)[1].split("<h2>", 1)[0].strip()
    assert focus == SWEDISH_MARKER + '<p lang="sv">Tryggare läkemedelsrundor på kvällen.</p>'


def test_before_any_plan_the_focus_area_carries_the_language_of_the_unit_it_was_set_up_with(norwegian, team, people):
    assert team.organisation.locale.language_code == "en"
    page = signed_in(people["anna"]).get(team_url(norwegian, team)).content.decode()

    focus = page.split("<h2>Innsatsområde</h2>", 1)[1].split("<h2>", 1)[0].strip()
    marker = '<p class="meta"><span class="language-marker" lang="en">(English)</span> Skrevet på et annet språk.</p>'
    assert focus == marker + '<p lang="en">Safer medication rounds</p>'


def test_a_focus_area_in_the_readers_language_has_no_marker(network, team, people):
    page = signed_in(people["anna"]).get(team_url(network, team)).content.decode()

    assert '<h2>Focus area</h2><p lang="en">Safer medication rounds</p>' in page
    assert 'class="language-marker"' not in page


@pytest.mark.parametrize("where", ["plan", "version"])
def test_the_managers_swedish_comment_is_marked_on_the_norwegian_plan_pages(
    norwegian, team, swedish_plan, people, where
):
    steps = ["plan"] if where == "plan" else ["plan", "versions", swedish_plan.versions.first().number]
    page = signed_in(people["eva"]).get(team_url(norwegian, team, *steps)).content.decode()

    comment = '<blockquote class="teams__comment" lang="sv">Bra plan. Kör!</blockquote>'
    label = '<p class="meta">Lederens kommentar:</p>' if where == "plan" else ""
    assert SWEDISH_MARKER + label + comment in page
    # The comment is in the version's language, as the content below it: one marker above both, not two.
    assert page.count(SWEDISH_MARKER) == 1
    assert page.index(SWEDISH_MARKER) < page.index('<div class="teams__content">')


@pytest.mark.parametrize(
    ("language", "labels"),
    [("nb", ("Planlagt tiltak", "Ansvarlig", "Frist")), ("sv", ("Planerad åtgärd", "Ansvarig", "Klart senast"))],
)
def test_each_planned_action_cell_carries_its_columns_label_in_the_readers_language(
    network, team, swedish_plan, people, language, labels
):
    version = network.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    version.save_revision().publish()
    page = signed_in(people["eva"]).get(team_url(version, team, "plan")).content.decode()

    table = page.split('<table class="network__members">', 1)[1].split("</table>", 1)[0]
    # Still a table for a screen reader: its column headers, in the reader's language.
    assert "<thead><tr>" + "".join(f'<th scope="col">{label}</th>' for label in labels) + "</tr></thead>" in table
    action, owner, due = labels
    row = re.search(r"<tbody><tr>(.*?)</tr></tbody>", table).group(1)
    # The label is the reader's; only what the team wrote is marked Swedish.
    assert row.startswith(
        f'<td data-label="{action}"><span lang="sv">Dubbelkolla</span></td>'
        f'<td data-label="{owner}"><span lang="sv">Anna Åberg</span></td>'
        f'<td data-label="{due}">'
    )
    assert "2030" in row.rsplit("<td", 1)[1]


def test_the_cells_are_labelled_on_a_draft_the_team_reads_too(network, team, people):
    member = signed_in(people["anna"])
    member.post(team_url(network, team, "plan"), {**PLAN_POST, "action": "save"})

    page = member.get(team_url(network, team, "plan")).content.decode()

    assert '<td data-label="Planned action"><span lang="en">Double-check at the evening round</span></td>' in page
    assert '<td data-label="Responsible"><span lang="en">Anna Åberg</span></td>' in page
    assert '<td data-label="Due">April 1, 2030</td>' in page
