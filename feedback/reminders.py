"""Open reports in the people app's review reminders (people/reminder_reasons.py).

A page with an open report is reminded even before its review date, and the reminder lists the
reports, so that a reader's "this is wrong" reaches the owner again until someone resolves it.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from feedback.models import Report
from people.reminder_reasons import ReminderReason

# One line of a report in the e-mail: enough to recognise it, the whole text is on the dashboard.
EXCERPT_LENGTH = 200


def page_ids_with_open_reports(today):
    return set(Report.objects.open().values_list("page_id", flat=True).distinct())


def excerpt(comment):
    text = " ".join(comment.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


def open_report_lines(page):
    reports = list(Report.objects.open().filter(page_id=page.pk).order_by("created", "pk"))
    if not reports:
        return []
    count = len(reports)
    lines = [
        ngettext("%(count)s open report from readers:", "%(count)s open reports from readers:", count)
        % {"count": count}
    ]
    lines += [
        _("%(date)s: %(comment)s") % {"date": date_format(report.created, "Y-m-d"), "comment": excerpt(report.comment)}
        for report in reports
    ]
    return lines


REASON = ReminderReason(key="feedback-open-reports", page_ids=page_ids_with_open_reports, details=open_report_lines)
