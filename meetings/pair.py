"""A series' fields in the reader's language, and the rules a series follows (who may read, write, start).

A series keeps a copy of its pair's fields (MeetingSeries.fields). The labels and help texts are the
template's content: each reader sees them from the template's version in their language, found by the
field's block id, which wagtail-localize keeps in every translation; a field the template no longer has
keeps the copy's words.
"""

from datetime import timedelta

from django.http import Http404
from django.utils import timezone

from meetings.models import MeetingSeries
from methods.models import ShareableTemplatePage
from portal.i18n import reader_language

# Starting a series is cheap to do and fills the account page: a limit like the contact form's.
RATE_LIMIT = 10
RATE_WINDOW = timedelta(hours=1)


def is_rate_limited(user, now=None):
    since = (now or timezone.now()) - RATE_WINDOW
    return MeetingSeries.objects.filter(created_by=user, created__gte=since).count() >= RATE_LIMIT


def localized_fields(series, language=None):
    """The series' fields, with labels and help texts from the template's version in `language` (the reader's)."""
    words = {}
    if series.template_id is not None:
        version = (
            ShareableTemplatePage.objects.filter(
                translation_key=series.template.translation_key,
                locale__language_code=reader_language(language),
            )
            .only("meeting_pair")
            .first()
        )
        if version is not None:
            words = {field["key"]: field for field in version.meeting_fields()}
    fields = []
    for field in series.fields:
        found = words.get(field["key"], field)
        fields.append({**field, "label": found["label"], "help_text": found["help_text"]})
    return fields


def start_fields(template):
    """The copy of a pair's fields a new series keeps."""
    return template.meeting_fields()


def series_for_reader(user, series_id):
    """The series `user` may read, or 404: a private series does not exist for anyone else."""
    series = MeetingSeries.objects.visible_to(user).select_related("team", "template").filter(pk=series_id).first()
    if series is None:
        raise Http404
    return series


def meeting_of(series, meeting_id):
    meeting = series.meetings.select_related("before_edited_by", "after_edited_by").filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    meeting.series = series
    return meeting
