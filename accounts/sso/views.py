"""The steps of signing in and out through the provider, as mozilla-django-oidc's views with Erfa's settings.

SignInView sends the reader to the provider; CallbackView takes them back (and says so when it failed);
provider_logout_url ends the provider's session too when OIDC_LOGOUT is on (RP-initiated logout), which
sends the reader back to logged_out and so to Erfa's login page.
"""

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from mozilla_django_oidc import views as oidc_views

from accounts.sso import discovery, provider_name

logger = logging.getLogger(__name__)


def _failed(request, error, next_url):
    """Signing in did not work (the provider refused, or did not answer): the login page says so, not an error page."""
    logger.warning("Single sign-on with %s failed: %s", settings.OIDC_ISSUER, error)
    messages.error(
        request,
        gettext("Signing in with %(provider)s did not succeed. Try again, or ask your IT support.")
        % {"provider": provider_name()},
    )
    return redirect_to_login(next_url or settings.LOGIN_REDIRECT_URL)


class _OnlyWithSingleSignOn:
    """Without OIDC_ISSUER the steps do not exist."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.SSO_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SignInView(_OnlyWithSingleSignOn, oidc_views.OIDCAuthenticationRequestView):
    def __init__(self, *args, **kwargs):
        # The parent reads the endpoint here; Erfa does it at the request (the provider may be down now).
        super(oidc_views.OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        try:
            return super().get(request)
        except requests.RequestException as error:
            return _failed(request, error, request.GET.get("next"))

    @property
    def OIDC_OP_AUTH_ENDPOINT(self):  # noqa: N802 - the parent's attribute name.
        return discovery.endpoint("authorization_endpoint")

    @property
    def OIDC_RP_CLIENT_ID(self):  # noqa: N802
        return settings.OIDC_RP_CLIENT_ID


class CallbackView(_OnlyWithSingleSignOn, oidc_views.OIDCAuthenticationCallbackView):
    @property
    def success_url(self):
        return self.request.session.get("oidc_login_next") or settings.LOGIN_REDIRECT_URL

    def get(self, request):
        try:
            return super().get(request)
        except requests.RequestException as error:
            return _failed(request, error, self.success_url)

    def login_failure(self):
        return _failed(self.request, "the sign-in was refused or not valid", self.success_url)


def provider_logout_url(request):
    """Where logging out sends the reader: the provider's end of session when Erfa signed them in with it."""
    id_token = request.session.get("oidc_id_token")
    end_session = None
    if settings.OIDC_LOGOUT and id_token:
        try:
            end_session = discovery.endpoint("end_session_endpoint")
        except requests.RequestException as error:  # Then at least Erfa's session ends.
            logger.warning("Single sign-on: no logout at %s: %s", settings.OIDC_ISSUER, error)
    if not end_session:
        return reverse(settings.LOGOUT_REDIRECT_URL)
    query = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("erfa_sso_logged_out")),
    }
    return f"{end_session}?{urlencode(query)}"


@never_cache
def logged_out(request):
    """Where the provider sends the reader after its own logout: Erfa's login page, in their language."""
    return redirect(settings.LOGOUT_REDIRECT_URL)


class LogoutView(_OnlyWithSingleSignOn, oidc_views.OIDCLogoutView):
    pass
