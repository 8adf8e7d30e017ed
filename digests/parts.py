"""What a follower's weekly digest says about one network: an extension point, and its built-in parts.

A part is a heading and a provider: `provider(network, since, language)` returns the list of
DigestItems (a title and a full URL, optionally a detail line and the page the item names) that are
news in `network` since `since`, worded for a reader of `language` (the provider runs under that
language, and `network` is the version in the reader's language where there is one). Apps above
networks register parts of their own in their AppConfig.ready() with `register_part` (new examples
and anchorings, signed-off reports); networks registers its updates and upcoming gatherings the same
way (digests/apps.py). An item that names a page its follower may not view is left out by the
digest (digests/mail.py), so a provider need not know who reads.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.i18n import reader_page_url

UPCOMING = timedelta(days=14)


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    detail: str = ""
    page: Any = None  # the page the item names, if any: left out for a follower who may not view it


@dataclass(frozen=True)
class DigestPart:
    key: str
    heading: Any  # a lazily translated string
    provider: Any
    order: int = 100


_parts = {}


def register_part(key, heading, provider, order=100):
    """Add a part to every network's digest; parts are shown in `order`, then in registration order."""
    _parts[key] = DigestPart(key, heading, provider, order)


def parts():
    return sorted(_parts.values(), key=lambda part: part.order)


def network_news(network, since, language):
    """[{"key", "heading", "items"}] of the parts with news for `network`; empty when nothing is new."""
    found = []
    for part in parts():
        items = list(part.provider(network, since, language) or [])
        if items:
            found.append({"key": part.key, "heading": part.heading, "items": items})
    return found


def new_updates(network, since, language):
    """Updates first published since `since`, under any language version of the network, one per update:
    in the reader's language where it is translated."""
    from networks.models import NetworkPage, NetworkUpdatePage

    versions = NetworkPage.objects.filter(translation_key=network.translation_key).values_list("path", flat=True)
    under = Q()
    for path in versions:
        under |= Q(path__startswith=path)
    pages = (
        NetworkUpdatePage.objects.live()
        .filter(under, first_published_at__gt=since)
        .select_related("locale")
        .order_by("-date", "-first_published_at")
    )
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (page.locale.language_code == language and current.locale.language_code != language):
            chosen[page.translation_key] = page
    return [
        DigestItem(
            title=page.title,
            url=reader_page_url(page, language=language, full=True),
            detail=f"{page.get_kind_display()}, {date_format(page.date, 'DATE_FORMAT')}",
            page=page,
        )
        for page in chosen.values()
    ]


def upcoming_gatherings(network, since, language):
    """Gatherings that start within the next two weeks, linked to the network page's list."""
    now = timezone.now()
    gatherings = network.gatherings.filter(start__gte=now, start__lt=now + UPCOMING).order_by("start")
    page_url = reader_page_url(network, language=language, full=True)
    return [
        DigestItem(
            title=gathering.title,
            url=f"{page_url}#gatherings",
            detail=" · ".join(
                filter(None, [date_format(timezone.localtime(gathering.start), "DATETIME_FORMAT"), gathering.place])
            ),
        )
        for gathering in gatherings
    ]


def new_examples(network, since, language):
    """Examples the network's gatherings formulated since `since`, linked to their place on the network page."""
    from networks.anchoring import examples_since

    page_url = reader_page_url(network, language=language, full=True)
    return [
        DigestItem(title=example.title, url=f"{page_url}#example-{example.pk}", detail=example.description)
        for example in examples_since(network, since)
    ]


def new_anchorings(network, since, language):
    """Which units took an example home since `since`: "<unit>: <example>", in the reader's language's unit names."""
    from networks.anchoring import anchorings_since
    from portal.models import Organisation

    anchorings = list(anchorings_since(network, since))
    names = {}
    for organisation in Organisation.objects.filter(
        translation_key__in={row.unit_key for row in anchorings}
    ).select_related("locale"):
        if organisation.translation_key not in names or organisation.locale.language_code == language:
            names[organisation.translation_key] = organisation.name
    page_url = reader_page_url(network, language=language, full=True)
    return [
        DigestItem(
            title=f"{names.get(row.unit_key, '')}: {row.example.title}".lstrip(": "),
            url=f"{page_url}#example-{row.example_id}",
            detail=date_format(row.taken_up_on, "DATE_FORMAT"),
        )
        for row in anchorings
    ]


def new_reports(network, since, language):
    """Progress plans and final reports the teams' managers signed off since `since`: shared with the network."""
    from networks.teams.flow import reports_since
    from networks.teams.pages import PLAN_ROUTE

    page_url = reader_page_url(network, language=language, full=True)
    items, seen = [], set()
    for version in reports_since(network, since):
        plan = version.plan
        if plan.pk in seen:  # the newest signed-off version of each plan or report
            continue
        seen.add(plan.pk)
        route = network.reverse_subpage(PLAN_ROUTE, args=(plan.team_id, plan.kind))
        items.append(DigestItem(title=f"{plan.get_kind_display()}: {plan.team.name}", url=page_url + route))
    return items


def register_built_in_parts():
    register_part("updates", _("New updates"), new_updates, order=10)
    register_part("gatherings", _("Gatherings in the next two weeks"), upcoming_gatherings, order=20)
    register_part("examples", _("New examples to carry home"), new_examples, order=30)
    register_part("anchorings", _("Examples taken up at home"), new_anchorings, order=40)
    register_part("reports", _("Signed-off plans and reports"), new_reports, order=50)
