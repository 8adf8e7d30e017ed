"""The anchoring tracker's rules: who records what, the units an example goes to, and what is new.

- The network's facilitators and spokespersons record the examples a gathering formulated.
- A spokesperson records anchoring for their own unit only: the member organisation they speak for
  (NetworkSpokesperson.organisation). Nobody records for another unit, facilitators included.
- Roles count across languages: a profile and a network match by translation key, as in
  NetworkFacilitator.facilitates.

The optional case-study link of an anchoring is an extension point: case studies sit above networks,
so the app that has them registers `register_link_choices(provider)` in its AppConfig.ready();
provider(network, request) returns the pages a spokesperson may link to. Without a provider the
field is not offered. Only pages the reader may see are offered or accepted (portal.visibility).
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Q
from wagtail.models import Page

from networks.models.examples import Anchoring, Example
from networks.models.inlines import NetworkFacilitator, NetworkSpokesperson
from people.models import ResourcePersonPage
from portal.models import Organisation
from portal.together import Part
from portal.visibility import visible_to

_link_choices = []


def register_link_choices(provider):
    """provider(network, request) -> a queryset of pages an anchoring may link to (case studies)."""
    if provider not in _link_choices:
        _link_choices.append(provider)


def link_choices(network, request):
    """The pages on offer for the link, visible to the reader; None when no app offers any."""
    if not _link_choices:
        return None
    allowed = Q(pk__in=[])
    for provider in _link_choices:
        allowed |= Q(pk__in=provider(network, request).values("pk"))
    return visible_to(Page.objects.filter(allowed), request).order_by("title")


def _profile_keys(user):
    return ResourcePersonPage.objects.filter(user=user).values("translation_key")


def _signed_in(user):
    return user is not None and getattr(user, "pk", None) and user.is_active


def spokesperson_rows(user, network):
    """The user's spokesperson rows in any language version of `network`."""
    if not _signed_in(user):
        return NetworkSpokesperson.objects.none()
    return NetworkSpokesperson.objects.filter(
        page__translation_key=network.translation_key,
        person__translation_key__in=_profile_keys(user),
        organisation__isnull=False,
    )


def own_units(user, network):
    """The translation keys of the units (member organisations) the user speaks for in `network`."""
    return set(spokesperson_rows(user, network).values_list("organisation__translation_key", flat=True))


def may_record_example(user, network):
    return bool(_signed_in(user)) and (
        NetworkFacilitator.facilitates(user, network) or spokesperson_rows(user, network).exists()
    )


def may_anchor(user, network, unit_key):
    return unit_key in own_units(user, network)


@dataclass(frozen=True)
class Role:
    """The reader's part in the tracker, shown as buttons on the network page."""

    records_examples: bool = False
    units: frozenset = frozenset()

    def as_key(self):
        """A stable value for the page cache's key (a set's repr may vary in order)."""
        return (self.records_examples, tuple(sorted(str(key) for key in self.units)))


def role_parts(viewer, network):
    """The reader's roles as parts of the network page's one query (portal.together)."""
    user = getattr(viewer, "user", None)
    if not _signed_in(user) or not network.pk:
        return {}
    profiles = _profile_keys(user)
    facilitating = NetworkFacilitator.objects.filter(
        page__translation_key=network.translation_key, person__translation_key__in=profiles
    )
    spoken_for = Organisation.objects.filter(
        translation_key__in=spokesperson_rows(user, network).values("organisation__translation_key")
    )
    return {"my_facilitating": Part(facilitating), "my_units": Part(spoken_for, ("translation_key",))}


def role_from(found):
    units = frozenset(organisation.translation_key for organisation in found.get("my_units", []))
    return Role(records_examples=bool(found.get("my_facilitating")) or bool(units), units=units)


def role_of(user, translation_key):
    """The same Role as role_from, read directly for the network of `translation_key`: the page cache
    keeps the network page per reader's role (networks/apps.py). None of it for anonymous readers."""
    if not _signed_in(user):
        return Role()
    network = SimpleNamespace(translation_key=translation_key)
    units = frozenset(own_units(user, network))
    records = bool(units) or NetworkFacilitator.facilitates(user, network)
    return Role(records_examples=records, units=units)


EXAMPLE_FIELDS = ("gathering_key", "title", "description", "language", "created")
ANCHORING_FIELDS = ("example", "unit_key", "taken_up_on", "group_said", "case_study", "reflection", "language")


# The names example_parts reads under.
EXAMPLE_PARTS = ("examples", "anchorings", "anchoring_links")


def example_parts(network, viewer):
    """The examples, their anchorings and the linked pages the reader may see, for fetch_together: the
    same for every reader of one permission class. The reader's own part comes from role_parts."""
    if not network.pk:
        return {}
    anchorings = Anchoring.objects.filter(example__network_key=network.translation_key)
    linked = visible_to(Page.objects.filter(pk__in=anchorings.values("case_study_id")), viewer)
    return {
        "examples": Part(Example.objects.filter(network_key=network.translation_key), EXAMPLE_FIELDS),
        "anchorings": Part(anchorings, ANCHORING_FIELDS),
        "anchoring_links": Part(linked, ("title", "url_path", "locale")),
    }


def tracker(found, members, gatherings, anchor_url):
    """Per example, each member unit with its anchoring or None, in the members' order.

    anchor_url(example, unit_key) is the reader's link to record their own unit's anchoring.
    """
    links = {page.pk: page for page in found.get("anchoring_links", [])}
    by_example = {}
    for anchoring in found.get("anchorings", []):
        anchoring.linked_page = links.get(anchoring.case_study_id)
        by_example.setdefault(anchoring.example_id, {})[anchoring.unit_key] = anchoring
    gathering_titles = {gathering.translation_key: gathering.title for gathering in gatherings}
    role = role_from(found)
    rows = []
    for example in found.get("examples", []):
        anchored = by_example.get(example.pk, {})
        units, seen = [], set()
        for member in members:
            key = member["organisation"].translation_key
            if key in seen:  # an organisation that sends two teams is still one unit
                continue
            seen.add(key)
            mine = key in role.units
            units.append(
                {
                    "key": key,
                    "name": member["organisation"].name,
                    "anchoring": anchored.get(key),
                    "mine": mine,
                    "anchor_url": anchor_url(example, key) if mine else "",
                }
            )
        rows.append(
            {
                "example": example,
                "gathering": gathering_titles.get(example.gathering_key, ""),
                "units": units,
                "anchored_count": sum(1 for unit in units if unit["anchoring"]),
            }
        )
    return {"examples": rows, "anchoring_role": role}


def examples_since(network, since):
    """The network's examples recorded at or after `since` (any language version of it), oldest first.

    The caller decides who may read them: they belong to the network page and its view restrictions.
    """
    return Example.objects.filter(network_key=network.translation_key, created__gte=since).order_by("created", "pk")


def anchorings_since(network, since):
    """The anchorings recorded at or after `since` for the network's examples, with their examples."""
    return (
        Anchoring.objects.filter(example__network_key=network.translation_key, recorded__gte=since)
        .select_related("example")
        .order_by("recorded", "pk")
    )
