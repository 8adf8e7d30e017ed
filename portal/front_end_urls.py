"""Front-end URLs of the apps above portal: an extension point for portal/urls.py.

portal/urls.py is the project's URL configuration, but portal sits at the bottom of the app stack and
never names a higher app. An app with front-end views of its own (search, for one) registers them in
its AppConfig.ready(); portal/urls.py puts them under the language prefix, ahead of Wagtail's pages.
"""

_patterns = []
# Addresses that must not depend on the reader's language: an identity provider's callback, a calendar
# feed that a calendar app opens for a person whatever language they read in.
_unprefixed = []


def register(*patterns):
    """Add URL patterns (path()/re_path() objects) to every language's front end."""
    _patterns.extend(pattern for pattern in patterns if pattern not in _patterns)


def patterns():
    return list(_patterns)


def register_unprefixed(*patterns):
    """Add URL patterns outside the language prefix (/oidc/callback/ rather than /en/oidc/callback/)."""
    _unprefixed.extend(pattern for pattern in patterns if pattern not in _unprefixed)


def unprefixed_patterns():
    return list(_unprefixed)
