"""Searching all languages, on PostgreSQL and on OpenSearch: each page once, in the reader's language.

A Norwegian reader searching all languages sees each page once: the Norwegian version when
there is one, else the English one, else the original; every result links under /nb/, and
the topic facet names each topic once, in Norwegian, matching every translation of it.
"""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from portal.factories import TopicFactory

pytestmark = pytest.mark.django_db

# The OpenSearch runs carry the marker that says they need the node.
BACKENDS = ["postgresql", pytest.param("opensearch", marks=pytest.mark.opensearch)]


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code, **fields):
    translation = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def method(index, title, summary, *topics):
    page = MethodPageFactory(parent=index, title=title, summary=summary, description=f"<p>{summary}</p>")
    if topics:
        page.topics.add(*topics)
        page.save_revision().publish()
    return page


def original(page):
    """Record ``page`` as the source its translations come from, as wagtail-localize does."""
    TranslationSource.get_or_create_from_instance(page)
    return page


@pytest.fixture
def indexes(site_tree):
    english = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), slug="methods")
    return {"en": english, **{code: translate(english, code) for code in ("sv", "nb", "da")}}


@pytest.fixture
def topics(site_tree):
    english = TopicFactory(name="Reflection", locale=locale("en"))
    swedish = translate_topic(english, "sv", "Reflektion")
    norwegian = translate_topic(english, "nb", "Refleksjon")
    danish_only = TopicFactory(name="Velfærdsteknologi", locale=locale("da"))
    return {"en": english, "sv": swedish, "nb": norwegian, "da": danish_only}


def translate_topic(topic, code, name):
    translation = topic.copy_for_translation(locale(code))
    translation.name = name
    translation.save()
    return translation


@pytest.fixture
def kaizen(indexes, topics):
    """Four pages about "kaizen", the word every language borrows; three of them translated."""
    # In English, Swedish and Norwegian.
    round_en = original(method(indexes["en"], "Kaizen round", "A kaizen round after each shift.", topics["en"]))
    round_sv = translate(round_en, "sv", title="Kaizenrunda", summary="En kaizen-runda efter varje pass.")
    round_nb = translate(round_en, "nb", title="Kaizenrunde", summary="En kaizen-runde etter hver vakt.")
    # Written in Swedish, translated into English.
    board_sv = original(method(indexes["sv"], "Kaizentavlan", "Kaizen på tavlan i personalrummet.", topics["sv"]))
    board_en = translate(board_sv, "en", title="The kaizen board", summary="Kaizen on the staff room board.")
    # Written in Danish, translated into Swedish: the Danish original is the one shown.
    diary_da = original(method(indexes["da"], "Kaizendagbog", "Kaizen i dagbogen.", topics["da"]))
    translate(diary_da, "sv", title="Kaizendagbok", summary="Kaizen i dagboken.")
    # Only in Danish.
    walk_da = method(indexes["da"], "Kaizenrunde i plejen", "Kaizen på gangen.", topics["da"])
    return {"round": (round_en, round_sv, round_nb), "board": (board_sv, board_en), "diary": diary_da, "walk": walk_da}


@pytest.fixture(params=BACKENDS)
def engine(request):
    """Search on PostgreSQL, or on OpenSearch with the index rebuilt from the database when asked."""
    if request.param == "postgresql":
        yield lambda: None
        return
    engine_settings = request.getfixturevalue("opensearch_settings")
    backend = request.getfixturevalue("opensearch_backend")
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings):

        def rebuild():
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
            backend.es.indices.refresh(index=f"{backend.index_prefix}*")

        yield rebuild


def search(client, reader="nb", **params):
    response = client.get(f"/{reader}/search/", params)
    assert response.status_code == 200
    return response


def shown(response):
    return [(item["page"].title, item["language"]) for item in response.context["items"]]


def facet(response, name):
    options = next(f for f in response.context["facets"] if f["name"] == name)["options"]
    return {option["label"]: option["count"] for option in options}


def test_each_page_appears_once_in_the_readers_language_else_english_else_the_original(employee_client, kaizen, engine):
    engine()
    response = search(employee_client, q="kaizen", **{"in": "all"})
    assert sorted(shown(response)) == [
        ("Kaizendagbog", "da"),
        ("Kaizenrunde", "nb"),
        ("Kaizenrunde i plejen", "da"),
        ("The kaizen board", "en"),
    ]
    assert response.context["results"].paginator.count == 4
    assert facet(response, "language") == {"Norsk bokmål": 1, "English": 1, "Dansk": 2}


def test_every_result_links_under_the_readers_language(employee_client, kaizen, engine):
    engine()
    response = search(employee_client, q="kaizen", **{"in": "all"})
    links = {item["page"].title: item["url"] for item in response.context["items"]}
    assert links == {
        "Kaizenrunde": "/nb/methods/kaizen-round/",
        "The kaizen board": "/nb/en/methods/kaizentavlan/",
        "Kaizendagbog": "/nb/da/methods/kaizendagbog/",
        "Kaizenrunde i plejen": "/nb/da/methods/kaizenrunde-i-plejen/",
    }
    html = response.content.decode()
    assert '<a href="/nb/en/methods/kaizentavlan/">The kaizen board</a>' in html
    # The English version opens inside the Norwegian interface; the path names its tree (portal/i18n.py).
    page = employee_client.get("/nb/en/methods/kaizentavlan/")
    assert page.status_code == 200
    assert "The kaizen board" in page.content.decode()


def test_a_page_found_through_another_languages_inflection_is_shown_in_the_readers_language(
    employee_client, kaizen, engine
):
    """Only the Swedish version speaks of a "pass" (a shift); "passen" is its plural."""
    engine()
    assert shown(search(employee_client, q="passen")) == []
    response = search(employee_client, q="passen", **{"in": "all"})
    assert shown(response) == [("Kaizenrunde", "nb")]
    assert response.context["items"][0]["url"] == "/nb/methods/kaizen-round/"


def test_all_languages_finds_other_languages_inflected_forms(employee_client, indexes, engine):
    method(indexes["sv"], "Nätverk i praktiken", "Så arbetar ett nätverk.")
    template = method(indexes["da"], "Skabelon til mødet", "En skabelon til referat.")
    engine()
    # The home pages speak of networks too; they come once, in Norwegian.
    assert ("Nätverk i praktiken", "sv") in shown(search(employee_client, q="nätverken", **{"in": "all"}))
    assert shown(search(employee_client, q="nätverken")) == []
    response = search(employee_client, q="skabelonerne", **{"in": "all"})
    links = {item["page"].title: item["url"] for item in response.context["items"]}
    assert links["Skabelon til mødet"] == f"/nb/da/methods/{template.slug}/"


def test_pagination_counts_each_page_once(employee_client, indexes, engine):
    for n in range(12):
        page = method(indexes["en"], f"Kaizen step {n}", "Kaizen, step by step.")
        translate(page, "sv", title=f"Kaizensteg {n}", summary="Kaizen, steg för steg.")
        translate(page, "nb", title=f"Kaizensteg nb {n}", summary="Kaizen, steg for steg.")
    engine()
    first = search(employee_client, q="kaizen", **{"in": "all"})
    second = search(employee_client, q="kaizen", page=2, **{"in": "all"})
    assert first.context["results"].paginator.count == 12
    assert len(first.context["items"]) == 10
    assert len(second.context["items"]) == 2
    assert {language for page in (first, second) for _title, language in shown(page)} == {"nb"}
    assert not set(shown(first)) & set(shown(second))


def test_topics_are_named_once_in_the_readers_language_and_match_every_translation(
    employee_client, kaizen, topics, engine
):
    engine()
    response = search(employee_client, q="kaizen", **{"in": "all"})
    # The round (Norwegian) and the board (English) carry the topic in two languages: one Norwegian name.
    assert facet(response, "topic") == {"Refleksjon": 2, "Velfærdsteknologi": 2}
    offered = next(f for f in response.context["facets"] if f["name"] == "topic")["options"]
    assert {option["label"]: option["value"] for option in offered}["Refleksjon"] == str(topics["nb"].pk)

    for topic in (topics["sv"], topics["en"], topics["nb"]):
        filtered = search(employee_client, q="kaizen", topic=topic.pk, **{"in": "all"})
        assert sorted(shown(filtered)) == [("Kaizenrunde", "nb"), ("The kaizen board", "en")]
        assert facet(filtered, "topic")["Refleksjon"] == 2

    swedish = search(employee_client, reader="sv", q="kaizen", **{"in": "all"})
    # The Swedish reader gets the diary's Swedish translation, still tagged with the Danish-only topic.
    assert facet(swedish, "topic") == {"Reflektion": 2, "Velfærdsteknologi": 2}
    assert ("Kaizendagbok", "sv") in shown(swedish)


@pytest.mark.parametrize("scope", ["", "all", "zz"])
def test_malformed_parameters_never_break_the_page(employee_client, kaizen, engine, scope):
    engine()
    params = {"q": "kaizen", "in": scope, "page": "x", "lang": "zz", "topic": "abc", "language": "zz"}
    response = search(employee_client, **params)
    assert response.context["results"].number == 1
    for odd in ({"topic": "999999999"}, {"network": "0"}, {"organisation": "12345678"}, {"page": "-3"}):
        response = search(employee_client, q="kaizen", **{"in": "all"}, **odd)
        if "page" not in odd:
            assert shown(response) == []
    auto = employee_client.get("/nb/search/autocomplete/", {"q": "kaiz", "in": "all", "page": "x"})
    assert auto.status_code == 200
    urls = [result["url"] for result in auto.json()["results"]]
    assert urls and all(url.startswith("/nb/") for url in urls)
    assert len(urls) == len(set(urls))


def test_opensearch_returns_one_hit_per_translation_group_in_the_query(site_tree, opensearch_backend):
    """The five home pages are one page: the engine collapses them, so its limit counts pages."""
    from search.backends.engine import one_per_translation
    from search.backends.languages import ALL, search_language
    from tests.search.conftest import reindex

    for home in HomePage.objects.all():
        home.intro = "<p>Kaizen.</p>"
        home.save_revision().publish()
    reindex(opensearch_backend, HomePage)
    with search_language(ALL):
        assert len(list(opensearch_backend.search("kaizen", HomePage.objects.all())[:200])) == 5
        with one_per_translation():
            assert len(list(opensearch_backend.search("kaizen", HomePage.objects.all())[:200])) == 1
