"""Front-end URLs of the apps above portal: an extension point for portal/urls.py.

portal/urls.py is the project's URL configuration, but portal sits at the bottom of the app stack and
never names a higher app. An app with front-end views of its own (search, for one) registers them in
its AppConfig.ready(); portal/urls.py puts them under the language prefix, ahead of Wagtail's pages.
"""

_patterns = []


def register(*patterns):
    """Add URL patterns (path()/re_path() objects) to every language's front end."""
    _patterns.extend(pattern for pattern in patterns if pattern not in _patterns)


def patterns():
    return list(_patterns)


# URLs outside the language prefix (a machine-readable API at /api/...), for the same reason.
_unprefixed = []


def register_unprefixed(*patterns):
    """Add URL patterns that carry no language prefix (the language is a parameter there, if anything)."""
    _unprefixed.extend(pattern for pattern in patterns if pattern not in _unprefixed)


def unprefixed_patterns():
    return list(_unprefixed)
