"""What the login pages and the header need to know about single sign-on."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

from accounts.sso import provider_name

register = template.Library()


@register.simple_tag
def single_sign_on(next_url=""):
    """{'enabled', 'provider', 'url' (with ?next=), 'local_accounts', 'logout_url'} for the templates."""
    if not settings.SSO_ENABLED:
        return {"enabled": False, "local_accounts": True, "logout_url": reverse("logout")}
    url = reverse("oidc_authentication_init")
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return {
        "enabled": True,
        "provider": provider_name(),
        "url": url,
        "local_accounts": settings.LOCAL_ACCOUNTS,
        "logout_url": reverse("oidc_logout"),
    }
