"""Front-end URLs of the apps above portal: an extension point for portal/urls.py.

portal/urls.py is the project's URL configuration, but portal sits at the bottom of the app stack and
never names a higher app. An app with front-end views of its own (search, for one) registers them in
its AppConfig.ready(); portal/urls.py puts them under the language prefix, ahead of Wagtail's pages.
"""

_patterns = []
# URLs without a language prefix (a calendar feed an app reads for a person, whatever language they read in).
_root_patterns = []


def register(*patterns):
    """Add URL patterns (path()/re_path() objects) to every language's front end."""
    _patterns.extend(pattern for pattern in patterns if pattern not in _patterns)


def patterns():
    return list(_patterns)


def register_root(*patterns):
    """Add URL patterns outside the language prefixes (for addresses that machines, not readers, open)."""
    _root_patterns.extend(pattern for pattern in patterns if pattern not in _root_patterns)


def root_patterns():
    return list(_root_patterns)
