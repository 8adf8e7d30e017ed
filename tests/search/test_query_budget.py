"""What one warm search costs in SQL, pinned: the same with 3 results or 30, on both backends.

The search page's own work is a fixed number of queries whatever the hits are: the engine's ranked
ids (in SQL only on the database backend), the hits the reader may see, all facet values (one UNION)
and their labels (one UNION), both kept for the reader's class after the first view of the same hits
(portal.fragments), one page of results with their specific fields (kept the same way), the day's
statistics and the promotions. The rest is the frame every request pays: the session and the user
(navigation and permissions come from shared parts, caching/fragments.py).
Today: 6 on either backend, one more across all languages (24 on the database backend before issue 12).
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodPage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ResourcePersonPage
from portal.factories import OrganisationFactory, TopicFactory
from search.views import RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db

# Session and user.
FRAME = 2
# Hits the viewer may see, promotions; the facet values and labels and the page of results' rows come
# from the shared parts when warm. Counting the search for the report costs none (search/query_log.py).
SEARCH = 2


def engine(backend, params):
    """The database backend ranks in SQL. OpenSearch ranks over HTTP, but its filter reads the locale's id
    (not in all languages); its ranked ids are used as they come, no page read back (search.backends.engine)."""
    if backend == "database":
        return 1
    return 0 if params.get("in") == "all" else 1


# (case, GET parameters, queries beyond SEARCH; "<...>" stand for the shared values' ids)
CASES = [
    ("plain", {"q": "reflection"}, 0),
    # Across all languages the hits rank their translation groups, then the shown groups' other versions
    # that could stand for them are read (search.groups).
    ("all languages", {"q": "reflection", "in": "all"}, 1),
    ("type filter", {"q": "reflection", "type": "<method type>"}, 0),
    ("language filter", {"q": "reflection", "language": "en"}, 0),
    # A topic or organisation is looked up by its translation group.
    ("topic filter", {"q": "reflection", "topic": "<topic>"}, 1),
    ("organisation filter", {"q": "reflection", "organisation": "<organisation>"}, 1),
    ("second page", {"q": "reflection", "page": "2"}, 0),
]


@pytest.fixture
def shared(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    return {
        "methods": MethodIndexPageFactory(parent=home),
        "people": ResourcePersonIndexPageFactory(parent=home),
        "<topic>": TopicFactory(name="Reflection"),
        "<organisation>": OrganisationFactory(name="Care home"),
        "<method type>": ContentType.objects.get_for_model(MethodPage),
    }


def add_results(shared, count):
    """`count` hits for "reflection": methods with a topic and people with an organisation, two to one."""
    for _ in range(count):
        number = MethodPage.objects.count() + ResourcePersonPage.objects.count()
        if number % 3 == 2:
            ResourcePersonPageFactory(
                parent=shared["people"],
                title=f"Reflection guide {number}",
                organisation=shared["<organisation>"],
            )
        else:
            method = MethodPageFactory(parent=shared["methods"], title=f"Reflection round {number}")
            method.topics.add(shared["<topic>"])
            method.save()


def params_for(params, shared):
    return {name: str(shared[value].pk) if value in shared else value for name, value in params.items()}


@pytest.fixture(params=["database", "opensearch"])
def backend(request, shared):
    """The search backend to count on; OpenSearch's index is built from the pages as they are saved."""
    if request.param == "database":
        yield "database"
        return
    settings = request.getfixturevalue("opensearch_settings")
    with override_settings(WAGTAILSEARCH_BACKENDS=settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        yield "opensearch"


def refreshed(backend):
    if backend == "opensearch":
        engine = get_search_backend()
        for model in (MethodPage, ResourcePersonPage):
            engine.get_index_for_model(model).refresh()


@pytest.mark.parametrize(("case", "params", "extra"), CASES, ids=[case for case, _params, _extra in CASES])
def test_a_search_costs_the_same_with_3_and_30_results(
    case, params, extra, backend, shared, employee_client, django_assert_num_queries
):
    params = params_for(params, shared)
    for count in (3, 27):
        add_results(shared, count)
        refreshed(backend)
        employee_client.get("/en/search/", params)  # warm: content types, site root paths, today's statistics
        with django_assert_num_queries(FRAME + engine(backend, params) + SEARCH + extra):
            response = employee_client.get("/en/search/", params)
        assert response.status_code == 200
        methods, people = MethodPage.objects.count(), ResourcePersonPage.objects.count()
        # Each filter keeps the hits that have the value: methods have the type and topic, people the organisation.
        expected = {"type filter": methods, "topic filter": methods, "organisation filter": people}
        assert response.context["results"].paginator.count == expected.get(case, methods + people), case
        assert len(response.context["items"]) == min(RESULTS_PER_PAGE, response.context["results"].paginator.count)
