"""The rate limit: API_RATE_LIMIT requests per token (or per signed-in user for the session), answered 429."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle
from wagtail.models import APIToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # Read on each request rather than from REST_FRAMEWORK's rates, so that a changed setting applies.
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        if isinstance(request.auth, APIToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None  # Refused anyway: only the signed-in get this far.
        return self.cache_format % {"scope": self.scope, "ident": ident}
