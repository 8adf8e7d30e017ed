"""Cached pages kept in the process too, so that a hit needs no read of the page from the shared cache.

Safe because every key carries the generation (caching/readers.py), read from the shared cache on
every request: a change bumps it, and no kept entry is asked for again. Each entry keeps the moment it
expires in the shared cache, and goes no later here. Bounded: the least recently used go first.
"""

import threading
import time
from collections import OrderedDict

# About 15 KB a page: a few megabytes a process.
MAX_ENTRIES = 400


class LocalEntries:
    def __init__(self, max_entries=MAX_ENTRIES):
        self.max_entries = max_entries
        self._entries = OrderedDict()
        self._lock = threading.Lock()  # gthread and ASGI workers serve requests in threads.

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, value = found
            if expires <= time.time():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return value

    def set(self, key, value, expires):
        with self._lock:
            self._entries[key] = (expires, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


entries = LocalEntries()
