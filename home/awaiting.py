"""The home page's "Waiting for your sign-off": the plans and reports a manager's teams submitted to them.

The e-mail that asks a manager to sign off can be lost or read on another device; the front page is
where they look next. Each entry links to the plan on the network page in the reader's language (or
the version the listings show), where the manager signs off or sends back.

This part is the reader's own: home/apps.py registers it as a variant of the whole-page cache.
"""

from django.http import HttpRequest

from networks.models import NetworkPage
from networks.models.plans import State, TeamPlan
from networks.teams.pages import PLAN_ROUTE, url
from portal import compiled, fragments
from portal.i18n import localized_pages
from portal.visibility import visible_to


def waiting_for(user):
    """The plans and reports waiting for `user`'s sign-off, longest waiting first. A plan waits from its
    last save, the submission: nothing else saves a plan until the manager decides."""
    if user is None or not user.is_authenticated:
        return TeamPlan.objects.none()
    return TeamPlan.objects.filter(state=State.WAITING, team__manager=user).select_related("team").order_by("updated")


def awaiting_sign_off(locale, viewer):
    """[(plan, the URL of its page)] for the viewer (a request or a user). For a request, kept per *user*
    (their id is in the key) until anything changes (portal.fragments), as "Your networks" is."""
    user = getattr(viewer, "user", viewer)
    if user is None or not user.is_authenticated:
        return []
    if isinstance(viewer, HttpRequest):
        return fragments.shared(("home-awaiting", locale, user.pk), lambda: read_awaiting(locale, viewer), viewer)
    return read_awaiting(locale, viewer)


def read_awaiting(locale, viewer):
    """One query, and one more for a manager with plans waiting."""
    request = viewer if isinstance(viewer, HttpRequest) else None
    user = getattr(viewer, "user", viewer)
    # The same SQL for every manager, their id its parameter: compiled once (portal.compiled).
    plans = compiled.rows(("plans-waiting",), lambda: waiting_for(user), params=[State.WAITING, user.pk])
    if not plans:
        return []
    keys = {plan.team.network_key for plan in plans}
    networks = visible_to(localized_pages(NetworkPage.objects.live(), locale, english_next=True), viewer)
    by_key = {network.translation_key: network for network in networks.filter(translation_key__in=keys)}
    return [
        (plan, url(by_key[plan.team.network_key], request, PLAN_ROUTE, plan.team.pk, plan.kind))
        for plan in plans
        if plan.team.network_key in by_key
    ]
