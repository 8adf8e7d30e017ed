"""Each language's inflected forms find its base forms and back, on both backends."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from home.models import HomePage
from search.backends.languages import ALL, search_language
from tests.search.conftest import reindex

pytestmark = pytest.mark.django_db

# language, the word on the page, the inflected form a reader types
CASES = [
    ("sv", "nätverk", "nätverken"),
    ("nb", "møte", "møtene"),
    ("da", "skabelon", "skabelonerne"),
    ("nl", "netwerk", "netwerken"),
    ("en", "meeting", "meetings"),
]


def write(home, word):
    home.intro = f"<p>Om {word} och annat.</p>"
    home.save_revision().publish()


@pytest.fixture
def homes(site_tree):
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


def found(backend, language, query):
    with search_language(language):
        return [page.locale.language_code for page in backend.search(query, HomePage.objects.all())]


@pytest.mark.parametrize(("language", "base", "inflected"), CASES)
def test_postgresql_stems_with_the_pages_language(homes, language, base, inflected):
    assert connection.vendor == "postgresql"
    write(homes[language], base)
    backend = get_search_backend()
    assert found(backend, language, inflected) == [language]
    write(homes[language], inflected)
    assert found(backend, language, base) == [language]


@pytest.mark.parametrize(("language", "base", "inflected"), CASES)
def test_opensearch_stems_with_the_readers_language(homes, opensearch_backend, language, base, inflected):
    write(homes[language], base)
    reindex(opensearch_backend, HomePage)
    assert found(opensearch_backend, language, inflected) == [language]
    write(homes[language], inflected)
    reindex(opensearch_backend, HomePage)
    assert found(opensearch_backend, language, base) == [language]


def test_the_index_holds_a_sub_field_per_language(site_tree, opensearch_backend):
    reindex(opensearch_backend, HomePage)
    index = opensearch_backend.get_index_for_model(HomePage)
    mapping = opensearch_backend.es.indices.get_mapping(index=index.name)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    analyzers = {name: sub["analyzer"] for name, sub in properties["_all_text"]["fields"].items()}
    assert analyzers == {"en": "english", "sv": "swedish", "nb": "norwegian", "da": "danish", "nl": "dutch"}


def write_every_language(homes):
    for language, base, _inflected in CASES:
        write(homes[language], base)


def assert_all_languages_find_their_inflections(backend):
    for language, _base, inflected in CASES:
        assert found(backend, ALL, inflected) == [language]


def test_all_languages_finds_every_languages_inflections_on_postgresql(homes):
    assert connection.vendor == "postgresql"
    write_every_language(homes)
    assert_all_languages_find_their_inflections(get_search_backend())


def test_all_languages_finds_every_languages_inflections_on_opensearch(homes, opensearch_backend):
    write_every_language(homes)
    reindex(opensearch_backend, HomePage)
    assert_all_languages_find_their_inflections(opensearch_backend)


def test_the_elasticsearch8_backend_maps_the_same_sub_fields(site_tree):
    from search.backends.elasticsearch8 import MultilingualElasticsearch8Mapping

    properties = MultilingualElasticsearch8Mapping(HomePage).get_mapping()["properties"]
    assert set(properties["_all_text"]["fields"]) == {"en", "sv", "nb", "da", "nl"}
    assert properties["title"]["fields"]["sv"] == {"type": "text", "analyzer": "swedish"}
    # Autocomplete keeps its edge-ngram analyzer, unstemmed.
    assert "fields" not in properties["_edgengrams"]


# Plurals whose Snowball stem keeps one suffix the singular's loses: the search adds each word's stem.
PLURALS = [("nb", "sykepleier", "sykepleiere"), ("sv", "möten", "mötena"), ("nb", "rådgiver", "rådgivere")]


def searched(query, language, backend, reader=None):
    from portal.factories import UserFactory
    from search import service

    viewer = UserFactory(is_superuser=True)
    return [hit.language for hit in service.run_search(query, language, backend, reader=reader, viewer=viewer).hits]


@pytest.mark.parametrize(("language", "singular", "plural"), PLURALS)
def test_a_plural_finds_the_singular_on_both_backends(homes, opensearch_backend, language, singular, plural):
    write(homes[language], singular)
    reindex(opensearch_backend, HomePage)
    for backend in (get_search_backend(), opensearch_backend):
        assert found(backend, language, plural) == []  # the engine alone misses it
        assert searched(plural, language, backend) == [language]
        assert searched(plural, ALL, backend, reader=language) == [language]


# Swedish Snowball keeps a neuter noun's definite "-et": the page's word, and the one a reader types.
DEFINITE = [("mötet", "möte"), ("mötet", "möten"), ("möte", "mötet"), ("hembesöket", "hembesök")]


@pytest.mark.parametrize(("on_page", "typed"), DEFINITE)
def test_a_swedish_definite_form_and_its_indefinite_find_each_other(homes, opensearch_backend, on_page, typed):
    write(homes["sv"], on_page)
    reindex(opensearch_backend, HomePage)
    for backend in (get_search_backend(), opensearch_backend):
        assert found(backend, "sv", typed) == []  # the engine alone misses it
        assert searched(typed, "sv", backend) == ["sv"]
