"""The authentication backends: passwords (unless switched off) and the identity provider.

LocalAccountsBackend is Django's ModelBackend while LOCAL_ACCOUNTS is on. Switched off, it refuses every
password with a message saying where to sign in instead, except an administrator's at the admin's login:
the emergency path while the provider is down (still behind the admin's second factor and the lock-outs).

SingleSignOnBackend is mozilla-django-oidc's, with the endpoints from discovery and Erfa's idea of a user:
found by the provider's subject, created at the first sign-in, refreshed (names, e-mail, roles) at each.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts.models import SingleSignOnIdentity
from accounts.sso import discovery, profiles, provider_name, roles
from portal import compiled

USERNAME_MAX_LENGTH = 150


def _at_admin_login(request):
    return request is not None and request.path_info == reverse("wagtailadmin_login")


def user_by_id(user_model, user_id):
    """The user whose primary key the session holds, or None.

    Every signed-in request loads its user (Django's get_user asks the backend that signed them in), and
    the ORM compiles that one-row query afresh each time, which costs more than running it: the SQL is
    compiled once per process instead (portal.compiled), with the id as its parameter.
    """
    try:
        pk = user_model._meta.pk.to_python(user_id)
    except ValidationError:
        return None  # not an id at all: a tampered or foreign session, read as signed out
    found = compiled.rows(
        ("session-user", user_model._meta.label),
        lambda: user_model._default_manager.filter(pk=pk),
        params=[pk],
    )
    return found[0] if found else None


class LocalAccountsBackend(ModelBackend):
    def get_user(self, user_id):
        user = user_by_id(get_user_model(), user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def authenticate(self, request, username=None, password=None, **kwargs):
        if settings.LOCAL_ACCOUNTS:
            return super().authenticate(request, username=username, password=password, **kwargs)
        if password is None:
            return None
        if _at_admin_login(request):
            user = super().authenticate(request, username=username, password=password, **kwargs)
            # Anyone else's right password counts as a failure too, so that the lock-outs see every try.
            return user if user is not None and user.is_superuser else None
        # Raised, not returned: the login form shows it instead of "wrong username or password".
        message = gettext("Logging in with a password is switched off. Sign in with %(provider)s instead.")
        raise ValidationError(message % {"provider": provider_name()}, code="local_accounts_off")


class SingleSignOnBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Django builds every backend for every login: the provider is asked only when someone uses it.
        self.UserModel = get_user_model()

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: discovery.endpoint("token_endpoint"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: discovery.endpoint("userinfo_endpoint"))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: discovery.endpoint("jwks_uri"))
    OIDC_RP_CLIENT_ID = property(lambda self: settings.OIDC_RP_CLIENT_ID)
    OIDC_RP_CLIENT_SECRET = property(lambda self: settings.OIDC_RP_CLIENT_SECRET)
    OIDC_RP_SIGN_ALGO = property(lambda self: settings.OIDC_RP_SIGN_ALGO)
    OIDC_RP_IDP_SIGN_KEY = None

    def get_user(self, user_id):
        return user_by_id(self.UserModel, user_id)

    def authenticate(self, request, **kwargs):
        if not settings.SSO_ENABLED or "nonce" not in kwargs:  # Only the callback view passes a nonce.
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        # The ID token's claims, completed by the userinfo endpoint (some providers put groups only in one).
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        if not self.verify_claims(claims) or claims["sub"] != payload.get("sub"):
            raise SuspiciousOperation("The provider's answer names no subject, or two.")
        with transaction.atomic():
            identity = (
                SingleSignOnIdentity.objects.select_related("user")
                .filter(issuer=settings.OIDC_ISSUER, subject=claims["sub"])
                .first()
            )
            if identity is not None:
                user = identity.user
            else:
                user = self.first_sign_in(claims)
                SingleSignOnIdentity.objects.create(user=user, issuer=settings.OIDC_ISSUER, subject=claims["sub"])
            user = self.update_user(user, claims)
        profiles.link(user)
        return user

    def first_sign_in(self, claims):
        """The user a provider account signs in as the first time: a new one, or the local account that
        has the same username and e-mail address (made before Erfa used the provider)."""
        username = (claims.get("preferred_username") or claims["sub"])[:USERNAME_MAX_LENGTH]
        email = claims.get("email") or ""
        existing = self.UserModel.objects.filter(username=username).first()
        if existing is not None and email and existing.email.lower() == email.lower():
            return existing
        if existing is not None:  # Someone else's username: keep it apart with the subject.
            username = f"{username[: USERNAME_MAX_LENGTH - 17]}-{claims['sub'][-16:]}"
        return self.UserModel.objects.create_user(username, email=email)

    def update_user(self, user, claims):
        changed = []
        for field, claim in (("first_name", "given_name"), ("last_name", "family_name"), ("email", "email")):
            value = claims.get(claim)
            if value and getattr(user, field) != value:
                setattr(user, field, value[: user._meta.get_field(field).max_length])
                changed.append(field)
        if changed:
            user.save(update_fields=changed)
        roles.refresh(user, claims)
        return user
