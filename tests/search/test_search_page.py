"""The search page on PostgreSQL (the tests' default backend): results, facets, privacy, promotions, log."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory, NetworkUpdatePageFactory
from portal.factories import OrganisationFactory, TopicFactory
from search.models import SearchQueryDay
from tests.utils import follow_link, link_href

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def content(home):
    """Three methods, a network with an update and a case study, all about "reflection"."""
    topic = TopicFactory(name="Reflection")
    other_topic = TopicFactory(name="Leadership")
    organisation = OrganisationFactory(name="Home care north")
    methods = MethodIndexPageFactory(parent=home)
    method_pages = [MethodPageFactory(parent=methods, title=f"Reflection round {n}") for n in range(3)]
    for page in method_pages:
        page.topics.add(topic)
        page.save_revision().publish()
    method_pages[0].topics.add(other_topic)
    method_pages[0].save_revision().publish()
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Reflection network")
    update = NetworkUpdatePageFactory(parent=network, title="Reflection gathering report")
    case = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home), title="Reflection at home care", network=network
    )
    case.organisations.add(organisation)
    case.save_revision().publish()
    return {
        "topic": topic,
        "organisation": organisation,
        "methods": method_pages,
        "network": network,
        "update": update,
        "case": case,
    }


def search(client, **params):
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    return response


def titles(response):
    return [item["page"].title for item in response.context["items"]]


def facet(response, name):
    options = next(f for f in response.context["facets"] if f["name"] == name)["options"]
    return {option["label"]: option["count"] for option in options}


def test_results_span_page_types_with_type_language_date_and_a_highlighted_snippet(employee_client, content):
    response = search(employee_client, q="reflection")
    assert set(titles(response)) == {
        "Reflection round 0",
        "Reflection round 1",
        "Reflection round 2",
        "Reflection network",
        "Reflection gathering report",
        "Reflection at home care",
    }
    html = response.content.decode()
    # The title is the result's heading; a snippet shows other text only (tests/search/test_result_texts.py).
    for snippet in re.findall(r'<p class="search-results__snippet"[^>]*>(.*?)</p>', html, re.S):
        assert "<mark>Reflection</mark> round" not in snippet and "<mark>Reflection</mark> network" not in snippet
    assert '<p class="meta">Case study · English' in html
    assert "English" in html
    item = next(item for item in response.context["items"] if item["page"].title == "Reflection round 0")
    assert item["date"] is not None and item["language"] == "en"


def test_facet_counts(employee_client, content):
    response = search(employee_client, q="reflection")
    assert facet(response, "topic") == {"Reflection": 3, "Leadership": 1}
    assert facet(response, "network") == {"Reflection network": 3}
    assert facet(response, "organisation") == {"Home care north": 1}
    assert facet(response, "language") == {"English": 6}
    types = facet(response, "type")
    assert all(label[0].isupper() for label in types)  # "Method", as the other facets' values
    assert sorted(types.values()) == [1, 1, 1, 3]


def test_a_facet_filters_the_results(employee_client, content):
    response = search(employee_client, q="reflection", topic=content["topic"].pk)
    assert sorted(titles(response)) == ["Reflection round 0", "Reflection round 1", "Reflection round 2"]
    response = search(employee_client, q="reflection", network=content["network"].pk)
    assert sorted(titles(response)) == ["Reflection at home care", "Reflection gathering report", "Reflection network"]


def test_results_are_paginated(employee_client, content):
    methods = content["methods"][0].get_parent()
    for n in range(12):
        MethodPageFactory(parent=methods, title=f"Reflection extra {n}")
    first = search(employee_client, q="reflection")
    assert link_href(first.content.decode(), rel="next") == "?q=reflection&page=2"
    second = follow_link(employee_client, "/en/search/?q=reflection", first.content.decode(), rel="next")
    assert len(first.context["items"]) == 10
    assert len(second.context["items"]) == 8
    assert not set(titles(first)) & set(titles(second))


def test_private_group_restricted_and_draft_pages_are_never_shown(employee_client, content):
    PageViewRestriction.objects.create(page=content["network"], restriction_type="password", password="x")
    restricted = content["methods"][1]
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Board"))
    draft = content["methods"][2]
    draft.unpublish()
    response = search(employee_client, q="reflection")
    # The network's update lives under the private network, so it goes too.
    assert sorted(titles(response)) == ["Reflection at home care", "Reflection round 0"]
    autocomplete = employee_client.get("/en/search/autocomplete/", {"q": "refl"}).json()
    assert {r["title"] for r in autocomplete["results"]} == {"Reflection at home care", "Reflection round 0"}


def test_privacy_is_one_clause_however_many_private_pages(employee_client, employee, content):
    from wagtail.models import Page

    from search.access import visible_pages

    def restriction_clauses():
        return str(visible_pages(Page.objects.all(), employee).query).count("wagtailcore_pageviewrestriction")

    clauses = restriction_clauses()
    methods = content["methods"][0].get_parent()
    board = Group.objects.create(name="Board")
    for n in range(40):
        page = MethodPageFactory(parent=methods, title=f"Secret reflection {n}")
        PageViewRestriction.objects.create(page=page, restriction_type="groups").groups.add(board)
    assert restriction_clauses() == clauses
    response = search(employee_client, q="reflection")
    assert not [title for title in titles(response) if title.startswith("Secret")]
    assert response.context["results"].paginator.count == 6


def test_promotions_come_first(employee_client, content, home):
    query = Query.get("reflection")
    SearchPromotion.objects.create(query=query, page=content["case"], sort_order=0, description="Start here")
    guide = "https://example.org/guide"
    SearchPromotion.objects.create(query=query, external_link_url=guide, external_link_text="Guide", sort_order=1)
    private = content["methods"][1]
    PageViewRestriction.objects.create(page=private, restriction_type="groups").groups.add(
        Group.objects.create(name="Board")
    )
    SearchPromotion.objects.create(query=query, page=private, sort_order=2)
    response = search(employee_client, q="Reflection")
    promoted = response.context["promotions"]
    assert [p["page"].title if p["page"] else p["pick"].external_link_text for p in promoted] == [
        "Reflection at home care",
        "Guide",
    ]
    html = response.content.decode()
    assert html.index("Start here") < html.index("Reflection round 0")


def test_queries_are_logged_for_the_report(employee_client, content, admin_client):
    search(employee_client, q="Reflection")
    search(employee_client, q="reflection  ")
    search(employee_client, q="reflection", page=2)  # turning pages is not a new search
    search(employee_client, q="gardening")
    search(employee_client, q="")
    # Counted in memory (search/query_log.py): the report writes them before it reads.
    assert not SearchQueryDay.objects.exists()

    report = admin_client.get("/admin/reports/search-queries/")
    assert report.status_code == 200
    rows = {row.query: row for row in SearchQueryDay.objects.all()}
    assert set(rows) == {"reflection", "gardening"}
    assert (rows["reflection"].hits, rows["reflection"].zero_result_hits) == (2, 0)
    assert (rows["gardening"].hits, rows["gardening"].zero_result_hits) == (1, 1)
    html = report.content.decode()
    assert "reflection" in html and "gardening" in html
    zero = admin_client.get("/admin/reports/search-queries/", {"zero": "1"})
    assert "gardening" in zero.content.decode() and "reflection" not in zero.content.decode()


def test_an_employee_cannot_open_the_report(employee_client, site_tree):
    response = employee_client.get("/admin/reports/search-queries/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 5000, "<script>alert('x')</script>", "\"&|!():*'\\", "<b>reflection</b>", "%00\x00 réflexion"],
)
def test_odd_queries_answer_sensibly(employee_client, content, query):
    response = search(employee_client, q=query)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert len(response.context["search_query"]) <= 200
    auto = employee_client.get("/en/search/autocomplete/", {"q": query})
    assert auto.status_code == 200


def test_markup_is_stripped_before_searching(employee_client, content):
    response = search(employee_client, q="<b>reflection</b>")
    assert response.context["search_query"] == "reflection"
    assert len(titles(response)) == 6


def test_bad_facet_values_are_ignored(employee_client, content):
    response = search(employee_client, q="reflection", topic="abc", network="99999999999999", language="xx", page="x")
    assert len(titles(response)) == 6


@pytest.mark.parametrize("kind", ["99999999", "0", "<user type>"])
def test_a_type_that_names_no_page_type_finds_nothing_and_offers_no_option(employee_client, content, kind):
    from django.contrib.auth.models import User
    from django.contrib.contenttypes.models import ContentType

    value = str(ContentType.objects.get_for_model(User).pk) if kind == "<user type>" else kind
    response = search(employee_client, q="reflection", type=value)
    assert titles(response) == []
    assert facet(response, "type") == {}  # the selected value is not offered as an option named by its id


def test_the_active_locale_is_searched_by_default_and_all_languages_on_request(employee_client, site_tree):
    swedish_home = HomePage.objects.get(locale__language_code="sv")
    methods = MethodIndexPageFactory(parent=swedish_home, slug="metoder")
    MethodPageFactory(parent=methods, title="Reflektion i nätverket", summary="Vi träffas i nätverk.")
    assert titles(search(employee_client, q="nätverken")) == []
    assert "Reflektion i nätverket" in titles(search(employee_client, q="nätverken", **{"in": "all"}))
    response = employee_client.get("/sv/search/", {"q": "nätverken"})
    assert "Reflektion i nätverket" in [item["page"].title for item in response.context["items"]]
    assert {item["language"] for item in response.context["items"]} == {"sv"}


def test_autocomplete_suggests_titles(employee_client, content):
    body = employee_client.get("/en/search/autocomplete/", {"q": "reflection net"}).json()
    assert body["results"][0]["title"] == "Reflection network"
    assert body["results"][0]["url"].startswith("/en/")
    assert body["message"] == ""


def test_facet_labels_are_shared_and_follow_a_rename(employee_client, content, settings):
    # Every request renders (no whole-page copy); the labels are kept for all readers (portal.fragments).
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    assert facet(search(employee_client, q="reflection"), "network") == {"Reflection network": 3}
    assert facet(search(employee_client, q="reflection"), "network") == {"Reflection network": 3}

    network = content["network"]
    network.title = "Reflection circle"
    network.save_revision().publish()
    content["topic"].name = "Reflective practice"
    content["topic"].save()
    response = search(employee_client, q="reflection")
    assert facet(response, "network") == {"Reflection circle": 3}
    assert facet(response, "topic") == {"Reflective practice": 3, "Leadership": 1}


def test_result_rows_are_shared_and_follow_an_edit(employee_client, content, settings):
    # Every request renders (no whole-page copy); a page of results' rows are kept for the reader's class.
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    assert "Reflection at home care" in titles(search(employee_client, q="reflection"))
    assert "Reflection at home care" in titles(search(employee_client, q="reflection"))

    case = content["case"]
    case.title = "Reflection in home care, revised"
    case.summary = "Written again after a second year."
    case.save_revision().publish()
    response = search(employee_client, q="reflection")
    assert "Reflection in home care, revised" in titles(response)
    assert "Reflection at home care" not in titles(response)
    assert "Written again after a second year." in response.content.decode()


def test_facet_values_are_shared_and_follow_an_edit(employee_client, content, settings):
    # The same hits searched again read their facet values from the shared parts, until anything changes.
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    assert facet(search(employee_client, q="reflection"), "topic") == {"Reflection": 3, "Leadership": 1}
    assert facet(search(employee_client, q="reflection"), "topic") == {"Reflection": 3, "Leadership": 1}
    second = content["methods"][1]
    second.topics.add(TopicFactory._meta.model.objects.get(name="Leadership"))
    second.save_revision().publish()
    assert facet(search(employee_client, q="reflection"), "topic") == {"Reflection": 3, "Leadership": 2}
