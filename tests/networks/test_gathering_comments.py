"""Comments on a gathering's agenda before it, on its minutes after it; the facilitator hides comments."""

import pytest
from django.utils import translation

from networks import gatherings as rules
from networks.models import GatheringComment
from tests.networks.gathering_helpers import client_of, facilitator_of, gathering_in, page_of

pytestmark = pytest.mark.django_db

AGENDA = "<ol><li>Welcome</li><li>Team presentations</li></ol>"
MINUTES = "<p>We chose three examples.</p>"


def test_participants_comment_on_an_agenda_item_before_the_gathering(network, employee_client):
    gathering = gathering_in(network, 5, agenda=AGENDA)
    url = page_of(network, gathering)
    html = employee_client.get(url).content.decode()
    assert '<option value="Team presentations">Team presentations</option>' in html

    response = employee_client.post(
        url,
        {"action": "comment", "topic": "agenda", "agenda_item": "Team presentations", "body": "Ten minutes each?"},
        follow=True,
    )
    html = response.content.decode()
    assert "Your comment has been published." in html
    assert '<span class="tag">Team presentations</span>' in html
    assert '<p lang="en">Ten minutes each?</p>' in html


def test_agenda_comments_close_when_the_gathering_starts(network, employee_client):
    gathering = gathering_in(network, -1, agenda=AGENDA)
    url = page_of(network, gathering)
    html = employee_client.get(url).content.decode()
    assert "Comments on the agenda closed when the gathering started." in html
    assert "Publish the comment" not in html
    response = employee_client.post(url, {"action": "comment", "topic": "agenda", "body": "Late"})
    assert response.status_code == 403
    assert not GatheringComment.objects.exists()


def test_minutes_are_shown_and_discussed_after_the_gathering(network, employee_client):
    upcoming = gathering_in(network, 5, minutes=MINUTES)
    html = employee_client.get(page_of(network, upcoming)).content.decode()
    assert "We chose three examples." not in html
    assert (
        employee_client.post(
            page_of(network, upcoming), {"action": "comment", "topic": "minutes", "body": "Early"}
        ).status_code
        == 403
    )

    ended = gathering_in(network, -2, minutes=MINUTES, agenda=AGENDA)
    url = page_of(network, ended)
    html = employee_client.get(url).content.decode()
    assert "We chose three examples." in html
    # The minutes are discussed as a whole: no agenda item to pick.
    assert '<select name="agenda_item"' not in html
    response = employee_client.post(url, {"action": "comment", "topic": "minutes", "body": "Thanks!"}, follow=True)
    assert '<p lang="en">Thanks!</p>' in response.content.decode()
    assert GatheringComment.objects.get().topic == "minutes"


def test_a_comment_in_another_language_carries_a_language_marker(network, employee, employee_client):
    gathering = gathering_in(network, 5)
    with translation.override("sv"):
        rules.add_comment(employee, network, gathering, topic="agenda", body="Bra upplägg")
    rules.add_comment(employee, network, gathering, topic="agenda", body="Good plan")
    html = employee_client.get(page_of(network, gathering)).content.decode()
    assert '<span class="language-marker" lang="sv">(Svenska)</span>' in html
    assert html.count('class="language-marker"') == 1
    assert '<p lang="sv">Bra upplägg</p>' in html


def test_the_facilitator_hides_a_comment_from_everyone_else(network, directory, employee, employee_client):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, 5)
    comment = rules.add_comment(employee, network, gathering, topic="agenda", body="Off topic rant")
    url = page_of(network, gathering)

    assert employee_client.post(url, {"action": "hide", "comment": comment.pk}).status_code == 403
    client = client_of(facilitator)
    response = client.post(url, {"action": "hide", "comment": comment.pk}, follow=True)
    html = response.content.decode()
    assert "The comment is hidden." in html
    assert "Off topic rant" in html and "Hidden: only facilitators see it" in html
    assert "Off topic rant" not in employee_client.get(url).content.decode()

    client.post(url, {"action": "show", "comment": comment.pk})
    assert "Off topic rant" in employee_client.get(url).content.decode()


def test_comments_are_rate_limited_and_the_text_kept(network, employee, employee_client):
    gathering = gathering_in(network, 5)
    for number in range(rules.COMMENT_LIMIT):
        rules.add_comment(employee, network, gathering, topic="agenda", body=f"Comment {number}")
    response = employee_client.post(
        page_of(network, gathering), {"action": "comment", "topic": "agenda", "body": "One more thought"}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert f"You have written {rules.COMMENT_LIMIT} comments in the last hour" in html
    assert "One more thought</textarea>" in html
    assert GatheringComment.objects.count() == rules.COMMENT_LIMIT


def test_an_empty_comment_is_refused(network, employee_client):
    gathering = gathering_in(network, 5)
    response = employee_client.post(page_of(network, gathering), {"action": "comment", "topic": "agenda", "body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
