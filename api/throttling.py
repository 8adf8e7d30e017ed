"""The rate limit: API_RATE_LIMIT requests per token (or per signed-in user for the session), answered 429.

The rate is read from the environment variable API_RATE_LIMIT (Django REST framework's form,
"600/hour"), or from a setting of that name where one is set (tests set one).
"""

import os

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle
from wagtail.models import APIToken

DEFAULT_RATE = "600/hour"


def rate():
    return getattr(settings, "API_RATE_LIMIT", None) or os.environ.get("API_RATE_LIMIT", "").strip() or DEFAULT_RATE


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # Read on each request rather than from REST_FRAMEWORK's rates, so that a changed setting applies.
        return rate()

    def get_cache_key(self, request, view):
        if isinstance(request.auth, APIToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None  # Refused anyway: only the signed-in get this far.
        return self.cache_format % {"scope": self.scope, "ident": ident}


def check_rate(app_configs=None, **kwargs):
    """A system check: a rate DRF cannot read would fail every API request, so start-up says so instead."""
    from django.core.checks import Error

    value = rate()
    try:
        number, period = value.split("/")
        valid = int(number) > 0 and period[:1] in {"s", "m", "h", "d"}
    except ValueError:
        valid = False
    if valid:
        return []
    hint = "Write it as <number>/<second|minute|hour|day>, for example 600/hour."
    return [Error(f"API_RATE_LIMIT {value!r} is not a rate.", hint=hint, id="api.E001")]
