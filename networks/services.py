"""Small, testable helpers behind the network page: the word cloud and the calendar feed."""

from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from html.parser import HTMLParser

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

WORD_CLOUD_LEVELS = 5


@dataclass(frozen=True)
class CloudWord:
    phrase: str
    weight: int
    level: int  # 1 (smallest) to WORD_CLOUD_LEVELS (largest); the stylesheet maps it to a font size.

    @property
    def said_by(self):
        """"said by 3 participants", in the language active where it is shown. A property, not a
        {% blocktranslate count %} in the template's loop: the cloud and its list show it for every word."""
        return _said_by(get_language(), self.weight)


@lru_cache(maxsize=512)
def _said_by(language, weight):
    # Asked once per language and count in a process: ngettext tries each loaded catalogue's plural rule
    # in turn, and a cloud of forty words shown twice spent 7% of its network page there. `language` is
    # the active one (said_by passes it), so each answer is kept under the language it is in.
    return ngettext("said by %(counter)s participant", "said by %(counter)s participants", weight) % {
        "counter": weight
    }


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


# Rich text's block elements: each ends a line of the plain text, so agenda items do not run together.
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "br", "hr"}


class _Lines(HTMLParser):
    """Rich text as lines: a line per paragraph, heading and list item; list items start with "- " or "1. "."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.lists = [], [], []

    def end_line(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.end_line()
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li":
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            self.current.append(f"{kind[1]}. " if kind[0] == "ol" else "- ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.end_line()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()

    def handle_data(self, data):
        self.current.append(data)


def text_lines(html):
    """Rich text as plain text with a line per block (for calendar descriptions)."""
    parser = _Lines()
    parser.feed(html or "")
    parser.close()
    parser.end_line()
    return "\n".join(parser.lines)


def gatherings_calendar(network, gatherings, page_url=""):
    """An iCalendar (RFC 5545) file of a network's gatherings, with times in UTC.

    `page_url` is the network page's full address in the reader's language; each event links to its own
    gathering's page below it (where one answers whether one comes), or to the online meeting if it has one.
    """
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
            event.add("url", page_url + network.gathering_path(gathering))
        parts = [text_lines(gathering.agenda)]
        if text_lines(gathering.assignment):
            parts.append(
                _("Before the next gathering: %(assignment)s") % {"assignment": text_lines(gathering.assignment)}
            )
        description = "\n\n".join(part for part in parts if part)
        if description:
            event.add("description", description)
        calendar.add_component(event)
    return calendar.to_ical()
