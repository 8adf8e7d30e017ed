""""Did you mean …?" after a search that found nothing: the nearest words of titles the reader may see."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from methods.factories import MethodIndexPageFactory, MethodPageFactory
from tests.search.test_search_page import content, home, search, titles  # noqa: F401 - fixtures
from tests.utils import follow_link

pytestmark = pytest.mark.django_db


def test_a_misspelt_word_is_answered_with_the_word_the_titles_use(employee_client, content):  # noqa: F811
    response = search(employee_client, q="reflecton netwrok")
    assert titles(response) == []
    assert response.context["suggestion"] == "reflection network"
    html = response.content.decode()
    assert "Did you mean:" in html

    found = follow_link(employee_client, "/en/search/", html, "reflection network")
    assert found.status_code == 200
    assert "Reflection network" in [item["page"].title for item in found.context["items"]]


def test_all_languages_is_kept_in_the_suggestions_link(employee_client, content):  # noqa: F811
    html = search(employee_client, q="reflecton", **{"in": "all"}).content.decode()
    assert 'href="?q=reflection&amp;in=all"' in html


def test_no_suggestion_when_no_title_has_a_near_word(employee_client, content):  # noqa: F811
    response = search(employee_client, q="zxqvw")
    assert titles(response) == [] and response.context["suggestion"] == ""
    assert "Did you mean" not in response.content.decode()


def test_a_restricted_title_never_lends_its_words(employee_client, home):  # noqa: F811
    methods = MethodIndexPageFactory(parent=home)
    secret = MethodPageFactory(parent=methods, title="Confidential merger plans")
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=secret, restriction_type="groups").groups.add(board)

    response = search(employee_client, q="mergr")
    assert titles(response) == []
    assert response.context["suggestion"] == ""


@pytest.mark.parametrize("typed", ["møtr", "mote"])
def test_a_slip_or_a_missing_mark_is_answered_with_the_titles_word(employee_client, site_tree, typed):
    """The title says "møtet": a slip towards its stem ("møtr") or the word without its mark ("mote")."""
    from home.models import HomePage

    methods = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="nb"))
    MethodPageFactory(parent=methods, title="Mal: før møtet")
    response = employee_client.get("/nb/search/", {"q": typed})
    assert response.context["items"] == []
    assert response.context["suggestion"] == "møtet"
