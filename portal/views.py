import logging

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    error = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        try:
            results = list(pages.search(query))
        except Exception:  # noqa: BLE001 - an unreachable engine must not break the page.
            logger.exception("Search failed for %r", query)
            error = _("Search is unavailable at the moment. Please try again in a few minutes.")
            results = []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return render(
        request,
        "portal/search.html",
        {
            "search_query": query,
            # get_page falls back to the first or last page for a bad number.
            "results": paginator.get_page(request.GET.get("page")),
            "error": error,
        },
    )
