"""Search results that give their ranked ids alone, for the database backends (search.backends.database)."""


class RankedIdsMixin:
    """Search results that can give just the ranked ids: the search page reads its hits from the database
    anyway (search.service), and building a page instance per hit cost more than the ranking itself."""

    def ids(self):
        return list(self.get_queryset().values_list("pk", flat=True))
