"""The search page on the real OpenSearch node, when the engine is down, and when the code is wrong."""

import io
import logging

import opensearchpy
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodPage

pytestmark = pytest.mark.django_db


def closed_engine(port):
    return {"default": {"BACKEND": "search.backends.opensearch2", "URLS": [f"http://127.0.0.1:{port}"], "TIMEOUT": 1}}


@pytest.fixture
def methods(site_tree):
    return MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))


def titles(response):
    return [item["page"].title for item in response.context["items"]]


def test_the_search_page_stems_facets_and_autocompletes_on_opensearch(employee_client, methods, opensearch_settings):
    swedish = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="sv"), slug="metoder")
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        MethodPageFactory(parent=methods, title="Meeting notes", summary="How to keep notes of a meeting.")
        MethodPageFactory(parent=methods, title="Walk and talk", summary="Talk while walking.")
        MethodPageFactory(parent=swedish, title="Nätverk i praktiken", summary="Så arbetar ett nätverk.")
        opensearch_settings_backend_refresh()

        response = employee_client.get("/en/search/", {"q": "meetings"})
        assert titles(response) == ["Meeting notes"]
        assert response.context["error"] is None
        types = next(f for f in response.context["facets"] if f["name"] == "type")["options"]
        assert [(o["label"], o["count"]) for o in types] == [("Method", 1)]

        response = employee_client.get("/sv/search/", {"q": "nätverken"})
        assert "Nätverk i praktiken" in titles(response)

        suggestions = employee_client.get("/en/search/autocomplete/", {"q": "walk"}).json()
        assert [s["title"] for s in suggestions["results"]] == ["Walk and talk"]


def opensearch_settings_backend_refresh():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    backend.get_index_for_model(MethodPage).refresh()


def test_an_unreachable_engine_gives_a_message_and_title_matches(employee_client, methods, closed_port, caplog):
    MethodPageFactory(parent=methods, title="Reflection round")
    with override_settings(WAGTAILSEARCH_BACKENDS=closed_engine(closed_port)):
        with caplog.at_level(logging.WARNING, logger="search.service"):
            response = employee_client.get("/en/search/", {"q": "reflection"})
        assert response.status_code == 200
        # The log keeps the traceback, naming the engine's connection error, for whoever runs the node.
        logged = [record for record in caplog.records if record.name == "search.service"]
        assert logged and isinstance(logged[0].exc_info[1], opensearchpy.ConnectionError)
        assert "only page titles were searched" in response.context["error"]
        assert titles(response) == ["Reflection round"]
        assert 'role="alert"' in response.content.decode()

        swedish = employee_client.get("/sv/search/", {"q": "reflection"})
        assert swedish.status_code == 200
        assert swedish.context["error"]

        auto = employee_client.get("/en/search/autocomplete/", {"q": "reflec"})
        assert auto.status_code == 200
        assert auto.json()["message"]
        assert [r["title"] for r in auto.json()["results"]] == ["Reflection round"]


def test_saving_pages_succeeds_while_the_engine_is_down_and_update_index_catches_up(
    employee_client, methods, closed_port, opensearch_settings
):
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    with override_settings(WAGTAILSEARCH_BACKENDS=closed_engine(closed_port)):
        page = MethodPageFactory(parent=methods, title="Peer review")
        page.summary = "Colleagues review each other's gatherings."
        page.save_revision().publish()
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        opensearch_settings_backend_refresh()
        assert titles(employee_client.get("/en/search/", {"q": "gatherings"})) == []
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        opensearch_settings_backend_refresh()
        assert titles(employee_client.get("/en/search/", {"q": "gathering"})) == ["Peer review"]


FAULTY_BACKEND = {"default": {"BACKEND": "tests.search.faulty_backend"}}


def test_a_bug_in_the_search_call_is_an_error_not_the_degraded_page(employee, methods):
    MethodPageFactory(parent=methods, title="Reflection round")
    client = Client(raise_request_exception=False)
    client.force_login(employee)
    with override_settings(WAGTAILSEARCH_BACKENDS=FAULTY_BACKEND):
        assert client.get("/en/search/", {"q": "reflection"}).status_code == 500
        assert client.get("/en/search/autocomplete/", {"q": "refl"}).status_code == 500
        # In a test the error itself arrives, with its own traceback.
        client.raise_request_exception = True
        with pytest.raises(TypeError, match="ordering"):
            client.get("/en/search/", {"q": "reflection"})


def test_private_and_draft_pages_are_never_shown_on_opensearch(employee_client, methods, opensearch_settings):
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        public = MethodPageFactory(parent=methods, title="Reflection in public")
        private = MethodPageFactory(parent=methods, title="Reflection in private")
        restriction = PageViewRestriction.objects.create(page=private, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name="Board"))
        draft = MethodPageFactory(parent=methods, title="Reflection in draft")
        draft.unpublish()
        opensearch_settings_backend_refresh()

        assert titles(employee_client.get("/en/search/", {"q": "reflection"})) == [public.title]
        suggestions = employee_client.get("/en/search/autocomplete/", {"q": "reflec"}).json()["results"]
        assert [s["title"] for s in suggestions] == [public.title]
