"""Page routes that show a reader their own things: marked so that the page cache never stores them.

A Wagtail page route (RoutablePageMixin) is served like its page, and the page cache shares what
Wagtail serves per permission class (caching/page_cache.py). A route whose answer is the reader's own (a
form with their earlier answers, what only their role may do) marks it with `personal(response)`, or
the whole route with `@personal_route`. Not read off Cache-Control: Wagtail marks every restricted page
never-cache for browsers and proxies, and those the page cache does share.
"""

import functools

from django.utils.cache import add_never_cache_headers

_PERSONAL = "erfa_personal"


def personal(response):
    """Mark a page route's answer as the reader's own: the page cache never stores it, nor do browsers or proxies."""
    add_never_cache_headers(response)
    setattr(response, _PERSONAL, True)
    return response


def personal_route(view):
    """A page route whose every answer is the reader's own: see `personal`."""

    @functools.wraps(view)
    def route(*args, **kwargs):
        return personal(view(*args, **kwargs))

    return route


def is_personal(response):
    return getattr(response, _PERSONAL, False)
