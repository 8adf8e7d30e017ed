"""Small, testable helpers behind the network page: the word cloud and the calendar feed."""

from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

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
