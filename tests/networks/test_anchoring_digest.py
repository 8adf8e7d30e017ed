"""The facilitators' digest of examples some unit has not anchored: when, to whom, once, in their language."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from networks.models import ExampleReminderSent
from tests.networks.anchoring_setup import anchor, build, example

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(network, network_index, directory):
    return build(network, network_index, directory)


def run():
    out = io.StringIO()
    call_command("send_example_reminders", stdout=out)
    return out.getvalue()


def test_the_facilitator_hears_once_of_examples_not_anchored_after_the_chosen_weeks(cast, mailoutbox):
    due = example(cast.network, title="Refused medicine", age=timedelta(weeks=5))
    anchor(due, cast.unit_a)
    complete = example(cast.network, title="Handover", age=timedelta(weeks=6))
    anchor(complete, cast.unit_a)
    anchor(complete, cast.unit_b)
    example(cast.network, title="Too new", age=timedelta(weeks=2))

    assert "Reminded f@example.org of 1 example(s): Refused medicine" in run()

    assert [message.to for message in mailoutbox] == [["f@example.org"]]
    message = mailoutbox[0]
    assert message.subject == "One example is not yet anchored in every unit"
    assert "- Refused medicine (recorded " in message.body
    assert "Not yet anchored in: Home care West\n" in message.body
    assert f"{cast.network.url}#examples\n" in message.body
    assert "Handover" not in message.body and "Too new" not in message.body

    # Run again (by cron or the worker): nothing new is sent.
    assert "No example reminders due." in run()
    assert len(mailoutbox) == 1
    assert ExampleReminderSent.objects.filter(example=due, user=cast.facilitator).count() == 1


def test_the_number_of_weeks_is_the_networks_own(cast, mailoutbox):
    example(cast.network, title="Two weeks old", age=timedelta(weeks=2, days=1))
    run()
    assert mailoutbox == []
    cast.network.anchoring_reminder_weeks = 2
    cast.network.save_revision().publish()
    run()
    assert "Two weeks old" in mailoutbox[0].body


def test_the_digest_comes_in_the_facilitators_language(cast, mailoutbox):
    profile = UserProfile.get_for_user(cast.facilitator)
    profile.preferred_language = "sv"
    profile.save()
    example(cast.network, title="Refused medicine", age=timedelta(weeks=5))
    run()
    message = mailoutbox[0]
    # Passes once the lead has merged the Swedish translations (tr-anchoring.json).
    assert message.subject == "Ett exempel är ännu inte förankrat i alla enheter"
    assert "Inte förankrat ännu i:" in message.body


def test_only_the_networks_own_facilitators_and_those_who_may_open_it_are_told(cast, mailoutbox):
    example(cast.network, title="Inside story", age=timedelta(weeks=5))
    PageViewRestriction.objects.create(page=cast.network, restriction_type=PageViewRestriction.GROUPS).groups.set(
        [Group.objects.create(name="Network members")]
    )

    run()
    assert mailoutbox == []
    assert not ExampleReminderSent.objects.exists()  # told once they may open it

    cast.facilitator.groups.add(Group.objects.get(name="Network members"))
    run()
    assert [message.to for message in mailoutbox] == [["f@example.org"]]  # not g, who facilitates another network


def test_the_task_sends_the_same_digest_once(cast, mailoutbox):
    # Tests run tasks at once (the immediate backend); production queues them for `manage.py db_worker`.
    example(cast.network, title="Refused medicine", age=timedelta(weeks=5))
    for _ in range(2):
        out = io.StringIO()
        call_command("send_example_reminders", "--enqueue", stdout=out)
        assert "Queued example reminders as task" in out.getvalue()
    assert [message.to for message in mailoutbox] == [["f@example.org"]]
