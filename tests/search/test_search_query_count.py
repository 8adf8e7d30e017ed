"""The search page's queries: a fixed number, however many results a page of results shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory

pytestmark = pytest.mark.django_db

# Measured with the database backend, signed in as an employee (tests/search/test_query_budget.py pins each case).
SEARCH_QUERIES = 7


@pytest.fixture
def methods(site_tree):
    return MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))


def add_methods(parent, count, start=0):
    for n in range(start, start + count):
        MethodPageFactory(parent=parent, title=f"Reflection round {n}")


def search_queries(client):
    client.get("/en/search/", {"q": "reflection"})  # warm: site root paths, content types
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/search/", {"q": "reflection"})
    assert response.status_code == 200
    return len(response.context["items"]), captured


def test_search_query_count_does_not_grow_with_results(employee_client, methods):
    add_methods(methods, 2)
    few, few_queries = search_queries(employee_client)
    add_methods(methods, 8, start=2)
    many, many_queries = search_queries(employee_client)
    assert (few, many) == (2, 10)
    assert len(many_queries) == len(few_queries), [q["sql"] for q in many_queries]
    # Facet values and their labels come from one UNION query each; counting the search costs none.
    assert len(many_queries) <= SEARCH_QUERIES, [q["sql"] for q in many_queries]
