"""Who reads a cached page: the generation every cached part is kept under, and each reader's record.

The *generation* is a number kept in the cache. Every key of the page cache (caching/page_cache.py)
and of the shared parts (caching/fragments.py) carries it, and any change that can alter a page or who
may see it bumps it (`invalidate`), so that nothing cached before the change is read after it.

A reader's *record* is what the cache needs of a signed-in user: "class", their permission class, the
part of a page's key that stands for the reader; "name", their name as the header shows it; "hash",
the session auth hash Django accepted for them (it changes with the password); "second_factor",
whether they must verify one, and if so "devices", the persistent ids of their confirmed devices. A
change to the user, their groups or permissions bumps the generation, and a record counts only in the
generation it was made in, so it never outlives what it was made from.

Records are kept per user (for the normal stack, which knows the user) and per session (for the fast
path, caching/fast_path.py, which does not load the user): `session_reads` then gets the session, the
generation and the session's record in one read, when sessions live in the same cache (cached_db on
Redis, as production runs). The session's record is only an index: the fast path still checks the
session as it is now (the user it names, their backend and auth hash, their second factor) against it.
"""

import hashlib
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import DEFAULT_CACHE_ALIAS, cache
from django.db import transaction
from django.utils.crypto import constant_time_compare
from django.utils.html import escape
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

from portal.roles import requires_second_factor

GENERATION_KEY = "erfa:page-cache:generation"


def _first_generation():
    """Where a lost generation (a restarted cache) starts again: the clock, in microseconds, so that it
    never comes back to a number used before, which pages kept in a process (caching/local.py) still carry."""
    return time.time_ns() // 1000


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        first = _first_generation()
        cache.add(GENERATION_KEY, first, None)
        value = cache.get(GENERATION_KEY, first)
    return value


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, _first_generation(), None)
        cache.incr(GENERATION_KEY)


def invalidate(**kwargs):
    """Make every cached page and part stale: the next reader of each gets a fresh render.

    Bumped at once and again when the transaction commits: a page (or a reader's class) rendered in
    between, from data not yet committed, is dropped by the second bump.
    """
    _bump()
    transaction.on_commit(_bump)


def _reader_key(user_id):
    return f"erfa:page-cache:reader:{user_id}"


def _session_key(session_key):
    return "erfa:page-cache:session:" + hashlib.sha256(session_key.encode()).hexdigest()[:40]


def _current(record, current_generation):
    return record if record is not None and record["generation"] == current_generation else None


def generation_and_reader(user_id):
    """(the generation, the record of reader `user_id` if made in this generation, else None): one read."""
    key = _reader_key(user_id)
    found = cache.get_many([GENERATION_KEY, key])
    current = found[GENERATION_KEY] if GENERATION_KEY in found else generation()
    return current, _current(found.get(key), current)


def reader_name(user):
    return escape(user.get_full_name() or user.get_username())


def reader(user):
    """(the generation, the record of a signed-in reader, or None for anyone else), made if missing.

    Made by the normal stack, after Django accepted the user for the session; the fast path serves a
    page on the strength of it.
    """
    if not user.is_authenticated:
        return generation(), None
    current_generation, record = generation_and_reader(user.pk)
    if record is None:
        groups = ",".join(str(pk) for pk in sorted(user.groups.values_list("pk", flat=True)))
        # Permissions granted to the user directly, beside their groups': rare, but a template may test one.
        own = ",".join(str(pk) for pk in sorted(user.user_permissions.values_list("pk", flat=True)))
        admin = int(user.has_perm("wagtailadmin.access_admin"))
        second_factor = requires_second_factor(user)
        record = {
            "generation": current_generation,
            "user": user.pk,
            "class": f"user:s{int(user.is_superuser)}:a{admin}:g{groups}:p{own}",
            "name": reader_name(user),
            "hash": user.get_session_auth_hash(),
            "second_factor": second_factor,
            "devices": [device.persistent_id for device in devices_for_user(user)] if second_factor else [],
        }
        cache.set(_reader_key(user.pk), record, settings.PAGE_CACHE_SECONDS)
    return current_generation, record


def remember_session(session_key, record):
    """Index the reader's record under their session, for the fast path's single read."""
    if session_key and record is not None:
        cache.set(_session_key(session_key), record, settings.PAGE_CACHE_SECONDS)


def permission_class(user):
    """What of the reader a shared part may depend on (caching/fragments.py): their record's class."""
    record = reader(user)[1] if user is not None else None
    return record["class"] if record is not None else "anonymous"


def unverified(user, record):
    """A reader who must give a second factor and has not, in this session: never served from the cache."""
    return record["second_factor"] and not user.is_verified()


def session_reads(session_key):
    """(the session's data, the generation, the session's record if current, else None), or None.

    In one cache read when the session engine keeps sessions in the page cache's own cache (Django's
    `cache` and `cached_db` engines, under their store's `cache_key_prefix` and the session key);
    otherwise the engine loads the session and one more read follows. None when the session is not
    there to be read so cheaply (not in the cache, or not a session): the normal stack then reads it,
    as it always does.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    prefix = getattr(store_class, "cache_key_prefix", None)
    keys = [GENERATION_KEY, _session_key(session_key)]
    if prefix is not None and settings.SESSION_CACHE_ALIAS == DEFAULT_CACHE_ALIAS:
        found = cache.get_many([prefix + session_key, *keys])
        data = found.get(prefix + session_key)
    else:
        data = store_class(session_key).load()  # {} for a session that is not (or no longer) there
        found = cache.get_many(keys)
    if not isinstance(data, dict) or GENERATION_KEY not in found:
        return None
    current = found[GENERATION_KEY]
    return data, current, _current(found.get(keys[1]), current)


def accepts(data, record):
    """Whether the session (its data) is one Django accepts for the record's reader, second factor included."""
    if str(record.get("user")) != str(data.get(SESSION_KEY)):
        return False
    if data.get(BACKEND_SESSION_KEY) not in settings.AUTHENTICATION_BACKENDS:
        return False
    if not constant_time_compare(data.get(HASH_SESSION_KEY, ""), record["hash"]):
        return False
    return not record["second_factor"] or data.get(DEVICE_ID_SESSION_KEY) in record["devices"]
