"""The meeting series pages under /<language>/meetings/. Thin: the rules are in pair.py and the models.

Every answer is the reader's own (private series, their forms), so each is marked personal: never kept
by the page cache, nor by browsers or proxies (caching/personal.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caching.personal import personal, personal_route
from meetings import exports, sharing
from meetings.forms import STAMP, MeetingForm, PartForm, SharingForm, StartSeriesForm
from meetings.models import MeetingSeries
from meetings.pair import is_rate_limited, localized_fields, meeting_of, series_for_reader, start_fields
from methods.meeting_pair import AFTER, BEFORE
from methods.models import ShareableTemplatePage
from portal.i18n import reader_language, reader_page_url
from portal.visibility import visible_to

PARTS = {BEFORE: gettext_lazy("Before the meeting"), AFTER: gettext_lazy("After the meeting")}


def respond(request, template, context):
    return personal(render(request, template, context))


def participant_or_403(series, user):
    if not series.has_participant(user):
        raise PermissionDenied
    return True


@login_required
@personal_route
def my_series(request):
    series = MeetingSeries.objects.of_participant(request.user).select_related("team")
    return render(request, "meetings/my_series.html", {"series_list": series})


@login_required
@personal_route
def start(request, template_id):
    template = visible_to(ShareableTemplatePage.objects.live().filter(pk=template_id), request.user).first()
    if template is None or not template.is_meeting_pair:
        raise Http404
    form = StartSeriesForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if is_rate_limited(request.user):
            form.add_error(None, _("You have started many series in the last hour. Please try again later."))
        elif form.is_valid():
            with transaction.atomic():
                series = form.save_for(template, start_fields(template), reader_language())
            messages.success(request, _("The series “%(title)s” is started.") % {"title": series.title})
            return redirect("meetings:series", series.pk)
    context = {"template": template, "template_url": reader_page_url(template, request), "form": form}
    return render(request, "meetings/start.html", context)


@login_required
@personal_route
def series_page(request, series_id):
    series = series_for_reader(request.user, series_id)
    is_participant = series.has_participant(request.user)
    meeting_form, sharing_form = MeetingForm(), SharingForm(instance=series)
    if request.method == "POST":
        participant_or_403(series, request.user)
        if request.POST.get("action") == "share":
            sharing_form = SharingForm(request.POST, instance=series)
            if sharing_form.is_valid():
                sharing_form.save()
                messages.success(request, _("Sharing is saved."))
                return redirect("meetings:series", series.pk)
        else:
            meeting_form = MeetingForm(request.POST)
            if meeting_form.is_valid():
                meeting = meeting_form.save(commit=False)
                meeting.series = series
                meeting.save()
                return redirect("meetings:part", series.pk, meeting.pk, BEFORE)
    context = {
        "series": series,
        "meetings": list(series.meetings.all()),
        "participants": list(series.participants.order_by("first_name", "last_name", "username")),
        "is_participant": is_participant,
        "meeting_form": meeting_form,
        "sharing_form": sharing_form,
    }
    return render(request, "meetings/series.html", context)


def part_sections(meeting, fields, part):
    """[(field, value)] of a saved form, for reading."""
    answers = meeting.answers(part)
    return [(field, answers.get(field["key"])) for field in fields if field["part"] == part]


@login_required
@personal_route
def meeting_page(request, series_id, meeting_id):
    series = series_for_reader(request.user, series_id)
    meeting = meeting_of(series, meeting_id)
    fields = localized_fields(series)
    context = {
        "series": series,
        "meeting": meeting,
        "is_participant": series.has_participant(request.user),
        "carried": meeting.next_steps_from_last(),
        "parts": [
            (part, PARTS[part], part_sections(meeting, fields, part), *meeting.edited(part)) for part in (BEFORE, AFTER)
        ],
        "may_share": sharing.has_learning(meeting),
    }
    return render(request, "meetings/meeting.html", context)


def stamp_of(meeting, part):
    edited_at = meeting.edited(part)[1]
    return edited_at.isoformat() if edited_at else ""


@login_required
@personal_route
def part_page(request, series_id, meeting_id, part):
    if part not in PARTS:
        raise Http404
    series = series_for_reader(request.user, series_id)
    participant_or_403(series, request.user)
    meeting = meeting_of(series, meeting_id)
    fields = [field for field in localized_fields(series) if field["part"] == part]
    carried = meeting.steps_to_carry() if part == BEFORE else None
    kwargs = {"fields": fields, "answers": meeting.answers(part), "stamp": stamp_of(meeting, part), "carried": carried}
    form = PartForm(request.POST or None, **kwargs)
    conflict = False
    if request.method == "POST" and form.is_valid():
        if form.is_stale():
            # Keep the writer's text, now against the newer save, and show them what the other one wrote.
            conflict = True
            data = request.POST.copy()
            data[STAMP] = kwargs["stamp"]
            form = PartForm(data, **kwargs)
        else:
            save_part(meeting, part, form, request.user)
            messages.success(request, _("Saved. Everyone in the series sees it."))
            return redirect("meetings:meeting", series.pk, meeting.pk)
    context = {
        "series": series,
        "meeting": meeting,
        "part": part,
        "part_title": PARTS[part],
        "form": form,
        "conflict": conflict,
        "saved": part_sections(meeting, fields, part) if conflict else [],
        "edited_by": meeting.edited(part)[0],
        "edited_at": meeting.edited(part)[1],
    }
    return render(request, "meetings/part.html", context)


def save_part(meeting, part, form, user):
    now = timezone.now()
    if part == BEFORE:
        meeting.before, meeting.before_edited_by, meeting.before_edited_at = form.answers(), user, now
        steps = form.carried_steps()
        if steps is not None:
            meeting.carried_steps = steps
    else:
        meeting.after, meeting.after_edited_by, meeting.after_edited_at = form.answers(), user, now
    meeting.save()


@login_required
def share_learning(request, series_id, meeting_id):
    series = series_for_reader(request.user, series_id)
    participant_or_403(series, request.user)
    meeting = meeting_of(series, meeting_id)
    if request.method != "POST":
        # The button's address opened as a link goes to the meeting, not to an empty 405.
        return redirect("meetings:meeting", series.pk, meeting.pk)
    if not sharing.has_learning(meeting):
        messages.error(request, _("Fill in the “after” form first: there is nothing to share yet."))
        return personal(redirect("meetings:meeting", series.pk, meeting.pk))
    draft = sharing.start_learning_draft(meeting, request.user, reader_language())
    return personal(redirect(draft.get_edit_url()))


@login_required
def export(request, series_id, meeting_id, kind):
    series = series_for_reader(request.user, series_id)
    if not series.has_participant(request.user):
        raise Http404
    meeting = meeting_of(series, meeting_id)
    if kind not in exports.EXPORTS:
        raise Http404
    content_type, build = exports.EXPORTS[kind]
    body = build(meeting, localized_fields(series), request)
    response = HttpResponse(body, content_type=content_type)
    name = f"{meeting.date.isoformat()}-{exports.slug(meeting.title)}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return personal(response)
