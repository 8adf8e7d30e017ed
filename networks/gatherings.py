"""The rules of taking part in a gathering: who may do what, and when.

Who: a gathering's page is a route of its network page, so Wagtail has already let the reader in (a
signed-in employee who passes the network's view restrictions: portal.middleware and the page's own
restrictions). Every such reader may sign up or decline, and comment: a network is open to whoever
may see it, as following it is (networks/following.py); members are not a closed list of users.
Only the network's facilitators (NetworkFacilitator.facilitates) record attendance and hide comments
and cloud words; nobody else, not even an administrator, whose place is the admin.

When: answers are taken until the gathering starts; agenda comments too ("before the meeting");
attendance is recorded from its start; minutes are shown, and discussed, once it has ended.
"""

import re
from datetime import timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation

from networks import services
from networks.models.inlines import NetworkFacilitator
from networks.models.participation import (
    GatheringAttendance,
    GatheringComment,
    GatheringResponse,
    HiddenCloudWord,
)
from portal.languages import base_code

COMMENT_LIMIT = 20
COMMENT_WINDOW = timedelta(hours=1)
GATHERING_ROUTE = "gathering"
# services.text_lines starts list items with "- " or "1. ".
_LIST_MARKER = re.compile(r"^(?:- |\d+\. )")


def find(network, key):
    """The network page's row of the gathering with translation key `key`, or 404."""
    gathering = network.gatherings.filter(translation_key=key).first()
    if gathering is None:
        raise Http404
    return gathering


def language():
    return base_code(translation.get_language()) or "en"


def has_started(gathering, now=None):
    return (now or timezone.now()) >= gathering.start


def has_ended(gathering, now=None):
    return (now or timezone.now()) >= gathering.end


def facilitates(user, network):
    return NetworkFacilitator.facilitates(user, network)


def may_take_part(user):
    return user is not None and user.is_authenticated and user.is_active


def answers_open(gathering, now=None):
    return not has_started(gathering, now)


def comments_open(gathering, topic, now=None):
    if topic == GatheringComment.Topic.AGENDA:
        return not has_started(gathering, now)
    return has_ended(gathering, now) and bool(gathering.minutes)


def agenda_items(gathering):
    """The agenda's lines without their list markers: what a comment may name."""
    items = [_LIST_MARKER.sub("", line).strip()[:200] for line in services.text_lines(gathering.agenda).splitlines()]
    return [item for item in items if item]


def respond(user, network, gathering, *, answer, note="", expectations=""):
    response, _ = GatheringResponse.objects.update_or_create(
        gathering_key=gathering.translation_key,
        user=user,
        defaults={
            "network_key": network.translation_key,
            "answer": answer,
            "note": note,
            # Expectations come with a yes; a "no" keeps none, so the cloud holds only participants' words.
            "expectations": expectations if answer == GatheringResponse.Answer.COMING else "",
            "language": language(),
        },
    )
    return response


def is_rate_limited(user, now=None):
    since = (now or timezone.now()) - COMMENT_WINDOW
    return GatheringComment.objects.filter(author=user, created__gte=since).count() >= COMMENT_LIMIT


def add_comment(user, network, gathering, *, topic, body, agenda_item=""):
    return GatheringComment.objects.create(
        gathering_key=gathering.translation_key,
        network_key=network.translation_key,
        author=user,
        topic=topic,
        agenda_item=agenda_item,
        body=body,
        language=language(),
    )


def set_hidden(comment, hidden, by):
    comment.hidden = hidden
    comment.hidden_by = by if hidden else None
    comment.save(update_fields=["hidden", "hidden_by"])


def comments(gathering, viewer_facilitates):
    rows = GatheringComment.objects.of_gathering(gathering).select_related("author")
    return rows if viewer_facilitates else rows.filter(hidden=False)


def responses(gathering):
    return (
        GatheringResponse.objects.of_gathering(gathering)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def attendees(gathering):
    # By name, as the attendance form's checkboxes list them.
    rows = GatheringAttendance.objects.of_gathering(gathering).select_related("user")
    return rows.order_by("user__first_name", "user__last_name", "user__username")


def attendance_people(gathering):
    """The users the facilitator's attendance form offers a box: who said they are coming, and who is recorded.

    Both the page and a refused POST of the form build the boxes here, so the list a facilitator ticked is the
    list they see again with the error. Who declined is not offered; if they came after all, "others" adds them
    and from then on they are recorded, so they keep a box.
    """
    coming = responses(gathering).filter(answer=GatheringResponse.Answer.COMING)
    people = {row.user.pk: row.user for row in coming}
    people |= {row.user.pk: row.user for row in attendees(gathering)}
    return list(people.values())


@transaction.atomic
def record_attendance(network, gathering, present, by):
    """Make exactly `present` (users) the recorded attendance of the gathering."""
    present = {user.pk: user for user in present}
    rows = GatheringAttendance.objects.of_gathering(gathering)
    rows.exclude(user_id__in=present).delete()
    known = set(rows.values_list("user_id", flat=True))
    GatheringAttendance.objects.bulk_create(
        GatheringAttendance(
            gathering_key=gathering.translation_key, network_key=network.translation_key, user=user, recorded_by=by
        )
        for pk, user in present.items()
        if pk not in known
    )


def hide_cloud_word(network, phrase, by):
    HiddenCloudWord.objects.get_or_create(
        network_key=network.translation_key, phrase=phrase.casefold()[:100], defaults={"hidden_by": by}
    )


def show_cloud_word(network, phrase):
    HiddenCloudWord.objects.filter(network_key=network.translation_key, phrase=phrase.casefold()).delete()
