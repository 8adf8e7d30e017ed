"""The store behind portal.fragments: shared page parts, kept under the page cache's global generation.

Keys carry the generation (caching/readers.py), so every event that makes cached pages stale
(publish, unpublish, move, delete, snippet, settings, group, permission or view-restriction change)
makes these stale too, in every process that shares the cache. A value asked with a request is kept
per permission class of its reader (the same class the whole-page cache uses) and per page password
they passed in this session, so a part rendered for one class never reaches another.

On only where all processes share the cache (FRAGMENT_CACHE; Redis, or one process in development and
tests), as the generation must be seen by every process. Works with the whole-page cache off.

Each process also keeps the parts it read lately (caching/local.py, as it does pages), until the moment
they expire in the shared cache: a page reads a dozen parts or more, and a round trip to Redis for each
cost more than the rest of the part. Kept pickled, so every request gets its own copy to change.
"""

import contextlib
import hashlib
import pickle
import time

from django.conf import settings
from django.core.cache import cache

from caching import readers
from caching.local import LocalEntries
from portal.visibility import PASSED_SESSION_KEY

_REQUEST_GENERATION = "_erfa_fragment_generation"
_REQUEST_READER = "_erfa_fragment_reader"

# Parts are mostly small (a list of links, a menu); the largest are rendered lists of a page, some 20 KB.
kept_here = LocalEntries(max_entries=1000)


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
    """What of the reader a shared part may depend on: permission class and passed page passwords.

    Read once per GET request, as the generation is: a page asks for a dozen parts.
    """
    once = getattr(request, "method", None) in {"GET", "HEAD"}
    if once and (kept := getattr(request, _REQUEST_READER, None)) is not None:
        return kept
    parts = _reader_parts(request)
    if once:
        setattr(request, _REQUEST_READER, parts)
    return parts


def _reader_parts(request):
    user = getattr(request, "user", None)
    reader = readers.permission_class(user)
    session = getattr(request, "session", None)
    passed = sorted(pk for pk in (session.get(PASSED_SESSION_KEY, []) if session is not None else []))
    return (reader, tuple(passed))


def _current_generation(request):
    return readers.generation() if request is None else _generation(request)


def key_for(parts, request=None, current=None):
    """The shared cache's key for `parts` (and the request's reader) in the `current` generation."""
    current = _current_generation(request) if current is None else current
    identity = (current, parts, reader_parts(request) if request is not None else None)
    return f"erfa:fragment:{current}:" + hashlib.sha256(repr(identity).encode()).hexdigest()


def store(parts, compute, request=None):
    """portal.fragments' store: the kept value for `parts`, or compute() kept for the next reader."""
    if not enabled():
        return compute()
    current = _current_generation(request)
    key = key_for(parts, request, current)
    here = kept_here.get(key)
    if here is not None:
        return pickle.loads(here)  # noqa: S301 - written by this process below, never read from outside.
    kept = cache.get(key)
    if kept is not None:
        # The moment it expires in the shared cache, kept with it (an entry from before that has none
        # is not kept here).
        if len(kept) > 1:
            with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
                kept_here.set(key, pickle.dumps(kept[0], pickle.HIGHEST_PROTOCOL), kept[1])
        return kept[0]
    value = compute()
    # Not kept when something changed while it was computed: it may hold the data from before.
    if readers.generation() == current:
        # A value that cannot be pickled is computed again next time, never a failed page.
        expires = time.time() + settings.PAGE_CACHE_SECONDS
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
            kept_here.set(key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), expires)
            cache.set(key, (value, expires), settings.PAGE_CACHE_SECONDS)
    return value
