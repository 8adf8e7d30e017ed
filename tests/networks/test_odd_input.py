"""Odd values in a network's forms: a comment id that is no number, a NUL byte in a phrase, a row count
that is no number. Each gets the answer a plain wrong value gets, never a 500."""

import pytest

from networks import gatherings as rules
from networks.models import GatheringComment, HiddenCloudWord
from tests.networks.gathering_helpers import client_of, facilitator_of, gathering_in, page_of
from tests.networks.team_fixtures import PLAN_POST, team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db

ODD_IDS = ["abc", "1.5", "²", "٣", "①", "1\x00", "1" * 5000]


def test_hiding_a_comment_by_an_odd_id_hides_nothing(network, directory, employee):
    facilitator = client_of(facilitator_of(network, directory))
    gathering = gathering_in(network, 5)
    comment = rules.add_comment(employee, network, gathering, topic="agenda", body="On topic")
    url = page_of(network, gathering)
    for pk in ODD_IDS:
        response = facilitator.post(url, {"action": "hide", "comment": pk})
        assert response.status_code == 302, pk[:10]
        assert response["Location"].startswith(url)
    assert not GatheringComment.objects.get(pk=comment.pk).hidden


@pytest.mark.parametrize("action", ["show", "hide"])
def test_a_phrase_with_a_nul_byte_is_refused(network, directory, action):
    facilitator = client_of(facilitator_of(network, directory))
    response = facilitator.post(network.url + "word-cloud/", {"action": action, "phrase": "a\x00"})
    assert response.status_code == 400
    assert "Erfa could not read this request" in response.content.decode()
    assert not HiddenCloudWord.objects.exists()


@pytest.mark.parametrize("rows", ["abc", "1e3", "\x00", "²", "٣", "-1", "1" * 5000])
def test_an_odd_row_count_gives_the_plans_usual_rows(network, team, people, rows):
    url = team_url(network, team, "plan")
    member = signed_in(people["anna"])
    response = member.post(url, {**PLAN_POST, "rows": rows, "action": "save"})
    assert response.status_code == 302, rows[:10]
    page = member.get(url).content.decode()
    assert "Double-check at the evening round" in page and "Teach the checklist to night staff" in page
