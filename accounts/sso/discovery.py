"""The provider's endpoints, from its discovery document (/.well-known/openid-configuration).

Read at the first sign-in rather than at start-up, so that Erfa starts while the provider is down; kept in
the process for an hour (providers rarely move their endpoints; a restart reads them again at once).
"""

import time

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

CACHE_SECONDS = 3600
_cache = {}


def document():
    issuer = settings.OIDC_ISSUER
    cached = _cache.get(issuer)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    url = f"{issuer}/.well-known/openid-configuration"
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    found = response.json()
    if found.get("issuer", "").rstrip("/") != issuer:
        raise ImproperlyConfigured(f"{url} names the issuer {found.get('issuer')!r}, not OIDC_ISSUER ({issuer!r}).")
    _cache[issuer] = (time.monotonic() + CACHE_SECONDS, found)
    return found


def endpoint(name):
    return document().get(name)


def forget():
    _cache.clear()
