"""The search page in the page cache (caching/page_cache.py `shareable`): kept per permission class, counted
on every hit, dropped when the index changes, never kept when the engine did not answer."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import PageViewRestriction

from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodPage
from portal.factories import EmployeeFactory
from search.indexing import update_search_index
from search.models import SearchQueryDay
from tests.search.test_engine import closed_engine
from tests.utils import signed_in

pytestmark = pytest.mark.django_db

BOARD_ONLY = "Reflection for the board"


@pytest.fixture
def methods(site_tree):
    from home.models import HomePage

    index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    MethodPageFactory(parent=index, title="Reflection round")
    secret = MethodPageFactory(parent=index, title=BOARD_ONLY)
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=secret, restriction_type="groups").groups.add(board)
    return {"index": index, "board": board}



def search(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return response


def test_each_permission_class_gets_its_own_kept_results_and_every_hit_is_counted(methods, search_log):
    member = EmployeeFactory(username="bo")
    member.groups.add(methods["board"])
    member_client, outsider_client = signed_in(member), signed_in(EmployeeFactory(username="elin"))
    for _ in range(2):
        member_page, outsider_page = search(member_client, "reflection"), search(outsider_client, "reflection")
        assert BOARD_ONLY in member_page.content.decode()
        assert BOARD_ONLY not in outsider_page.content.decode()
        assert "Reflection round" in outsider_page.content.decode()
    assert member_page["X-Page-Cache"] == outsider_page["X-Page-Cache"] == "hit"
    # The report counts what readers searched, whether or not the page came from the cache.
    search_log.write()
    row = SearchQueryDay.objects.get(query="reflection")
    assert (row.hits, row.zero_result_hits) == (4, 0)


def test_an_index_update_drops_the_kept_search_pages(methods):
    client = signed_in(EmployeeFactory(username="elin"))
    search(client, "harbour")
    assert search(client, "harbour")["X-Page-Cache"] == "hit"
    page = MethodPage.objects.get(title="Reflection round")
    # Renamed behind Django's back (no signal, no new generation): only the index update tells the cache.
    MethodPage.objects.filter(pk=page.pk).update(title="Harbour reflection round")
    update_search_index.enqueue("methods", "methodpage", page.pk)
    response = search(client, "harbour")
    assert response.get("X-Page-Cache") != "hit"
    assert "Harbour reflection round" in response.content.decode()


def kept_then_rebuilt(client):
    """A search page kept, the method renamed without a signal or a queued index update (only a rebuilt
    index knows it), then `update_index`: the search page answered afterwards."""
    search(client, "harbour")
    assert search(client, "harbour")["X-Page-Cache"] == "hit"
    page = MethodPage.objects.get(title="Reflection round")
    MethodPage.objects.filter(pk=page.pk).update(title="Harbour reflection round")
    assert "Harbour reflection round" not in search(client, "harbour").content.decode()
    call_command("update_index", verbosity=0)
    return search(client, "harbour")


def test_a_rebuilt_index_drops_the_kept_search_pages(methods):
    response = kept_then_rebuilt(signed_in(EmployeeFactory(username="elin")))
    assert response.get("X-Page-Cache") != "hit"
    assert "Harbour reflection round" in response.content.decode()


def test_a_rebuilt_opensearch_index_drops_the_kept_search_pages(methods, opensearch_settings):
    client = signed_in(EmployeeFactory(username="elin"))
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", verbosity=0)
        response = kept_then_rebuilt(client)
    assert response.get("X-Page-Cache") != "hit"
    assert "Harbour reflection round" in response.content.decode()


def test_an_answer_without_the_engine_is_never_kept(methods, closed_port):
    client = signed_in(EmployeeFactory(username="elin"))
    with override_settings(WAGTAILSEARCH_BACKENDS=closed_engine(closed_port)):
        for _ in range(2):
            response = search(client, "reflection")
            assert "only page titles were searched" in response.content.decode()
            assert response.get("X-Page-Cache") is None
    response = search(client, "reflection")
    assert "only page titles were searched" not in response.content.decode()
