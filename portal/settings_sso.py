"""Single sign-on settings (OpenID Connect), read from the environment and checked here.

portal/settings.py applies `from_environment(os.environ)`; the README's "Single sign-on" section lists the
variables. SSO is on when OIDC_ISSUER is set; accounts/sso/ does the signing in (mozilla-django-oidc).
"""

from django.core.exceptions import ImproperlyConfigured

from portal import roles

# The roles a provider group may give. Administrators (superusers) are never given through SSO: that
# stays a decision made in Erfa.
MAPPABLE_ROLES = (roles.EMPLOYEES, roles.RESOURCE_PERSONS, roles.NETWORK_FACILITATORS, roles.COMMUNICATIONS)


def parse_role_map(text):
    """ "provider-group=Role,other-group=Role" -> {provider group: Erfa role}. Several groups may give one role."""
    mapping = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        group, equals, role = (piece.strip() for piece in item.partition("="))
        if not equals or not group or not role:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: {item!r} is not of the form provider-group=Role "
                f"(e.g. erfa-communications={roles.COMMUNICATIONS})."
            )
        if role not in MAPPABLE_ROLES:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: {role!r} (for {group!r}) is not one of Erfa's roles: {', '.join(MAPPABLE_ROLES)}."
            )
        if mapping.get(group, role) != role:
            raise ImproperlyConfigured(f"OIDC_ROLE_MAP: {group!r} is mapped to both {mapping[group]!r} and {role!r}.")
        mapping[group] = role
    return mapping


def _flag(environ, name, default):
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (on or off), not {value!r}.")


def _issuer(value):
    issuer = value.strip().rstrip("/")
    if issuer and not issuer.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"OIDC_ISSUER must be the provider's URL (https://...), not {value!r}.")
    return issuer


def form_targets(environ):
    """The provider's origin, where the logout form leads (RP-initiated logout), for the CSP's form-action."""
    issuer = _issuer(environ.get("OIDC_ISSUER", ""))
    if not issuer:
        return []
    scheme, _, rest = issuer.partition("://")
    return [f"{scheme}://{rest.split('/')[0]}"]


def from_environment(environ):
    """The settings for SSO as a dict, from `environ` (os.environ, or a dict in the tests)."""
    issuer = _issuer(environ.get("OIDC_ISSUER", ""))
    client_id = environ.get("OIDC_CLIENT_ID", "").strip()
    client_secret = environ.get("OIDC_CLIENT_SECRET", "").strip()
    if issuer and not (client_id and client_secret):
        raise ImproperlyConfigured("OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too.")
    scopes = " ".join(environ.get("OIDC_SCOPES", "").split()) or "openid email profile"
    if "openid" not in scopes.split():
        raise ImproperlyConfigured(f"OIDC_SCOPES must include openid, not {scopes!r}.")
    local_accounts = _flag(environ, "LOCAL_ACCOUNTS", True)
    if not local_accounts and not issuer:
        raise ImproperlyConfigured("LOCAL_ACCOUNTS=0 needs single sign-on: set OIDC_ISSUER, or nobody can log in.")
    return {
        "SSO_ENABLED": bool(issuer),
        "OIDC_ISSUER": issuer,
        "OIDC_PROVIDER_NAME": environ.get("OIDC_PROVIDER_NAME", "").strip(),  # Empty: a translated description.
        "OIDC_GROUPS_CLAIM": environ.get("OIDC_GROUPS_CLAIM", "").strip() or "groups",
        "OIDC_ROLE_MAP": parse_role_map(environ.get("OIDC_ROLE_MAP", "")),
        "LOCAL_ACCOUNTS": local_accounts,
        "OIDC_LOGOUT": _flag(environ, "OIDC_LOGOUT", True),
        # mozilla-django-oidc's own settings; the provider's endpoints come from its discovery document
        # (accounts/sso/discovery.py), read at the first sign-in and cached.
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": client_secret,
        "OIDC_RP_SCOPES": scopes,
        "OIDC_RP_SIGN_ALGO": environ.get("OIDC_SIGN_ALGO", "").strip() or "RS256",
        "OIDC_USE_PKCE": True,
        "OIDC_STORE_ID_TOKEN": True,  # The id_token_hint of RP-initiated logout.
        "OIDC_TIMEOUT": 10,
        "OIDC_AUTHENTICATE_CLASS": "accounts.sso.views.SignInView",
        "OIDC_CALLBACK_CLASS": "accounts.sso.views.CallbackView",
        "OIDC_OP_LOGOUT_URL_METHOD": "accounts.sso.views.provider_logout_url",
    }
