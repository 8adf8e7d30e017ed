"""The search page and the header's autocomplete endpoint. The rules live in service, access and facets."""

import logging
import re
from functools import wraps
from urllib.parse import urlencode

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from caching import page_cache
from portal.i18n import reader_page_url, reader_path_url
from search import facets, query_log, service
from search.backends.languages import ALL, language_code
from search.query import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, plain_words, query_terms, read_query
from search.results import LANGUAGE_NAMES, result_items
from search.suggest import did_you_mean

RESULTS_PER_PAGE = 10
COUNT_SEARCH = "search:count"
ID = re.compile(r"^\d{1,9}$")


def selected_facets(params):
    """The facet filters in the query string; anything malformed is ignored."""
    selected = {}
    for name, _title in facets.FACETS:
        value = params.get(name, "").strip()
        if name == "language":
            if value in LANGUAGE_NAMES:
                selected[name] = value
        elif ID.match(value):
            selected[name] = value
    return selected


def add_facet_links(facet_list, params):
    """Each option links to the results with that value selected, or with it removed if it is."""
    for facet in facet_list:
        for option in facet["options"]:
            query = params.copy()
            query.pop("page", None)
            if option["selected"]:
                query.pop(facet["name"], None)
            else:
                query[facet["name"]] = option["value"]
            option["query_string"] = query.urlencode()
    return facet_list


def promotion_links(promotions, language):
    """Each promoted page's link under the reader's language prefix, from its url_path (no site lookup)."""
    for promotion in promotions:
        page = promotion["page"]
        promotion["url"] = reader_path_url(page.url_path, page.locale.language_code, language) if page else None
    return promotions


def degraded_message():
    return _(
        "The search engine is not answering at the moment, so only page titles were searched. "
        "Please try again in a few minutes for full results."
    )


def shortened_message():
    return _("Your search was long, so only its first %(count)s words or %(length)s characters were searched.") % {
        "count": MAX_QUERY_WORDS,
        "length": MAX_QUERY_LENGTH,
    }


@require_GET
def search(request):
    raw = request.GET.get("q", "")
    cleaned = read_query(raw)
    query = cleaned.text
    active = language_code(get_language())
    language = ALL if request.GET.get("in") == ALL else active
    selected = selected_facets(request.GET)

    outcome = service.run_search(query, language, reader=active, viewer=request)
    values = facets.facet_values(outcome.hits, viewer=request) if outcome.hits else None
    wanted = facets.selected_groups(selected, viewer=request) if values else {}
    hits = facets.apply_filters(outcome.hits, values, wanted) if values else []
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    first_view = request.GET.get("page") in (None, "", "1") and not selected
    # Nothing searched (very common words only) is no search without results (search.query_log.count).
    found = None if outcome.only_common_words else len(outcome.hits)
    counted = (query, active if language != ALL else ALL, found) if query and first_view else None
    if counted:
        query_log.count(*counted)
    if not outcome.degraded:
        # The same for every reader of a permission class until the next change or index update (which
        # bump the page cache's generation); a copy served from the cache counts the search again.
        page_cache.shareable(request, on_hit=(COUNT_SEARCH, counted) if counted else None)

    # Nothing found for words typed: the nearest words the reader's titles use (search.suggest). Not for a
    # query of very common words only: nothing was searched, and the reader is told why.
    asked = query and not outcome.hits and not outcome.only_common_words
    suggestion = did_you_mean(outcome.searched, service.scope(language), request, active) if asked else ""
    return render(
        request,
        "search/search.html",
        {
            "suggestion": suggestion,
            "suggestion_url": "?" + urlencode({"q": suggestion, **({"in": ALL} if language == ALL else {})}),
            "search_query": query,
            # The header's search box shows the query here only, not a directory's or another page's.
            "site_search_query": query,
            "nothing_searchable": bool(raw.strip()) and not query,
            "only_common_words": outcome.only_common_words,
            "search_in": language,
            "active_language_name": LANGUAGE_NAMES.get(active, active),
            "results": page,
            "items": result_items(list(page.object_list), query_terms(outcome.searched), request, active),
            "facets": add_facet_links(facets.facet_counts(hits, values, wanted, active), request.GET) if values else [],
            "selected": selected,
            "promotions": promotion_links(service.promotions(query, active, viewer=request), active),
            "error": degraded_message() if outcome.degraded else None,
            "shortened": shortened_message() if cleaned.shortened else None,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )


def json_errors(view):
    """The header's script reads JSON, so the autocomplete answers its errors in JSON too, never an HTML page."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"error": "method not allowed", "results": []}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except (BadRequest, SuspiciousOperation) as error:
            # Logged where Django logs the requests it refuses, with the same logger names.
            logging.getLogger(f"django.security.{type(error).__name__}").warning(str(error))
            return JsonResponse({"error": "bad request", "results": []}, status=400)

    return answer


@json_errors
def autocomplete(request):
    # The start of the words typed; a phrase's quotes mean nothing to a title's start.
    query = plain_words(read_query(request.GET.get("q", "")).text)
    language = ALL if request.GET.get("in") == ALL else language_code(get_language())
    pages, degraded = service.autocomplete(query, language, reader=language_code(get_language()), viewer=request)
    return JsonResponse(
        {
            "query": query,
            "results": [
                {
                    "title": page.title,
                    "url": reader_page_url(page, request),
                    "type": str(facets.type_label(page.content_type)),
                    "language": page.locale.language_code,
                }
                for page in pages
            ],
            "message": degraded_message() if degraded else "",
        }
    )
