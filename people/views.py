"""The directory's routes. Thin: the rules live in directory.py."""

from django.core.paginator import Paginator
from django.http import JsonResponse

from people import directory as people_directory
from people import links
from people.forms import DirectoryFilterForm

PER_PAGE = 24
PRIVATE = "private, no-store"


def directory(request, page):
    everyone = page.people()
    networks = links.directory_networks()
    form = DirectoryFilterForm(
        request.GET,
        topics=list(people_directory.topic_options(everyone)),
        organisations=list(people_directory.organisation_options(everyone)),
        networks=None if networks is None else list(networks.options(page.locale_id)),
    )
    filters = form.filters()
    query = " ".join(people_directory.search_terms(filters.get("q", "")))
    people = people_directory.apply_filters(people_directory.matching(everyone, query), filters, networks)
    results = Paginator(people_directory.for_cards(people), PER_PAGE).get_page(request.GET.get("page"))
    return page.render(
        request,
        context_overrides={
            "people": results,
            "filter_form": form,
            "search_query": query,
            "active_letter": filters.get("letter", "").upper(),
            "letters": people_directory.initials(everyone),
            "is_filtered": bool(query or set(filters) - {"q"}),
            "autocomplete_url": page.get_url(request) + page.reverse_subpage("autocomplete"),
        },
    )


def autocomplete(request, page):
    base_url = page.get_url(request)
    rows = people_directory.suggestions(page.people(), request.GET.get("q", ""))
    response = JsonResponse(
        {
            "results": [
                {
                    "name": row["title"],
                    "job_title": row["job_title"],
                    "organisation": row["organisation__name"] or "",
                    "url": f"{base_url}{row['slug']}/",
                }
                for row in rows
            ]
        }
    )
    response["Cache-Control"] = PRIVATE
    return response
