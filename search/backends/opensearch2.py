"""Wagtail's OpenSearch 2 backend with per-language analysis (see search.backends.engine)."""

from wagtail.search.backends import opensearch2 as base

from search.backends.engine import MultilingualMappingMixin, MultilingualQueryCompilerMixin, OneRequestResultsMixin
from search.backends.rebuild import InvalidatingRebuildMixin


class MultilingualOpenSearch2Mapping(MultilingualMappingMixin, base.OpenSearch2Mapping):
    pass


class MultilingualOpenSearch2QueryCompiler(MultilingualQueryCompilerMixin, base.OpenSearch2SearchQueryCompiler):
    mapping_class = MultilingualOpenSearch2Mapping


class MultilingualOpenSearch2AutocompleteQueryCompiler(base.OpenSearch2AutocompleteQueryCompiler):
    mapping_class = MultilingualOpenSearch2Mapping


class MultilingualOpenSearch2SearchResults(OneRequestResultsMixin, base.OpenSearch2SearchResults):
    pass


class MultilingualOpenSearch2SearchBackend(InvalidatingRebuildMixin, base.OpenSearch2SearchBackend):
    mapping_class = MultilingualOpenSearch2Mapping
    query_compiler_class = MultilingualOpenSearch2QueryCompiler
    autocomplete_query_compiler_class = MultilingualOpenSearch2AutocompleteQueryCompiler
    # See OneRequestResultsMixin: inside one_per_translation(), one hit per translation group.
    collapses_translations = True
    results_class = MultilingualOpenSearch2SearchResults


SearchBackend = MultilingualOpenSearch2SearchBackend
