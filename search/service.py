"""One search, from the reader's words to the ranked, visible page ids.

The engine ranks; the database decides what the viewer may see (search.access,
the portal's one visibility rule) and facets (search.facets). If the engine does not answer (search.outage), the
search falls back to matching titles in the database, and says so; any other
error is a bug and propagates.
"""

import logging
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Phrase, PlainText
from wagtail.search.utils import normalise_query_string

from portal import compiled
from portal.visibility import visibility_for
from search.access import visible_pages
from search.backends.engine import one_per_translation
from search.backends.languages import ALL, ANALYZERS, search_language
from search.groups import group_versions, one_per_group
from search.outage import is_engine_outage
from search.query import only_common_words, phrases, plain_words, query_terms, with_stems, without_common_words

logger = logging.getLogger(__name__)


@dataclass
class Hit:
    pk: int
    content_type_id: int
    language: str
    path: str
    translation_key: object = None


@dataclass
class SearchOutcome:
    hits: list = field(default_factory=list)
    degraded: bool = False
    # The query held only very common words ("the", "og det"), so nothing was searched (search.stopwords).
    only_common_words: bool = False
    # What was searched: the query without the very common words beside other ones (for highlighting).
    searched: str = ""


def scope(language):
    """Live pages in the language, or in all languages; the engine can filter on both.

    The locale is a subquery: the database backends run it inside their search query, and
    OpenSearch's filter reads it once (the engine filters on locale ids, not codes).
    """
    pages = Page.objects.live()
    if language != ALL:
        pages = pages.filter(locale__in=Locale.objects.filter(language_code=language).values("pk"))
    return pages


def max_hits(language, limit=None, backend=None):
    """How many ranked ids to ask for: across all languages a page may match once per language.

    That is the bound on search.groups' work: with every version of ``limit`` groups
    fetched, the groups kept after one-per-group are complete up to ``limit``. An
    engine that collapses translations itself (OpenSearch, Elasticsearch) returns
    one hit per group, so ``limit`` hits are ``limit`` groups.
    """
    limit = limit or settings.SEARCH_MAX_RESULTS
    if language != ALL or getattr(backend, "collapses_translations", False):
        return limit
    return limit * len(ANALYZERS)


@contextmanager
def analysed_in(language):
    """The language's analysis; across all languages, one hit per translation group where the engine can."""
    with search_language(language), one_per_translation() if language == ALL else nullcontext():
        yield


def ranked_ids(results):
    """The ids of ``results`` in rank order: Erfa's backends give them without an object per hit."""
    if hasattr(results, "ids"):
        return results.ids()
    return [page.pk for page in results]


def engine_query(query, language):
    """What the engine is asked: any of the words, each with its stems; a page must hold each quoted phrase.

    A phrase's words are searched in their order and side by side, on every backend: as written on
    SQLite (its index keeps the text as written), stemmed by the language's analysis on PostgreSQL and
    OpenSearch. Beside a phrase, the other words narrow it down: one of them must be on the page too.
    """
    quoted, words = phrases(query)
    words = with_stems(words, language)
    if not quoted:
        return words
    parts = [Phrase(phrase) for phrase in quoted] + ([PlainText(words, operator="or")] if words else [])
    return And(parts) if len(parts) > 1 else parts[0]


def engine_ids(query, language, backend=None, reader=None):
    backend = backend or get_search_backend()
    # Across all languages the reader's own language's stems are added (the reader types in it).
    query = engine_query(query, language if language != ALL else reader)
    with analysed_in(language):
        # Only the ids: the database filters and describes the hits afterwards.
        results = backend.search(query, scope(language).only("id"), operator="or")
        return ranked_ids(results[: max_hits(language, backend=backend)])


def title_match_ids(query, language, viewer=None):
    """The degraded mode: pages whose title contains every word, newest first.

    Only pages the viewer may see count towards the limit, so hidden people and restricted pages
    neither show nor crowd out the others (visible_hits checks again, as for the engine's ids).
    """
    condition = Q()
    for term in query_terms(query) or [query.lower()]:
        condition &= Q(title__icontains=term)
    pages = visible_pages(scope(language), viewer).filter(condition).order_by("-last_published_at")
    return list(pages.values_list("pk", flat=True)[: max_hits(language)])


def visible_hits(ids, language=None, reader=None, viewer=None):
    """The ids the ``viewer`` may see, in the engine's order, with what facets and listings need.

    Across all languages, one hit per translation group, in the ``reader``'s language
    where it exists (search.groups); within one language each group has one version anyway.
    """
    if not ids:
        return []
    if language == ALL:
        versions = group_versions(ids, visible_pages(viewer=viewer), reader, settings.SEARCH_MAX_RESULTS)
        return [Hit(*row) for row in one_per_group(ids, versions, reader)]
    rows = visible_pages(Page.objects.filter(pk__in=ids), viewer).values_list(
        "pk", "content_type_id", "locale__language_code", "path", "translation_key"
    )
    by_pk = {row[0]: Hit(*row) for row in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def engine_or_titles(ask_engine, query, language, limit, viewer=None):
    """The engine's ids, or the title matches the viewer may see when the engine is out: (ids, degraded)."""
    try:
        return ask_engine(), False
    except Exception as error:
        if not is_engine_outage(error):
            raise
        # The traceback tells an operator which node and why; the reader gets the title matches.
        logger.warning("Search engine not answering; matching titles instead", exc_info=True)
        return title_match_ids(query, language, viewer)[:limit], True


def run_search(query, language, backend=None, reader=None, viewer=None):
    """The hits for ``query`` in ``language`` (or ``ALL``) that the ``viewer`` (a request, a user or None)
    may see, for a ``reader`` of that language."""
    if not query:
        return SearchOutcome()
    # The engines drop a language's very common words, and PostgreSQL, OpenSearch and SQLite differ in
    # what is left of a query of nothing else (search.stopwords): none of them is asked, alike.
    if only_common_words(query, language):
        return SearchOutcome(only_common_words=True, searched=query)
    query = without_common_words(query, language)
    viewer = visibility_for(viewer)
    ids, degraded = engine_or_titles(
        lambda: engine_ids(query, language, backend, reader), query, language, max_hits(language), viewer
    )
    hits = visible_hits(ids, language, reader or language, viewer)
    return SearchOutcome(hits=hits[: settings.SEARCH_MAX_RESULTS], degraded=degraded, searched=query)


def promotions(query, language, viewer=None):
    """Search promotions for the query that the viewer may see, first, in the reader's ``language`` where translated."""
    normalised = normalise_query_string(plain_words(query)) if query else ""
    if not normalised:
        return []
    # Asked on every search: one SQL for every query string, its one parameter (portal.compiled).
    picks = compiled.rows(
        ("search-promotions",),
        lambda: SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order"),
        params=[normalised],
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    viewer = visibility_for(viewer)
    # The picked pages and their versions in the reader's language, in one query, each as the viewer may see it.
    wanted = Q(pk__in=page_ids)
    if language != ALL:
        groups = Page.objects.filter(pk__in=page_ids).values("translation_key")
        wanted |= Q(translation_key__in=groups, locale__language_code=language)
    found = list(visible_pages(Page.objects.filter(wanted), viewer).select_related("locale")) if page_ids else []
    visible = {page.pk: page for page in found if page.pk in page_ids}
    translations = {page.translation_key: page for page in found if page.locale.language_code == language}
    shown = []
    for pick in picks:
        if pick.page_id:
            page = visible.get(pick.page_id)
            if page is None:
                continue
            shown.append({"page": translations.get(page.translation_key, page), "pick": pick})
        elif pick.external_link_url:
            shown.append({"page": None, "pick": pick})
    return shown


def autocomplete(query, language, limit=8, backend=None, reader=None, viewer=None):
    """Titles that start like the query, visible to the viewer; the database answers if the engine cannot."""
    if not query:
        return [], False
    viewer = visibility_for(viewer)
    engine = backend or get_search_backend()
    asked = max_hits(language, limit * 3, engine)

    def ask_engine():
        with analysed_in(language):
            return ranked_ids(engine.autocomplete(query, scope(language))[:asked])

    ids, degraded = engine_or_titles(ask_engine, query, language, max_hits(language, limit * 3), viewer)
    keep = [hit.pk for hit in visible_hits(ids, language, reader or language, viewer)][:limit]
    pages = Page.objects.filter(pk__in=keep).select_related("locale", "content_type")
    by_pk = {page.pk: page for page in pages}
    return [by_pk[pk] for pk in keep if pk in by_pk], degraded
