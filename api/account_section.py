"""The "API tokens" section of the reader's account page: list, create (the secret shown once) and revoke.

The secret exists only in the answer to the form that created it: the page is rendered straight from
that POST (never stored, never cached: the account page is never_cache), not after a redirect, so it
never passes through a message or the session.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import APIToken

from accounts import account_page

KEY = "api-tokens"
MAX_TOKENS = 20
MAX_NAME_LENGTH = 100
_NEW_TOKEN = "_erfa_new_api_token"  # noqa: S105 - an attribute name, not a secret.


def live_tokens(user):
    return APIToken.objects.filter(user=user, revoked_at__isnull=True)


def context(request):
    return {
        "tokens": live_tokens(request.user).order_by("-created", "-pk"),
        "new_token": getattr(request, _NEW_TOKEN, None),
        "max_name_length": MAX_NAME_LENGTH,
    }


def create(request):
    name = request.POST.get("name", "").strip()[:MAX_NAME_LENGTH]
    if not name:
        messages.error(request, _("Give the token a name, so that you can tell your tokens apart."))
        return None
    if live_tokens(request.user).count() >= MAX_TOKENS:
        messages.error(request, _("You have as many tokens as you may. Revoke one you no longer use first."))
        return None
    token, raw = APIToken.create_token(user=request.user, name=name)
    setattr(request, _NEW_TOKEN, {"name": token.name, "secret": raw})
    parts = [(section, section.context(request)) for section in account_page.sections()]
    return render(request, "accounts/account.html", {"parts": parts})


def revoke(request):
    token = live_tokens(request.user).filter(pk=request.POST["token"]).first()
    if token is not None:
        token.revoke()
        messages.success(request, _("The token is revoked. Programs that use it can no longer read the API."))
    return redirect(account_page.ROUTE_NAME)


def post(request):
    action = request.POST.get("action")
    if action == "create":
        return create(request)
    if action == "revoke":
        token = request.POST.get("token") or ""
        if not (token.isascii() and token.isdigit() and len(token) <= 18):
            return redirect(account_page.ROUTE_NAME)  # No token of theirs has such a number.
        return revoke(request)
    return redirect(account_page.ROUTE_NAME)


SECTION = account_page.Section(
    key=KEY,
    title=gettext_lazy("API tokens"),
    template="api/account_tokens.html",
    order=50,
    context=context,
    post=post,
)
