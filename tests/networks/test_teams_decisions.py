"""The manager's decision: a comment needed only to send back, the team told by e-mail in each member's
language, and the state the team and its manager see afterwards."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from networks.models import TeamPlan
from networks.models.plans import State
from tests.networks.team_fixtures import PLAN_POST, team_url
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


def plan_url(network, team):
    return team_url(network, team, "plan")


def submit(network, team, user):
    response = signed_in(user).post(plan_url(network, team), {**PLAN_POST, "action": "submit"})
    assert response.status_code == 302
    return TeamPlan.objects.get(team=team, kind="plan")


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def state_of(page):
    return page.split("State:", 1)[1].split("</p>", 1)[0]


# The comment (fix: it was required for signing off too, and nothing said so)


def test_the_manager_signs_off_without_a_comment(network, team, people, manager):
    submit(network, team, people["anna"])
    boss = signed_in(manager)
    page = boss.get(plan_url(network, team)).content.decode()
    assert "Optional when you sign off. When you send it back, tell the team what to change." in page

    response = boss.post(plan_url(network, team), {"action": "sign_off", "comment": ""})

    assert response.status_code == 302
    plan = TeamPlan.objects.get(kind="plan")
    assert plan.state == State.SIGNED_OFF and plan.versions.first().comment == ""
    assert "Manager’s comment:" not in signed_in(people["eva"]).get(plan_url(network, team)).content.decode()


def test_sending_back_asks_for_a_comment_and_keeps_the_form(network, team, people, manager):
    submit(network, team, people["anna"])

    response = signed_in(manager).post(plan_url(network, team), {"action": "send_back", "comment": "   "})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Write what the team should change before you send it back." in page
    assert 'name="comment"' in page and 'value="send_back"' in page
    assert f'action="{plan_url(network, team)}#sign-off"' in page  # back at the form, not the page's top
    assert TeamPlan.objects.get(kind="plan").state == State.WAITING


# The e-mails (fix: nobody was told the outcome)


def test_the_team_and_the_submitter_hear_of_the_sign_off_each_in_their_language(
    network, team, people, manager, mailoutbox, django_capture_on_commit_callbacks
):
    speaks(people["bjorn"], "sv")
    submit(network, team, people["anna"])
    team.members.set([people["bjorn"], people["cecilie"], people["dirk"]])  # Anna, who submitted, has left
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(manager).post(plan_url(network, team), {"action": "sign_off", "comment": "Go ahead & don't wait."})

    mails = {message.to[0]: message for message in mailoutbox}
    assert sorted(mails) == ["anna@example.org", "bjorn@example.org", "cecilie@example.org", "dirk@example.org"]
    assert all(len(message.to) == 1 for message in mailoutbox)  # nobody sees the others' addresses

    english = mails["cecilie@example.org"]
    assert english.subject == "Signed off: Progress plan of Björken team"
    assert english.body.startswith("Hello Cecilie Æbelø,")
    assert "Maja Chef has signed it off. It is now shared with the network." in english.body
    assert "Go ahead & don't wait." in english.body  # as written: a plain-text mail is not HTML-escaped
    assert f"{plan_url(network, team)}\n" in english.body and f"/sv{plan_url(network, team)}" not in english.body

    swedish = mails["bjorn@example.org"]
    with translation.override("sv"):
        kind = gettext("Progress plan")
        assert kind == "Framdriftsplan"
        assert swedish.subject == gettext("Signed off: %(kind)s of %(team)s") % {"kind": kind, "team": "Björken team"}
        assert swedish.body.startswith(gettext("Hello %(name)s,") % {"name": "Bjørn Ødegaard"})
        assert gettext("Manager’s comment:") in swedish.body
    assert "Hej Bjørn Ødegaard," in swedish.body
    assert f"/sv{plan_url(network, team)}" in swedish.body  # the plan, in the Swedish interface


def test_the_team_hears_that_it_was_sent_back_with_the_comment(
    network, team, people, manager, mailoutbox, django_capture_on_commit_callbacks
):
    submit(network, team, people["anna"])
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(manager).post(
            plan_url(network, team), {"action": "send_back", "comment": "Add a measure for nights."}
        )

    assert sorted(message.to[0] for message in mailoutbox) == [
        "anna@example.org",
        "bjorn@example.org",
        "cecilie@example.org",
    ]
    message = next(message for message in mailoutbox if message.to == ["anna@example.org"])
    assert message.subject == "Sent back: Progress plan of Björken team"
    assert "Maja Chef has sent it back to the team." in message.body
    assert "Manager’s comment:\nAdd a measure for nights." in message.body
    assert plan_url(network, team) in message.body


def test_no_mail_leaves_before_the_decision_is_committed(network, team, people, manager, mailoutbox):
    submit(network, team, people["anna"])
    mailoutbox.clear()
    # The test's transaction is never committed: a decision rolled back would tell nobody.
    signed_in(manager).post(plan_url(network, team), {"action": "sign_off", "comment": ""})
    assert mailoutbox == []


# The state (fix: a sent-back plan showed the green "Signed off" badge to its team)


def test_a_sent_back_plan_says_so_to_the_team_while_others_keep_the_signed_off_version(
    network, team, people, manager, facilitator
):
    submit(network, team, people["anna"])
    boss = signed_in(manager)
    boss.post(plan_url(network, team), {"action": "sign_off", "comment": "Yes."})
    signed_in(people["anna"]).post(plan_url(network, team), {**PLAN_POST, "goal": "A bolder goal", "action": "submit"})
    boss.post(plan_url(network, team), {"action": "send_back", "comment": "Too bold."})
    assert TeamPlan.objects.get(kind="plan").state == State.RETURNED

    for user in (people["anna"], manager, facilitator):
        client = signed_in(user)
        state = state_of(client.get(plan_url(network, team)).content.decode())
        assert "Sent back" in state and "Signed off" not in state, user
        documents = client.get(team_url(network, team)).content.decode().split("teams__documents")[1]
        assert "Sent back" in documents.split("</li>")[0] and "tag--done" not in documents.split("</li>")[0]
        row = client.get(network.url + "teams/").content.decode().split("Björken team")[1].split("</tr>")[0]
        assert "Sent back" in row and "tag--done" not in row

    outsider = signed_in(people["eva"])
    page = outsider.get(plan_url(network, team)).content.decode()
    assert "Signed off" in state_of(page) and "Sent back" not in state_of(page)
    assert "Fewer medication mistakes in Björken." in page and "A bolder goal" not in page
    row = outsider.get(network.url + "teams/").content.decode().split("Björken team")[1].split("</tr>")[0]
    assert "Signed off" in row and "Sent back" not in row


def test_a_first_plan_sent_back_says_so_to_the_team(network, team, people, manager):
    submit(network, team, people["anna"])
    signed_in(manager).post(plan_url(network, team), {"action": "send_back", "comment": "Not yet."})
    state = state_of(signed_in(people["bjorn"]).get(plan_url(network, team)).content.decode())
    assert "Sent back" in state and "Being drafted" not in state


def test_a_sign_off_told_to_no_one_sends_no_e_mail(
    network, team, people, manager, mailoutbox, django_capture_on_commit_callbacks
):
    # The demo signs its plan off as it loads (demo/teams.py): `make run` printed the team's e-mails.
    from networks.teams import flow

    plan = submit(network, team, people["anna"])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        flow.sign_off(plan, manager, "Bra plan.", tell_team=False)
    assert mailoutbox == []
    assert TeamPlan.objects.get(pk=plan.pk).state == State.SIGNED_OFF
