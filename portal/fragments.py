"""Values computed once and shared between requests: the parts of a page that are the same for many readers.

The navigation, a page's language versions, whether a reader may open the admin: each costs a query
and is the same for every reader of one language and *permission class* (signed in or not, their
groups, their own grants, the page passwords they passed). `shared(parts, compute, request)` returns
the value kept under `parts` (plus the reader's class when `request` is given), or computes and keeps it.

portal is the bottom of the stack, so it only declares where such values are kept. The app that owns
the cache and its invalidation (caching/) registers the store from its AppConfig.ready(), keyed by its
global generation: any publish, unpublish, move, delete, snippet or permission change makes every
shared value stale at once. Without a store (or with the setting FRAGMENT_CACHE off) every value is
computed each time, as before.

A value must be picklable and must not depend on the reader beyond what the key says: never the
reader's name, a CSRF token, or a queryset.
"""

from django.utils.translation import get_language

_store = None
_enabled = None


def register_store(store, enabled):
    """`store(parts, compute, request)`: the kept value for `parts` (and the request's reader class), or
    compute(); `enabled()`: whether it keeps anything now (a setting may turn it off)."""
    global _store, _enabled
    _store, _enabled = store, enabled


def active():
    """Whether values are kept: code that would do extra work only to share it asks first."""
    return _store is not None and _enabled()


def shared(parts, compute, request=None):
    """The value of `compute()`, kept under `parts`; per permission class of `request`'s reader when given."""
    if _store is None:
        return compute()
    return _store(tuple(parts), compute, request)


def for_page(page, request, name, compute):
    """`shared` for a part of one page (its related lists, say): kept per page, language and reader class.

    A preview shows a draft, whose related pages may differ from the live page's: never kept.
    """
    if request is None or getattr(request, "is_preview", False):
        return compute()
    return shared((name, page.pk, get_language()), compute, request)
