"""One-click unfollow from a digest e-mail: a signed link that needs no session.

The link carries the user's id and the translation keys of the networks it stops, signed with the
site's secret (django.core.signing), so it works from any mail client without signing in and only
ever for the user it was made for. GET shows a confirm button (link checkers and previews fetch
links; they must not unfollow), POST unfollows. Mail clients that offer RFC 8058 one-click
unsubscribing POST "List-Unsubscribe=One-Click" to the same URL without a CSRF token, so the view
is CSRF-exempt: the signature is what authorises it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from networks.models import NetworkFollow, NetworkPage

SALT = "networks.unfollow"
MAX_AGE = 60 * 60 * 24 * 365  # a year: old digests keep working for a while
URL_NAME = "network_unfollow"


def make_token(user, keys):
    return signing.dumps({"u": user.pk, "k": sorted(str(key) for key in keys)}, salt=SALT, compress=True)


def read_token(token):
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None, []
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    return user, list(data.get("k") or [])


def unfollow_path(user, keys, language):
    with translation.override(language):
        return reverse(URL_NAME, kwargs={"token": make_token(user, keys)})


def network_titles(keys, language):
    """One title per network, in `language` where there is that version."""
    titles = {}
    for page in NetworkPage.objects.filter(translation_key__in=keys).select_related("locale").order_by("pk"):
        key = str(page.translation_key)
        if key not in titles or page.locale.language_code == language:
            titles[key] = page.title
    return sorted(titles.values())


# The intranet asks everyone to sign in (portal/middleware.py); this link is the one exception, its
# signature standing in for the session.
@login_not_required
@csrf_exempt
@never_cache
def unfollow_view(request, token):
    user, keys = read_token(token)
    if user is None or not keys:
        raise Http404("This unfollow link is not valid.")
    follows = NetworkFollow.objects.filter(user=user, network__translation_key__in=keys)
    titles = network_titles(keys, translation.get_language())
    done = False
    if request.method == "POST":
        follows.delete()
        done = True
    return TemplateResponse(
        request,
        "digests/unfollow.html",
        {"titles": titles, "done": done, "following": done or follows.exists()},
    )


urlpatterns = [path("networks/unfollow/<str:token>/", unfollow_view, name=URL_NAME)]
