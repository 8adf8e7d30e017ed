"""Quoted phrases: the words side by side and in that order, on PostgreSQL and on OpenSearch.

The embedded SQLite default is checked by tests/search/sqlite_search.py (test_sqlite_stemming).
"""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodPage
from search.query import phrases, plain_words, read_query

SIDE_BY_SIDE = "Lantern harbour notes"
REVERSED = "Harbour lantern"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ('"before the meeting" notes', '"before the meeting" notes'),
        ('  "before   the meeting"  ', '"before the meeting"'),
        ('notes "before the meeting', "notes before the meeting"),  # left open: words
        ('"a" "b" "c', '"a" "b" c'),
        ('"" notes ""', "notes"),
        ('x"before the"y', 'x "before the" y'),
        ("\"it's\" (notes)*", '"it s" notes'),  # the other syntax still goes
    ],
)
def test_quotes_are_kept_in_pairs_around_a_phrases_words(typed, read):
    assert read_query(typed).text == read


def test_a_phrase_cut_off_by_the_limits_is_searched_as_words():
    typed = " ".join(["word"] * 19) + ' "before the meeting"'
    assert read_query(typed).text == " ".join(["word"] * 19) + " before"


def test_a_query_splits_into_its_phrases_and_its_other_words():
    assert phrases('"before the meeting" notes "after" it') == (["before the meeting", "after"], "notes it")
    assert phrases("notes") == ([], "notes")
    assert plain_words('"before the meeting" notes') == "before the meeting notes"


@pytest.fixture
def methods(site_tree):
    index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    MethodPageFactory(parent=index, title=SIDE_BY_SIDE, summary="Meet outdoors a day ahead.")
    MethodPageFactory(parent=index, title=REVERSED, summary="Notes for the walk along the quay.")
    return index


def titles(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return sorted(item["page"].title for item in response.context["items"])


def expect_phrases_found(client):
    # Without quotes, any of the words: both pages.
    assert titles(client, "lantern harbour") == [REVERSED, SIDE_BY_SIDE]
    # Quoted, only the page with the words side by side and in that order.
    assert titles(client, '"lantern harbour"') == [SIDE_BY_SIDE]
    assert titles(client, '"harbour lantern"') == [REVERSED]
    # Beside a phrase, another word narrows it down: one of the others must be on the page too.
    assert titles(client, '"harbour lantern" walk') == [REVERSED]
    assert titles(client, '"harbour lantern" ahead') == []
    # A quote left open is no phrase: its words are searched one by one.
    assert titles(client, '"harbour lantern') == [REVERSED, SIDE_BY_SIDE]
    # The header's search box keeps what was typed.
    html = client.get("/en/search/", {"q": '"walk along the quay"'}).content.decode()
    assert 'value="&quot;walk along the quay&quot;"' in html
    assert '<a href="/en/methods/harbour-lantern/">Harbour lantern</a>' in html
    suggested = client.get("/en/search/autocomplete/", {"q": '"lantern harbour no'}).json()["results"]
    assert suggested[0]["title"] == SIDE_BY_SIDE  # the quote is no part of a title's start


@pytest.mark.django_db
def test_quoted_phrases_on_postgresql(employee_client, methods):
    assert type(get_search_backend()).__name__ == "MultilingualPostgresSearchBackend"
    expect_phrases_found(employee_client)


@pytest.mark.django_db
def test_quoted_phrases_on_opensearch(employee_client, methods, opensearch_settings):
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        get_search_backend().get_index_for_model(MethodPage).refresh()
        expect_phrases_found(employee_client)
