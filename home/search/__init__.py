"""The portal's search page: ranked, permission-safe results with facets, promotions and a query log."""
