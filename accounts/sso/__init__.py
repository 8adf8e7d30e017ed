"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured in portal/settings_sso.py.

discovery.py reads the provider's endpoints; backends.py signs users in (creating, refreshing their roles
from the groups claim, linking a profile through profiles.py) and refuses passwords when LOCAL_ACCOUNTS=0;
views.py holds the sign-in, callback and logout steps, urls.py their addresses (/oidc/..., no language
prefix, so that the provider knows one callback address).
"""
