"""Wagtail's database search backend, stemming each language with its own PostgreSQL configuration.

Wagtail's PostgreSQL backend stores one tsvector per object, built with one
text search configuration. Here the configuration is chosen per object from
its locale when it is indexed (``swedish`` for a Swedish page), and from the
active language when a query is parsed, so both sides are stemmed alike. A
search across all languages ORs the query parsed with every configuration.
On SQLite (``make run``) this is Wagtail's database backend unchanged.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as vendor_search_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    if connection.vendor == "postgresql":
        # Imported here so that SQLite installations never load the PostgreSQL parts.
        from search.backends.postgres import MultilingualPostgresSearchBackend

        return MultilingualPostgresSearchBackend(params)
    return vendor_search_backend(params)
