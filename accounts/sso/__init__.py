"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured in portal/settings_sso.py.

discovery.py reads the provider's endpoints; backends.py signs users in (creating, refreshing their roles
from the groups claim, linking a profile through profiles.py) and refuses passwords when LOCAL_ACCOUNTS=0;
views.py holds the sign-in, callback and logout steps, urls.py their addresses (/oidc/..., no language
prefix, so that the provider knows one callback address).
"""

from django.conf import settings
from django.utils.translation import gettext


def provider_name():
    """The provider as the login pages name it: OIDC_PROVIDER_NAME, or a description in the reader's language."""
    return settings.OIDC_PROVIDER_NAME or gettext("your organisation's account")
