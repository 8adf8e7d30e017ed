import io
from datetime import date, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from methods.factories import ShareableTemplatePageFactory
from people.factories import ResourcePersonPageFactory
from people.review_reminders import REMINDER_ACTION, send_review_reminders


def at(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=9))


@pytest.fixture
def owner(people_index):
    return ResourcePersonPageFactory(parent=people_index, title="Signe Berg", email="signe@example.org")


def test_reminders_catch_up_and_do_not_repeat_within_seven_days(library, owner, mailoutbox):
    overdue = ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    ShareableTemplatePageFactory(
        parent=library, title="Fresh agenda", content_owner=owner, last_reviewed=date(2026, 3, 1)
    )
    # Due on 2026-01-01; the job did not run until March: the first run still reminds.
    sent = send_review_reminders(now=at(date(2026, 3, 10)))
    assert [(email, [p.title for p in pages]) for email, pages in sent] == [("signe@example.org", ["Old agenda"])]
    assert len(mailoutbox) == 1
    assert "Old agenda" in mailoutbox[0].body
    assert PageLogEntry.objects.filter(page=overdue, action=REMINDER_ACTION).count() == 1

    # The same day and six days later: nothing new.
    assert send_review_reminders(now=at(date(2026, 3, 10))) == []
    assert send_review_reminders(now=at(date(2026, 3, 16))) == []
    assert len(mailoutbox) == 1
    # A week on, still overdue: reminded again.
    assert len(send_review_reminders(now=at(date(2026, 3, 17)))) == 1
    assert len(mailoutbox) == 2


def test_the_command_reports_and_refuses_bad_dates(library, owner, mailoutbox):
    ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    out = io.StringIO()
    call_command("send_review_reminders", "--dry-run", stdout=out)
    assert "Would remind signe@example.org about 1 page(s): Old agenda" in out.getvalue()
    assert mailoutbox == []
    call_command("send_review_reminders", stdout=out)
    assert len(mailoutbox) == 1
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_review_reminders", "--today", "tomorrow", stdout=out)


def test_the_reminder_task_runs_through_the_task_backend(library, owner, mailoutbox, settings):
    from people.review_reminders import send_review_reminders_task as task

    ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    result = task.enqueue()
    assert result.return_value == [["signe@example.org", [library.get_children().get().pk]]]
    assert len(mailoutbox) == 1
