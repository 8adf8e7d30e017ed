from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search page, its autocomplete, facets, query log and report: above every content app it searches."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.urls import include, path

        from caching.page_cache import register_hit_action, register_quiet_model
        from portal import front_end_urls
        from search import indexing, query_log
        from search.models import SearchQueryDay
        from search.views import COUNT_SEARCH

        # The query log feeds the admin's report only: logging a search must not drop every cached page.
        register_quiet_model(SearchQueryDay)
        # A search page served from the page cache is counted as the search it answers.
        register_hit_action(COUNT_SEARCH, query_log.count)

        # Index updates go through the task worker, never in the request (search/indexing.py).
        indexing.connect()
        # Searches are counted in memory and written every few seconds (search/query_log.py).
        query_log.connect()

        # The search page and its autocomplete endpoint (names "search", "search_autocomplete").
        front_end_urls.register(path("", include("search.urls")))
