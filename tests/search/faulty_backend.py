"""Erfa's PostgreSQL search backend with a programming error in it.

The degraded mode must answer an engine that is down, not hide a bug: this backend
calls Wagtail's search with an argument it does not take, a real TypeError from
real code, as a careless refactoring would.
"""

from search.backends.postgres import MultilingualPostgresSearchBackend


class SearchBackend(MultilingualPostgresSearchBackend):
    def search(self, query, model_or_queryset, **kwargs):
        return super().search(query, model_or_queryset, ordering="rank", **kwargs)

    def autocomplete(self, query, model_or_queryset, **kwargs):
        return super().autocomplete(query, model_or_queryset, ordering="rank", **kwargs)
