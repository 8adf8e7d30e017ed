"""Reasons to remind a content owner beyond the review date: an extension point for the apps above.

people/review_reminders.py reminds about overdue pages. An app above (feedback: open reports from
readers) registers a `ReminderReason` in its AppConfig.ready(): `page_ids(today)` names further pages
that need their owner now, even if not overdue, and `details(page)` gives lines the reminder lists
under that page, called in the recipient's language (translation active), for pages of any reason.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReminderReason:
    key: str
    page_ids: Callable = field(default=lambda today: ())
    details: Callable = field(default=lambda page: [])


_reasons = {}


def register_reminder_reason(reason):
    _reasons[reason.key] = reason


def reminder_reasons():
    return [_reasons[key] for key in sorted(_reasons)]


def extra_page_ids(today):
    ids = set()
    for reason in reminder_reasons():
        ids.update(reason.page_ids(today))
    return ids


def page_details(page):
    return [line for reason in reminder_reasons() for line in reason.details(page)]
