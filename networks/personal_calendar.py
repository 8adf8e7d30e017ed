"""A person's own calendar address: the gatherings of the networks they follow or take part in.

Calendar apps subscribe without a session, so the address carries a secret: /calendar/<token>.ics
(outside the language prefix: an address is the person's, in their preferred language, whatever
language the page was read in). The token is an HMAC of a random nonce with the site's secret key;
the database keeps the nonce and the token's SHA-256 hash, never the token (CalendarSubscription).
"Create new address" draws a new nonce, which revokes the old address; "Stop the subscription"
deletes the row: either way the old address answers 404.

Only networks the person may see now are in the feed (portal.visibility, judged as for an e-mail
recipient: no session, so no page password is passed), each in their language where it is translated.
"""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from icalendar import Calendar

from networks import following, services
from networks.models.inlines import Gathering
from networks.models.network import NetworkPage
from networks.models.participation import CalendarSubscription, GatheringAttendance, GatheringResponse
from portal.i18n import localized_pages, preferred_language, reader_page_url
from portal.visibility import visible_to

ROUTE_NAME = "personal_calendar"
SECTION_KEY = "calendar"


def _token(nonce):
    digest = hmac.new(settings.SECRET_KEY.encode(), f"erfa-calendar:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def subscribe(user):
    """A new address for `user` (the old one, if any, stops working). Returns the token."""
    nonce = secrets.token_urlsafe(32)
    token = _token(nonce)
    CalendarSubscription.objects.update_or_create(user=user, defaults={"nonce": nonce, "token_hash": _hash(token)})
    return token


def unsubscribe(user):
    CalendarSubscription.objects.filter(user=user).delete()


def token_of(user):
    subscription = CalendarSubscription.objects.filter(user=user).first()
    return _token(subscription.nonce) if subscription else None


def user_of(token):
    subscription = CalendarSubscription.objects.filter(token_hash=_hash(token)).select_related("user").first()
    if subscription is None or not subscription.user.is_active:
        return None
    return subscription.user


def network_keys(user):
    """The translation keys of the networks `user` follows, has signed up for or was recorded at."""
    keys = set(following.followed_keys(user).values_list("network__translation_key", flat=True))
    keys |= set(
        GatheringResponse.objects.filter(user=user, answer=GatheringResponse.Answer.COMING).values_list(
            "network_key", flat=True
        )
    )
    keys |= set(GatheringAttendance.objects.filter(user=user).values_list("network_key", flat=True))
    return keys


def networks_for(user, language):
    """The networks of `user` they may see, one version each, in `language` where there is one."""
    pages = visible_to(NetworkPage.objects.filter(translation_key__in=network_keys(user)), user)
    return list(localized_pages(pages, language, english_next=True).order_by("title"))


def feed(user, request=None):
    """The user's calendar (bytes), in their preferred language."""
    language = preferred_language(user)
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", "-//Erfa//Your gatherings//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("Erfa: your gatherings"))
        networks = networks_for(user, language)
        rows = Gathering.objects.filter(page__in=networks).order_by("start")
        by_network = {}
        for gathering in rows:
            by_network.setdefault(gathering.page_id, []).append(gathering)
        for network in networks:
            gatherings = by_network.get(network.pk, [])
            if not gatherings:
                continue
            page_url = reader_page_url(network, request, language=language, full=True) or ""
            # The network's own feed makes the events (services.gatherings_calendar); this one gathers them.
            network_calendar = Calendar.from_ical(services.gatherings_calendar(network, gatherings, page_url=page_url))
            for event in network_calendar.walk("VEVENT"):
                calendar.add_component(event)
    return calendar.to_ical()


@login_not_required
@never_cache
def serve_feed(request, token):
    user = user_of(token)
    if user is None:
        raise Http404
    response = HttpResponse(feed(user, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="erfa-gatherings.ics"'
    return response


def feed_url(request, token):
    return request.build_absolute_uri(reverse(ROUTE_NAME, args=[token]))


def urlpatterns():
    return [path("calendar/<str:token>.ics", serve_feed, name=ROUTE_NAME)]


# The section on the reader's account page (accounts/account_page.py).


def section_context(request):
    token = token_of(request.user)
    return {"calendar_feed_url": feed_url(request, token) if token else ""}


def section_post(request):
    action = request.POST.get("action")
    if action == "stop":
        unsubscribe(request.user)
        messages.success(request, _("Your calendar subscription is stopped. The old address no longer works."))
    elif action == "renew":
        subscribe(request.user)
        messages.success(
            request, _("Your calendar has a new address. The old one no longer works: subscribe again with this one.")
        )
    else:
        subscribe(request.user)
        messages.success(request, _("Your calendar address is ready. Add it to your calendar app as a subscription."))
    return redirect(reverse("account") + f"#{SECTION_KEY}")
