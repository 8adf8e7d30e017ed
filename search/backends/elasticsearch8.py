"""Wagtail's Elasticsearch 8 backend with per-language analysis (see search.backends.engine)."""

from wagtail.search.backends import elasticsearch8 as base

from search.backends.engine import MultilingualMappingMixin, MultilingualQueryCompilerMixin, OneRequestResultsMixin
from search.backends.rebuild import InvalidatingRebuildMixin


class MultilingualElasticsearch8Mapping(MultilingualMappingMixin, base.Elasticsearch8Mapping):
    pass


class MultilingualElasticsearch8QueryCompiler(MultilingualQueryCompilerMixin, base.Elasticsearch8SearchQueryCompiler):
    mapping_class = MultilingualElasticsearch8Mapping


class MultilingualElasticsearch8AutocompleteQueryCompiler(base.Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = MultilingualElasticsearch8Mapping


class MultilingualElasticsearch8SearchResults(OneRequestResultsMixin, base.Elasticsearch8SearchResults):
    pass


class MultilingualElasticsearch8SearchBackend(InvalidatingRebuildMixin, base.Elasticsearch8SearchBackend):
    mapping_class = MultilingualElasticsearch8Mapping
    query_compiler_class = MultilingualElasticsearch8QueryCompiler
    autocomplete_query_compiler_class = MultilingualElasticsearch8AutocompleteQueryCompiler
    # See OneRequestResultsMixin: inside one_per_translation(), one hit per translation group.
    collapses_translations = True
    results_class = MultilingualElasticsearch8SearchResults


SearchBackend = MultilingualElasticsearch8SearchBackend
