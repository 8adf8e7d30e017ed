"""Following a network: who follows it, and the button on the network page that starts or stops it.

A follow names the language version the reader followed, but it counts for every version of the
network (they share a translation key): the reader's home page lists the network in their own
language, and issue 15's digests reach every follower whichever version they clicked.

Only readers who may see a network may follow it (portal.visibility); whoever follows a network later
hidden from them keeps the row, but nothing lists it to them until they may see it again.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from networks.models.follow import NetworkFollow
from portal.i18n import reader_page_url
from portal.together import Part
from portal.visibility import visible_to

FOLLOW_ROUTE = "follow"


def followers(network):
    """The active users who follow `network`, in any of its language versions."""
    keys = NetworkFollow.objects.of_network(network).values("user_id")
    return get_user_model().objects.filter(is_active=True, pk__in=keys)


def followed_keys(user):
    """The translation keys of the networks `user` follows: a subquery for a listing's own query."""
    return NetworkFollow.objects.of_user(user).values("network__translation_key")


def is_following(user, network):
    return follows_key(user, network.translation_key)


def follows_key(user, translation_key):
    """Whether `user` follows the network of `translation_key` (any language version)."""
    if user is None or not user.is_authenticated:
        return False
    return NetworkFollow.objects.filter(user=user, network__translation_key=translation_key).exists()


def following_part(user, network):
    """The reader's follow of `network` as a part of the network page's one query (portal.together)."""
    if user is None or not user.is_authenticated:
        return Part([])
    return Part(NetworkFollow.objects.of_user(user).of_network(network))


def follow(user, network):
    if not is_following(user, network):
        NetworkFollow.objects.get_or_create(user=user, network=network)


def unfollow(user, network):
    NetworkFollow.objects.of_user(user).of_network(network).delete()


def may_follow(user, network, request=None):
    """Signed-in readers who may see the (live) network."""
    if user is None or not user.is_authenticated or not network.live:
        return False
    return visible_to(type(network).objects.filter(pk=network.pk), request or user).exists()


def respond(network, request):
    """The network page's follow/ route: POST action=follow or action=unfollow, then back to the page."""
    if not may_follow(request.user, network, request):
        raise PermissionDenied
    if request.method != "POST":
        # The button's address opened as a link goes to the network, not to an empty 405.
        return HttpResponseRedirect(reader_page_url(network, request))
    if request.POST.get("action") == "unfollow":
        unfollow(request.user, network)
        messages.success(request, _("You no longer follow %(network)s.") % {"network": network.title})
    else:
        follow(request.user, network)
        if network.has_ended():
            # No gathering is coming; the network's page keeps what it did (and its closing evaluation).
            message = _("You follow %(network)s. It has ended; your home page shows it with your other networks.")
        else:
            message = _("You follow %(network)s. Its next gatherings are shown on your home page.")
        messages.success(request, message % {"network": network.title})
    return HttpResponseRedirect(reader_page_url(network, request) or "/")
