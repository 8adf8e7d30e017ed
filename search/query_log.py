"""Counting searches for the report without a database write per search.

A search page comes from the page cache for most readers (caching/page_cache.py), in about half a
millisecond; writing its count to the database in the same request cost twice that again (a
connection health check and an UPDATE). Each process therefore adds its searches up in memory and
writes them, one UPDATE per query and day, once SEARCH_LOG_SECONDS have passed: at the end of the
next request after that (request_finished), when the report is opened in this process, and when the
process exits. With SEARCH_LOG_SECONDS=0 (development's default) every search is written at once.
Counts the database refuses (it restarts, say) wait in memory for the next try.

What it costs: the report can lag another process by SEARCH_LOG_SECONDS, and a process killed
outright loses what it had not written yet, at most that many seconds of searches.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError
from django.utils import timezone

from search.models import SearchQueryDay

logger = logging.getLogger(__name__)

_lock = threading.Lock()
# (date, language, query) -> [searches, searches without results]
_pending = {}
_last_write = time.monotonic()


def count(query, language, result_count):
    """Count one search of `query` (as typed) in `language` that found `result_count` results.

    None when nothing was searched, the query holding only very common words ("och", "the"): the reader
    was told to add a more specific word, and the report's "without results" is where Communications
    looks for what the portal lacks, which such a query does not show. It counts as a search only."""
    query = SearchQueryDay.normalise(query)
    if not query:
        return
    key = (timezone.localdate(), language, query)
    with _lock:
        counts = _pending.setdefault(key, [0, 0])
        counts[0] += 1
        counts[1] += 1 if result_count == 0 else 0
    # Also here, not only at the end of a request: a page served before Django's handler
    # (caching/front_door.py) ends no request Django knows of.
    write_if_due()


def pending():
    """{(date, language, query): (searches, without results)} not written yet, in this process."""
    with _lock:
        return {key: tuple(counts) for key, counts in _pending.items()}


def write():
    """Write this process's counts now."""
    global _last_write
    with _lock:
        taken = dict(_pending)
        _pending.clear()
        _last_write = time.monotonic()
    while taken:
        key, counts = taken.popitem()  # key: (date, language, query); counts: (searches, without results)
        try:
            SearchQueryDay.add(*key, *counts)
        except DatabaseError:
            # A search never fails for its count: what was not written waits for the next time.
            logger.exception("Search counts not written; they are kept for the next try")
            _put_back({key: counts, **taken})
            return


def discard():
    """Forget what is not written yet (tests start from nothing)."""
    global _last_write
    with _lock:
        _pending.clear()
        _last_write = time.monotonic()


def _put_back(counts):
    with _lock:
        for key, (searches, without_results) in counts.items():
            kept = _pending.setdefault(key, [0, 0])
            kept[0] += searches
            kept[1] += without_results


def write_if_due(**_kwargs):
    if _pending and time.monotonic() - _last_write >= settings.SEARCH_LOG_SECONDS:
        write()


def _write_at_exit():
    try:
        write()
    except Exception:  # The database may be gone already: say what was lost.
        logger.exception("Could not write %s search counts at exit", len(_pending))


def connect():
    request_finished.connect(write_if_due, dispatch_uid="search.query_log.write_if_due")
    atexit.register(_write_at_exit)
