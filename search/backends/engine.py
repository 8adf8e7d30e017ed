"""Per-language multi-fields for Wagtail's OpenSearch and Elasticsearch backends.

Every analysed text field (and the ``_all_text`` catch-alls it is copied into)
gets a sub-field per language, e.g. ``_all_text.sv`` with the ``swedish``
analyzer. A page is indexed into all of them, since the engine cannot pick a
multi-field by document; the query then asks only the active language's
sub-fields, so "nätverken" is stemmed like Swedish and meets "nätverk".
"""

from contextlib import contextmanager
from contextvars import ContextVar

from modelsearch.backends.elasticsearchbase import Field

from search.backends.languages import ANALYZERS, active_languages

_one_per_translation = ContextVar("erfa_one_per_translation", default=False)


@contextmanager
def one_per_translation():
    """Inside the block, an engine that can returns one hit per translation group, its best version."""
    token = _one_per_translation.set(True)
    try:
        yield
    finally:
        _one_per_translation.reset(token)


def language_subfields():
    return {code: {"type": "text", "analyzer": analyzer} for code, analyzer in ANALYZERS.items()}


def add_language_subfields(properties):
    for mapping in properties.values():
        if mapping.get("type") == "nested":
            add_language_subfields(mapping["properties"])
        # Autocomplete fields carry their own edge-ngram analyzer; stemming them would defeat it.
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["fields"] = language_subfields()


class MultilingualMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        add_language_subfields(mapping["properties"])
        return mapping


class MultilingualQueryCompilerMixin:
    """Query the language sub-fields instead of the single standard-analysed field."""

    def _remap_fields(self, fields):
        languages = active_languages()
        return [
            Field(f"{field.field_name}.{code}", field.boost)
            for field in super()._remap_fields(fields)
            for code in languages
        ]


class OneRequestResultsMixin:
    """Fetch up to 1,000 hits in one request, collapsed to one per translation group when asked.

    Above 100 hits modelsearch scrolls, one round trip per 100; the search page
    ranks a few hundred hits to filter and count facets over, and one request
    is several times faster.

    Inside ``one_per_translation()`` the engine collapses the hits on the page's
    ``translation_key`` (a keyword filter field of every page), so a limit counts
    pages, not language versions; search.groups then picks the version to show.
    The scroll API cannot collapse, so collapsing needs the one request.
    """

    ONE_REQUEST_LIMIT = 1000

    def _get_es_body(self, for_count=False):
        body = super()._get_es_body(for_count=for_count)
        if _one_per_translation.get() and not for_count:
            body["collapse"] = {"field": "translation_key_filter"}
        return body

    def _one_request_hits(self):
        """The hits of one request, or None when the limit needs modelsearch's scrolling."""
        limit = None if self.stop is None else self.stop - self.start
        if limit is None or limit > self.ONE_REQUEST_LIMIT:
            if _one_per_translation.get():
                raise ValueError(f"One hit per translation needs a limit of at most {self.ONE_REQUEST_LIMIT}")
            return None
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": limit,
        }
        return self._backend_do_search(self._get_es_body(), **params)["hits"]["hits"]

    def _do_search(self):
        hits = self._one_request_hits()
        if hits is None:
            yield from super()._do_search()
            return
        yield from self._get_results_from_hits(hits)

    def ids(self):
        """The ranked ids alone, as the database backends give them (search.backends.ranked.RankedIdsMixin),
        without reading each hit's object from the database: the search page reads what it shows itself."""
        hits = self._one_request_hits()
        if hits is None:
            return [obj.pk for obj in self]
        to_python = self.query_compiler.queryset.model._meta.pk.to_python
        return [to_python(hit["fields"]["pk"][0]) for hit in hits]
