"""Wagtail's database search backend, stemming each language with its own rules.

On PostgreSQL, Wagtail's backend stores one tsvector per object, built with one
text search configuration. Here the configuration is chosen per object from
its locale when it is indexed (``swedish`` for a Swedish page), and from the
active language when a query is parsed, so both sides are stemmed alike. A
search across all languages ORs the query parsed with every configuration.

On SQLite (``make run``), FTS5 cannot stem, so search.backends.sqlite stems in
Python with the same Snowball rules (PyStemmer): the object's language when
indexing, the reader's (or every) language when querying.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as vendor_search_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    # Imported inside the branches: each database's parts need that database's models.
    if connection.vendor == "postgresql":
        from search.backends.postgres import MultilingualPostgresSearchBackend

        return MultilingualPostgresSearchBackend(params)
    backend = vendor_search_backend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite import MultilingualSQLiteSearchBackend, SQLiteSearchBackend

        # Modelsearch falls back to plain LIKE matching when SQLite lacks FTS5; that one stays as it is.
        if isinstance(backend, SQLiteSearchBackend):
            return MultilingualSQLiteSearchBackend(params)
    return backend
