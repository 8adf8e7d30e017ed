"""A search of nothing but very common words ("the", "och", "og det", "de het") tells the reader so.

The engines leave a language's stop words out of a query: PostgreSQL and OpenSearch then matched nothing and
the reader read "Nothing found", as if the portal had nothing on it; across all languages they matched pages
that merely hold the word in another language's analysis, and SQLite (tests/search/sqlite_search.py) every
page that holds it. Now every backend answers alike: a message in the reader's language, the query kept in
the form; beside a specific word the common ones are left out and the specific word finds its pages.
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from search.query import only_common_words, without_common_words

# What the reader sees, in two of the five languages.
MESSAGE = {
    "en": "Your search contained only very common words, which are left out when searching. "
    "Add a more specific word, such as “reflection” or “home care”.",
    "sv": "Din sökning innehöll bara mycket vanliga ord, som utelämnas vid sökning. "
    "Lägg till ett mer specifikt ord, till exempel ”reflektion” eller ”hemtjänst”.",
}
NOTHING_FOUND = {"en": "Nothing found", "sv": "Inget hittades"}

# The OpenSearch runs carry the marker that says they need the node.
BACKENDS = ["postgresql", pytest.param("opensearch", marks=pytest.mark.opensearch)]


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("the", "en"),
        ("The OF", "en"),
        ("what should we do", "en"),
        ("don't", "en"),  # "don" and "t" once the apostrophe is gone, as the engines read it
        ('"to be"', "en"),
        ("och", "sv"),
        ("det är", "sv"),
        ("og det", "nb"),
        ("og det", "da"),
        ("de het", "nl"),
        ("och", "all"),  # across all languages, a word very common in any of them
        ("the", "all"),
    ],
)
def test_queries_of_very_common_words_only(query, language):
    assert only_common_words(query, language)


@pytest.mark.parametrize(
    ("query", "language"),
    [("the reflection", "en"), ("och", "en"), ("the", "sv"), ("kaizen", "all"), ("", "en"), ("—", "en")],
)
def test_queries_with_a_specific_word_or_none_at_all(query, language):
    assert not only_common_words(query, language)


@pytest.mark.parametrize(
    ("query", "language", "searched"),
    [
        ("the reflection", "en", "reflection"),
        ("how to run a kaizen round", "en", "run kaizen round"),
        ("det är kaizen", "sv", "kaizen"),
        ('"före mötet" och mall', "sv", '"före mötet" mall'),
        ('"the kaizen board" the', "en", '"the kaizen board"'),
        ("the och kaizen", "all", "kaizen"),
        ("och kaizen", "en", "och kaizen"),  # "och" is no English word to leave out
        ("the", "en", "the"),  # nothing but common words: only_common_words tells the reader
    ],
)
def test_common_words_beside_specific_ones_are_left_out_and_phrases_kept(query, language, searched):
    assert without_common_words(query, language) == searched


@pytest.fixture
def pages(site_tree):
    """A method in English and one in Swedish, each full of their language's common words."""
    english = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), slug="methods")
    swedish = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="sv"), slug="metoder")
    MethodPageFactory(
        parent=english,
        title="The kaizen round",
        summary="What it is for, and how the team does it.",
        description="<p>The kaizen round is held after the shift, and it is short.</p>",
    )
    MethodPageFactory(
        parent=swedish,
        title="Kaizenrundan",
        summary="Vad den är till för, och hur det går till.",
        description="<p>Det är en kaizenrunda och den görs efter passet, så att det blir bra för alla.</p>",
    )


@pytest.fixture(params=BACKENDS)
def engine(request, pages):
    """Search on PostgreSQL, or on OpenSearch with the pages indexed."""
    if request.param == "postgresql":
        yield
        return
    backend = request.getfixturevalue("opensearch_backend")
    with override_settings(WAGTAILSEARCH_BACKENDS=request.getfixturevalue("opensearch_settings")):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        backend.es.indices.refresh(index=f"{backend.index_prefix}*")
        yield


def search(client, reader, query, scope=""):
    response = client.get(f"/{reader}/search/", {"q": query, "in": scope})
    assert response.status_code == 200
    return response, BeautifulSoup(response.content.decode(), "html.parser")


def notices(soup):
    return [" ".join(notice.get_text(" ", strip=True).split()) for notice in soup.select("main .notice")]


@pytest.mark.parametrize(
    ("reader", "query", "scope"),
    [
        ("en", "the", ""),
        ("en", "what is the", ""),
        ("en", "the", "all"),
        ("sv", "och", ""),
        ("sv", "det är", "all"),
        ("sv", "the", "all"),
    ],
)
def test_the_reader_is_told_the_words_are_too_common_and_keeps_the_query(employee_client, engine, reader, query, scope):
    response, soup = search(employee_client, reader, query, scope)
    assert notices(soup) == [MESSAGE[reader]]
    assert soup.select_one("html")["lang"] == reader
    # The form keeps what they typed, and the scope they chose.
    assert soup.select_one("#search-q")["value"] == query
    assert soup.select_one('input[name="in"][checked]')["value"] == scope
    # Neither results, nor "nothing found", nor a suggestion of other words, nor an engine error.
    assert response.context["items"] == []
    assert NOTHING_FOUND[reader] not in soup.get_text()
    assert not soup.select(".search-results__none, .search-results__suggestion, .notice--warning")


@pytest.mark.parametrize(("reader", "query"), [("nb", "og det"), ("da", "og det"), ("nl", "de het")])
def test_each_languages_common_words(employee_client, engine, reader, query):
    response, soup = search(employee_client, reader, query)
    assert response.context["only_common_words"]
    assert len(notices(soup)) == 1
    assert soup.select_one("#search-q")["value"] == query


@pytest.mark.parametrize(
    ("reader", "query", "found"),
    [
        ("en", "kaizen", "The kaizen round"),
        ("en", "the kaizen round", "The kaizen round"),
        ("sv", "kaizenrundan", "Kaizenrundan"),
        ("sv", "det är kaizenrundan", "Kaizenrundan"),
    ],
)
def test_a_specific_word_still_finds_its_pages(employee_client, engine, reader, query, found):
    response, soup = search(employee_client, reader, query)
    assert [item["page"].title for item in response.context["items"]] == [found]
    assert not notices(soup)
    # The common words are not marked in the snippet: only the word searched for.
    marked = {mark.get_text().lower() for mark in soup.select(".search-results__snippet mark")}
    assert marked and not marked & {"the", "det", "är", "och"}


def test_a_promotion_for_common_words_still_shows(employee_client, pages):
    """Communications can answer "it" (the IT desk, say) with a promotion: it shows above the message."""
    SearchPromotion.objects.create(
        query=Query.get("it"), external_link_url="https://example.org/it", external_link_text="IT desk", sort_order=0
    )
    response, soup = search(employee_client, "en", "IT")
    assert [link.get_text() for link in soup.select(".search-promotions a")] == ["IT desk"]
    assert notices(soup) == [MESSAGE["en"]]


def test_common_words_only_while_the_engine_is_out(employee_client, pages, closed_port):
    """The engine is not asked at all: the reader gets the same message, not the title search's warning."""
    engine = {"default": {"BACKEND": "search.backends.opensearch2", "URLS": [f"http://127.0.0.1:{closed_port}"]}}
    with override_settings(WAGTAILSEARCH_BACKENDS=engine):
        response, soup = search(employee_client, "en", "the")
    assert notices(soup) == [MESSAGE["en"]]
    assert response.context["error"] is None
