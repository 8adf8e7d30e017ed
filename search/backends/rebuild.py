"""A rebuilt index makes every cached page and part stale, as an edit does.

`manage.py update_index` writes the whole index anew (after a restore, a new analyser, an index lost
with its cluster). The search pages and facet counts kept by the page cache and portal.fragments were
answered from the old index, and no page save tells the cache so: the rebuilder's finish, where the
new index takes over (OpenSearch swaps its alias there), drops them all (caching.readers).
"""

from functools import cache

from caching.readers import invalidate


@cache
def invalidating(rebuilder_class):
    """`rebuilder_class` whose finish() also drops what the cache kept; one class per rebuilder."""

    class Rebuilder(rebuilder_class):
        def finish(self):
            result = super().finish()
            invalidate()
            return result

    Rebuilder.__name__ = Rebuilder.__qualname__ = f"Invalidating{rebuilder_class.__name__}"
    return Rebuilder


class InvalidatingRebuildMixin:
    """For Erfa's backends: the rebuilder the backend chose (atomic or not) wrapped by `invalidating`."""

    def __init__(self, params):
        super().__init__(params)
        if self.rebuilder_class is not None:
            self.rebuilder_class = invalidating(self.rebuilder_class)
