"""The home page's "Your networks": the networks the reader follows (networks.following), works in as a
member or manager of one of its teams, or facilitates or speaks for, each with its next gathering.

This part is the reader's own, so it is kept per *user* (their id is in the fragment's key), never
shared with their permission class; following or unfollowing writes a row, which makes every kept
value stale (caching/). The whole-page cache keeps one home page per set of the reader's networks
(home/apps.py registers that variant).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, Subquery
from django.db.models.functions import Now
from django.http import HttpRequest
from django.utils import timezone

from networks.following import followed_keys
from networks.models import Gathering, NetworkFacilitator, NetworkPage, NetworkSpokesperson, Team
from people.models import ResourcePersonPage
from portal import compiled, fragments
from portal.i18n import localized_pages
from portal.visibility import visibility_key, visible_to

# Gatherings kept per network beyond the next one, so that one starting while the list is kept leaves another.
KEPT_PER_NETWORK = 3


def followed_networks(locale, viewer, now=None):
    """[(network, its next gathering or None)] for the networks the reader follows and may see."""
    user = getattr(viewer, "user", viewer)
    if user is None or not user.is_authenticated:
        return []
    if isinstance(viewer, HttpRequest):
        kept = fragments.shared(("home-followed", locale, user.pk), lambda: read_followed(locale, viewer), viewer)
    else:
        kept = read_followed(locale, viewer)
    now = now or timezone.now()
    return [
        (network, next((gathering for gathering in gatherings if gathering.start >= now), None))
        for network, gatherings in kept
    ]


def own_network_keys(user):
    """The translation keys of the reader's networks: followed, where they are in a team or manage one (a
    manager waiting to sign off a plan looks for its network here, whether or not they follow it), or where
    their profile (in any language) is a facilitator or spokesperson: a translated page's rows name the
    source language's profile, whose translations may carry the user (as in networks.evaluation)."""
    if user is None or not user.is_authenticated:
        return []

    def union():
        # In one query; a union takes no ordering, of its parts or (the default one) of its own.
        followed = followed_keys(user).order_by().values_list("network__translation_key", flat=True)
        teams = Team.objects.filter(Q(members=user) | Q(manager=user)).order_by().values_list("network_key", flat=True)
        # The reader's id through a subquery, which PostgreSQL estimates alike for every reader: compared
        # with the column directly, a reader without a profile got a cheaper plan of their own, so the
        # prepared statement was planned again on every view (1.2 ms of the front page's 2.4 in PostgreSQL).
        reader = Subquery(get_user_model().objects.filter(pk=user.pk).values("pk")[:1])
        profiles = ResourcePersonPage.objects.filter(user=reader).order_by().values("translation_key")
        roles = [
            model.objects.filter(person__translation_key__in=profiles).order_by().values_list("page__translation_key")
            for model in (NetworkFacilitator, NetworkSpokesperson)
        ]
        return followed.union(teams, *roles).order_by()

    # The SQL is the same for every reader, whose id is its every parameter: built and compiled once
    # (portal.compiled), so a later view builds no queryset either.
    keys = compiled.rows(("own-network-keys",), union, params=[user.pk] * _READER_IDS)
    return sorted(set(keys))


# How often the reader's id appears in own_network_keys' SQL: followed, team member, team manager, and the
# profiles of the facilitators and of the spokespersons. Should the SQL change, nothing is kept (a test says so).
_READER_IDS = 5


def read_followed(locale, viewer):
    user = getattr(viewer, "user", viewer)
    keys = own_network_keys(user)
    if not keys:
        return []

    def build_networks():
        networks = localized_pages(NetworkPage.objects.live(), locale, english_next=True)
        networks = visible_to(networks, viewer).filter(translation_key__in=keys)
        return networks.select_related("locale", "image").order_by("title")

    # Compiled once per process for these followed networks (portal.compiled): every name in the key.
    networks = compiled.rows(("followed", locale, visibility_key(viewer), tuple(keys)), build_networks)
    pks = tuple(network.pk for network in networks)
    upcoming = {}
    gatherings = compiled.rows(
        ("followed-gatherings", pks), lambda: Gathering.objects.filter(page__in=pks, start__gte=Now()).order_by("start")
    )
    for gathering in gatherings:
        kept = upcoming.setdefault(gathering.page_id, [])
        if len(kept) < KEPT_PER_NETWORK:
            kept.append(gathering)
    return [(network, upcoming.get(network.pk, [])) for network in networks]
