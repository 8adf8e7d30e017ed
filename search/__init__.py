"""The portal's search page: ranked, permission-safe results with facets, promotions and a query log.

It sits above the content apps (it counts their facets) and nothing below imports it. The
backends' per-language analysis is backend-level and lives in search.backends.
"""
