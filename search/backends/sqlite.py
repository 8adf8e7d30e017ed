"""Wagtail's SQLite search backend, stemming each language with its Snowball rules.

FTS5 only splits words, so "nätverken" would never meet "nätverk". Here each
object's title and body are indexed as written followed by their stems in the
object's language (from its locale), and each word of a query matches as typed
or as its stem in the reader's language, or in every language for "all
languages". Keeping the words as written lets a quoted phrase match the exact
wording, and lets a reader find a page in another language by the word itself.
Autocomplete matches the start of the words as written, unstemmed.
"""

from django.db.models import Value
from django.db.models.signals import post_delete, post_save
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression, SearchQueryField
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk
from wagtail.models import Locale

from search.backends.languages import DEFAULT_LANGUAGE, active_languages, language_code
from search.backends.ranked import RankedIdsMixin
from search.backends.rebuild import InvalidatingRebuildMixin
from search.backends.stemming import fts_phrase, fts_terms, indexed_text

# Locale id → content language; locales change rarely, and indexing asks for every object.
_languages_by_locale = {}


def forget_locales(**kwargs):
    _languages_by_locale.clear()


post_save.connect(forget_locales, sender=Locale, dispatch_uid="erfa_sqlite_search_locales_saved")
post_delete.connect(forget_locales, sender=Locale, dispatch_uid="erfa_sqlite_search_locales_deleted")


def object_language(obj):
    """The content language of an object's locale; English for objects without one."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return DEFAULT_LANGUAGE
    if locale_id not in _languages_by_locale:
        _languages_by_locale.update(
            {pk: language_code(code) for pk, code in Locale.objects.values_list("pk", "language_code")}
        )
    return _languages_by_locale.get(locale_id, DEFAULT_LANGUAGE)


class StemmingObjectIndexer(ObjectIndexer):
    """Title and body followed by their stems in the object's language; autocomplete as written.

    The fields are read once for all three columns (the vendor's indexer reads them,
    related objects included, once per column).
    """

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = object_language(obj)

    @cached_property
    def texts(self):
        texts = {"title": [], "body": [], "autocomplete": []}
        for field in self.search_fields:
            for current_field, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, AutocompleteField):
                    texts["autocomplete"].append(value)
                elif isinstance(current_field, SearchField):
                    texts["title" if current_field.field_name == "title" else "body"].append(value)
        return {column: " ".join(values) for column, values in texts.items()}

    @cached_property
    def title(self):
        return indexed_text(self.texts["title"], self.language)

    @cached_property
    def body(self):
        return indexed_text(self.texts["body"], self.language)

    @cached_property
    def autocomplete(self):
        return self.texts["autocomplete"]


class MultilingualSQLiteIndex(SQLiteIndex):
    indexer_class = StemmingObjectIndexer

    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with Erfa's indexer.
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        columns = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        indexed = set(entries.filter(object_id__in=columns).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = columns[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in columns.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class FTSQuery(LexemeCombinable, Value):
    """A ready FTS5 query string (see search.backends.stemming), passed as one parameter."""

    _output_field = SearchQueryField()

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class StemmingQueryMixin:
    """Plain text and phrases built from words only; And, Or and Not stay the vendor's."""

    STEMS = True

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            languages = active_languages() if self.STEMS else []
            fts = fts_terms(query.query_string, languages, query.operator, prefix_last=self.LAST_TERM_IS_PREFIX)
            # In parentheses: inside And(Phrase, PlainText) FTS5 would bind "phrase AND a OR b" as
            # "(phrase AND a) OR b" (its AND binds tighter than OR), and find pages without the phrase.
            joined = " OR " in fts or " AND " in fts  # words are quoted and hold no spaces
            return SearchQueryExpression(FTSQuery(f"({fts})" if joined else fts))
        if isinstance(query, Phrase):
            return SearchQueryExpression(FTSQuery(fts_phrase(query.query_string)))
        return super().build_search_query_content(query, config=config)


class MultilingualSQLiteSearchQueryCompiler(StemmingQueryMixin, SQLiteSearchQueryCompiler):
    pass


class MultilingualSQLiteAutocompleteQueryCompiler(StemmingQueryMixin, SQLiteAutocompleteQueryCompiler):
    # The start of a word as written: its stem could be shorter than what the reader typed.
    STEMS = False


class MultilingualSQLiteSearchResults(RankedIdsMixin, SQLiteSearchResults):
    pass


class MultilingualSQLiteSearchBackend(InvalidatingRebuildMixin, SQLiteSearchBackend):
    index_class = MultilingualSQLiteIndex
    results_class = MultilingualSQLiteSearchResults
    query_compiler_class = MultilingualSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = MultilingualSQLiteAutocompleteQueryCompiler
