"""The store behind portal.fragments: shared page parts, kept under the page cache's global generation.

Keys carry the generation (caching/readers.py), so every event that makes cached pages stale
(publish, unpublish, move, delete, snippet, settings, group, permission or view-restriction change)
makes these stale too, in every process that shares the cache. A value asked with a request is kept
per permission class of its reader (the same class the whole-page cache uses) and per page password
they passed in this session, so a part rendered for one class never reaches another.

On only where all processes share the cache (FRAGMENT_CACHE; Redis, or one process in development and
tests), as the generation must be seen by every process. Works with the whole-page cache off.
"""

import contextlib
import hashlib
import pickle

from django.conf import settings
from django.core.cache import cache

from caching import readers
from portal.visibility import PASSED_SESSION_KEY

_REQUEST_GENERATION = "_erfa_fragment_generation"


def enabled():
    return getattr(settings, "FRAGMENT_CACHE", False)


def _generation(request):
    """The generation, read once per GET request (a write in a POST bumps it while the request runs)."""
    if request is None or request.method not in {"GET", "HEAD"}:
        return readers.generation()
    value = getattr(request, _REQUEST_GENERATION, None)
    if value is None:
        value = readers.generation()
        setattr(request, _REQUEST_GENERATION, value)
    return value


def reader_parts(request):
    """What of the reader a shared part may depend on: permission class and passed page passwords."""
    user = getattr(request, "user", None)
    reader = readers.permission_class(user)
    session = getattr(request, "session", None)
    passed = sorted(pk for pk in (session.get(PASSED_SESSION_KEY, []) if session is not None else []))
    return (reader, tuple(passed))


def store(parts, compute, request=None):
    """portal.fragments' store: the kept value for `parts`, or compute() kept for the next reader."""
    if not enabled():
        return compute()
    current = readers.generation() if request is None else _generation(request)
    identity = (current, parts, reader_parts(request) if request is not None else None)
    key = f"erfa:fragment:{current}:" + hashlib.sha256(repr(identity).encode()).hexdigest()
    kept = cache.get(key)
    if kept is not None:
        return kept[0]
    value = compute()
    # Not kept when something changed while it was computed: it may hold the data from before.
    if readers.generation() == current:
        # A value that cannot be pickled is computed again next time, never a failed page.
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
            cache.set(key, (value,), settings.PAGE_CACHE_SECONDS)
    return value
