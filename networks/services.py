"""Small, testable helpers behind the network page: the word cloud, the calendar feed, and safe person lookups."""

from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from portal.visibility import can_list, visible_to

WORD_CLOUD_LEVELS = 5


@dataclass(frozen=True)
class CloudWord:
    phrase: str
    weight: int
    level: int  # 1 (smallest) to WORD_CLOUD_LEVELS (largest); the stylesheet maps it to a font size.


def word_cloud(expectations, levels=WORD_CLOUD_LEVELS):
    """Words for a cloud: the heaviest in the middle, lighter ones alternating outwards.

    Levels scale linearly between the lightest and the heaviest phrase, so a cloud of
    weights 1–3 still uses the whole range of sizes.
    """
    by_weight = sorted(expectations, key=lambda e: (-e.weight, e.phrase.casefold()))
    if not by_weight:
        return []
    heaviest, lightest = by_weight[0].weight, by_weight[-1].weight
    spread = heaviest - lightest
    arranged = deque()
    for position, expectation in enumerate(by_weight):
        # With equal weights every word gets the middle size.
        level = 1 + round((expectation.weight - lightest) * (levels - 1) / spread) if spread else (levels + 1) // 2
        word = CloudWord(expectation.phrase, expectation.weight, level)
        # Alternate sides so the cloud is balanced around the heaviest words.
        if position % 2:
            arranged.appendleft(word)
        else:
            arranged.append(word)
    return list(arranged)


def word_list(cloud):
    """The same words as the cloud, most-mentioned first, for reading as a list."""
    return sorted(cloud, key=lambda word: (-word.weight, word.phrase.casefold()))


def related_or_none(obj, field_name):
    """A foreign key's target, or None when it is empty or points at a row that no longer exists.

    A preview or an old revision can still carry the id of a deleted profile.
    """
    try:
        return getattr(obj, field_name)
    except ObjectDoesNotExist:
        return None


def rows_with_visible_people(rows, viewer):
    """Inline rows whose person the viewer may see listed (portal.visibility), in the rows' own query.

    A preview's rows are modelcluster's in-memory lists, checked one by one instead.
    """
    if isinstance(rows, QuerySet):
        person_model = rows.model._meta.get_field("person").related_model
        return rows.filter(person__in=visible_to(person_model.objects.all(), viewer))
    return [row for row in rows if can_list(related_or_none(row, "person"), viewer)]


def live_person(row):
    person = related_or_none(row, "person")
    return person if person is not None and person.live else None


def localize_people(people, locale_id, queryset):
    """Swap profiles for their translation in the page's locale where one is live, in a single query.

    Page links in translated inline rows still point at the source language's profiles.
    """
    foreign_keys = {person.translation_key for person in people if person.locale_id != locale_id}
    if not foreign_keys:
        return list(people)
    translations = {
        person.translation_key: person
        for person in queryset.live().filter(locale_id=locale_id, translation_key__in=foreign_keys)
    }
    return [translations.get(person.translation_key, person) for person in people]


def plain_text(html):
    return unescape(strip_tags(html or "")).strip()


def gatherings_calendar(network, gatherings, page_url=""):
    """An iCalendar (RFC 5545) file of a network's gatherings, with times in UTC."""
    calendar = Calendar()
    calendar.add("prodid", "-//Erfa//Network gatherings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", network.title)
    stamp = (network.last_published_at or datetime.now(UTC)).astimezone(UTC)
    for gathering in gatherings:
        event = Event()
        # Translations of a gathering share its translation key, so a calendar keeps one event per gathering.
        event.add("uid", f"{gathering.translation_key}@erfa")
        event.add("dtstamp", stamp)
        event.add("dtstart", gathering.start.astimezone(UTC))
        event.add("dtend", gathering.end.astimezone(UTC))
        event.add("summary", f"{network.title}: {gathering.title}")
        location = gathering.place or gathering.online_link
        if location:
            event.add("location", location)
        if gathering.online_link:
            event.add("url", gathering.online_link)
        elif page_url:
            event.add("url", page_url)
        parts = [plain_text(gathering.agenda)]
        if plain_text(gathering.assignment):
            parts.append(
                _("Before the next gathering: %(assignment)s") % {"assignment": plain_text(gathering.assignment)}
            )
        description = "\n\n".join(part for part in parts if part)
        if description:
            event.add("description", description)
        calendar.add_component(event)
    return calendar.to_ical()
