"""PostgreSQL text search with a configuration per language; see search.backends.database."""

from contextvars import ContextVar
from functools import reduce
from operator import or_

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.models import Locale

from search.backends.languages import ANALYZERS, DEFAULT_LANGUAGE, active_languages
from search.backends.ranked import RankedIdsMixin
from search.backends.rebuild import InvalidatingRebuildMixin

_indexing_config = ContextVar("erfa_indexing_config", default=None)


def object_language(obj, languages_by_locale):
    return languages_by_locale.get(getattr(obj, "locale_id", None), DEFAULT_LANGUAGE)


class MultilingualPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages_by_locale = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for obj in objs:
            groups.setdefault(object_language(obj, languages_by_locale), []).append(obj)
        for language, group in groups.items():
            token = _indexing_config.set(ANALYZERS.get(language, ANALYZERS[DEFAULT_LANGUAGE]))
            try:
                super().add_items(model, group)
            finally:
                _indexing_config.reset(token)


class MultilingualPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        configs = [ANALYZERS[code] for code in active_languages()]
        if len(configs) == 1:
            return super().build_tsquery(query, config=configs[0])
        return reduce(or_, (self.build_tsquery_content(query, config=each) for each in configs))


class MultilingualPostgresSearchResults(RankedIdsMixin, PostgresSearchResults):
    pass


class MultilingualPostgresSearchBackend(InvalidatingRebuildMixin, PostgresSearchBackend):
    index_class = MultilingualPostgresIndex
    query_compiler_class = MultilingualPostgresQueryCompiler
    results_class = MultilingualPostgresSearchResults

    @property
    def config(self):
        """The object's language while indexing, the reader's while searching."""
        return _indexing_config.get() or ANALYZERS[active_languages()[0]]

    @config.setter
    def config(self, value):
        # The SEARCH_CONFIG setting would fix one language for all; the locale decides here.
        pass
