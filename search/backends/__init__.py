"""Erfa's extension of Wagtail's search backends: analysis per content language.

Wagtail indexes every model with one analyzer (wagtail#1177). Erfa's pages are
written in five languages, so each backend here stems a page with its own
language's rules and a query with the reader's:

- ``search.backends.opensearch2`` and ``search.backends.elasticsearch8`` index every
  text field as a multi-field with one sub-field per language analyzer, and
  query the active language's sub-field (or all of them);
- ``search.backends.database`` picks PostgreSQL's text search configuration from
  the object's locale when indexing and from the active language when
  querying; on SQLite it stems in Python with the same Snowball rules
  (``search.backends.sqlite``).

``languages.search_language("all")`` widens a query to every language.
"""
