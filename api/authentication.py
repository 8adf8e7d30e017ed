"""Who is asking: a personal token (`Authorization: Bearer <token>`), or the signed-in session.

Tokens are Wagtail's own (wagtail.models.APIToken: only an HMAC of the secret is stored, revoked
tokens keep their row with `revoked_at`); the owner makes and revokes them on the account page
(api/account_section.py). The session serves the portal's own JavaScript on the same origin; Django
REST framework's SessionAuthentication asks it for the CSRF token on unsafe methods (the API has none).
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from wagtail.models import APIToken

# "Last used" is written at most this often per token: one UPDATE a minute, not one per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def find_token(raw):
    """The live token with this secret (under the current or a fallback SECRET_KEY), or None: one query."""
    if not APIToken.validate_token_format(raw):
        return None  # Not a token at all: no query.
    return (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(raw), revoked_at__isnull=True)
        .first()
    )


def stamp(token):
    """Record that the token was used, cheaply: an UPDATE without signals, so no cached page is dropped."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header must be “Bearer” and one token."))
        try:
            raw = header[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from error
        token = find_token(raw)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This token is not valid."))
        stamp(token)
        return token.user, token

    def authenticate_header(self, request):
        # Present, so that a request without credentials is answered 401 (with this challenge), not 403.
        return f'{self.keyword} realm="api"'
