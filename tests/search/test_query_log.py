"""Searches counted for the report without a database write per search (search/query_log.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from portal.factories import EmployeeFactory
from search.models import SearchQueryDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(site_tree):
    MethodPageFactory(
        parent=MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en")), title="Reflection round"
    )
    client = Client()
    client.force_login(EmployeeFactory(username="elin"))
    return client


def search(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return response


def writes_to_the_log(captured):
    return [query["sql"] for query in captured if SearchQueryDay._meta.db_table in query["sql"]]


def test_searches_are_added_up_and_written_at_the_end_of_the_first_request_after_the_interval(
    reader, search_log, settings
):
    with CaptureQueriesContext(connection) as first:
        search(reader, "reflection")
    with CaptureQueriesContext(connection) as kept:
        assert search(reader, "reflection")["X-Page-Cache"] == "hit"
    search(reader, "gardening")
    assert writes_to_the_log(first) == writes_to_the_log(kept) == []
    today = timezone.localdate()
    assert search_log.pending() == {(today, "en", "reflection"): (2, 0), (today, "en", "gardening"): (1, 1)}
    assert not SearchQueryDay.objects.exists()

    settings.SEARCH_LOG_SECONDS = 0  # the interval has passed: any request's end writes them
    assert reader.get("/en/").status_code == 200
    rows = {row.query: (row.hits, row.zero_result_hits) for row in SearchQueryDay.objects.all()}
    assert rows == {"reflection": (2, 0), "gardening": (1, 1)}
    assert search_log.pending() == {}

    # Later counts of the same day add to the same rows.
    search(reader, "reflection")
    search_log.write()
    assert SearchQueryDay.objects.get(query="reflection").hits == 3


def test_without_an_interval_each_search_is_written_at_once(reader, settings):
    settings.SEARCH_LOG_SECONDS = 0  # development's default
    search(reader, "reflection")
    assert search(reader, "reflection")["X-Page-Cache"] == "hit"
    assert SearchQueryDay.objects.get(query="reflection").hits == 2


def test_an_empty_or_blank_query_is_not_counted(reader, search_log):
    search(reader, "   ")
    search_log.count("   ", "en", 0)
    assert search_log.pending() == {}


def test_a_search_of_very_common_words_only_counts_as_a_search_not_as_one_without_results(reader, search_log):
    """Nothing was searched: the reader was asked for a more specific word (search.query). The report's
    "without results" is where Communications looks for what the portal lacks; "the" is not that."""
    first = search(reader, "the")
    assert first.context["only_common_words"]
    assert search(reader, "the")["X-Page-Cache"] == "hit"  # a kept copy counts alike
    search(reader, "gardening")
    today = timezone.localdate()
    assert search_log.pending() == {(today, "en", "the"): (2, 0), (today, "en", "gardening"): (1, 1)}
    search_log.write()
    rows = {row.query: (row.hits, row.zero_result_hits) for row in SearchQueryDay.objects.all()}
    assert rows == {"the": (2, 0), "gardening": (1, 1)}
