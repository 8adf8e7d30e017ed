"""The embedded SQLite default stems each language, at index and at query time.

The suite runs on PostgreSQL, so the SQLite searches run in a fresh process
(tests/search/sqlite_search.py) on an empty SQLite file, as ``make run`` sets it up.
The stemming and FTS5 query functions are tested here directly.
"""

from pathlib import Path

import pytest

from search.backends.languages import ANALYZERS
from search.backends.stemming import fts_phrase, fts_terms, indexed_text, stems, word_forms, words
from tests.utils import run_sqlite_script

SCRIPT = Path(__file__).with_name("sqlite_search.py")


@pytest.fixture(scope="module")
def sqlite_report(tmp_path_factory):
    return run_sqlite_script(SCRIPT, tmp_path_factory.mktemp("sqlite"))


LANGUAGES = ["sv", "nb", "da", "nl", "en"]


def test_sqlite_uses_the_stemming_backend(sqlite_report):
    assert sqlite_report["vendor"] == "sqlite"
    assert sqlite_report["backend"] == "MultilingualSQLiteSearchBackend"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_inflected_form_finds_the_base_form_and_back(sqlite_report, language):
    assert sqlite_report["inflected_finds_base"][language] == [language]
    assert sqlite_report["base_finds_inflected"][language] == [language]


def test_all_languages_finds_each_languages_inflections(sqlite_report):
    assert sqlite_report["all_languages"] == {
        "nätverken": ["sv"],
        "møtene": ["nb"],
        "skabelonerne": ["da"],
        "netwerken": ["nl"],
        "reflections": ["en"],
    }


def test_the_readers_language_stems_with_its_own_rules(sqlite_report):
    assert sqlite_report["dutch_reader_netwerken"] == ["nl"]
    assert sqlite_report["english_reader_netwerken"] == []


def test_wagtails_api_phrases_and_autocomplete_work_after_update_index(sqlite_report):
    assert sqlite_report["wagtail_api"] == ["Welcome to Erfa"]
    assert sqlite_report["phrase"] == ["Welcome to Erfa"]
    assert sorted(set(sqlite_report["autocomplete"])) == ["Welcome to Erfa"]


def test_very_common_words_alone_are_not_searched_and_beside_others_left_out(sqlite_report):
    """FTS5 keeps stop words: "the" found every page that says it. Now SQLite answers as the engines do."""
    found = sqlite_report["common_words"]
    for key in ("en the", "en the all", "sv och", "sv det är all", "nb og det", "da og det", "nl de het"):
        typed = key.split(" ", 1)[1].removesuffix(" all")
        assert found[key] == {"status": 200, "only_common_words": True, "titles": [], "kept": typed}, key
    # Beside a specific word "the" is left out: the page that says "the" but not "kaizen" is not found.
    beside = {"status": 200, "only_common_words": False, "titles": ["Welcome to Erfa"], "kept": "the kaizen"}
    assert found["en the kaizen"] == beside


def test_fts5_syntax_in_a_query_is_searched_as_words(sqlite_report):
    assert sqlite_report["syntax_as_words"] == ["sv"]


def test_the_search_page_finds_and_highlights_inflected_forms(sqlite_report):
    everywhere = sqlite_report["search_page_all"]
    assert everywhere["status"] == 200
    # The Swedish-only method, and the home page (Swedish "Om nätverk.") in the reader's Norwegian.
    found = dict(zip(everywhere["titles"], everywhere["languages"], strict=True))
    assert found == {"Nätverk i praktiken": "sv", "Velkommen til Erfa": "nb"}
    method = everywhere["titles"].index("Nätverk i praktiken")
    # A snippet is cut only from text that is not the title or the summary shown (issue 14): where the
    # inflected form is found there, no snippet repeats it; any snippet shown highlights it.
    snippet = everywhere["snippets"][method]
    assert snippet == "" or "<mark>nätverk</mark>" in snippet
    own = sqlite_report["search_page_own"]
    assert own["status"] == 200
    assert own["languages"] == ["nb"]
    assert "<mark>møte</mark>" in own["snippets"][0]
    assert sqlite_report["autocomplete_view"] == 200


def test_the_search_page_finds_a_quoted_phrase_as_written(sqlite_report):
    assert sqlite_report["phrase_page"] == {
        "före mötet": ["Mall före mötet", "Mötet och tiden före"],
        '"före mötet"': ["Mall före mötet"],
        '"mötet och"': ["Mötet och tiden före"],
        '"före mötet" förväg': ["Mall före mötet"],
        '"före mötet" efteråt': [],
    }


def test_all_languages_shows_each_page_once_linked_under_the_readers_language(sqlite_report):
    once = sqlite_report["search_page_once"]
    assert (once["count"], once["titles"], once["languages"], once["urls"]) == (
        1,
        ["Velkommen til Erfa"],
        ["nb"],
        ["/nb/"],
    )
    everywhere = sqlite_report["search_page_all"]
    urls = dict(zip(everywhere["titles"], everywhere["urls"], strict=True))
    # The Swedish-only method opens inside the Norwegian interface.
    assert urls["Nätverk i praktiken"] == "/nb/sv/metoder/natverk/"


def test_words_split_and_fold_like_fts5():
    assert words("Nätverk_och e-mail, 2024!") == ["nätverk", "och", "e", "mail", "2024"]
    # A decomposed "ä" is composed before stemming.
    assert words("na\u0308tverken") == ["nätverken"]


@pytest.mark.parametrize(
    ("language", "inflected", "stem"),
    [
        ("sv", "nätverken", "nätverk"),
        ("nb", "møtene", "møt"),
        ("da", "skabelonerne", "skabelon"),
        ("nl", "netwerken", "netwerk"),
        ("en", "reflections", "reflect"),
    ],
)
def test_the_index_keeps_the_words_and_adds_their_stems(language, inflected, stem):
    assert stems(f"Om {inflected}", language) == [stem]
    assert indexed_text(f"Om {inflected}", language) == f"Om {inflected} {stem}"


def test_words_that_do_not_inflect_add_nothing():
    assert indexed_text("om", "sv") == "om"
    assert indexed_text("", "en") == ""


def test_a_query_word_matches_as_typed_or_stemmed_in_each_language():
    assert word_forms("netwerken", ["nl"]) == ["netwerken", "netwerk"]
    assert word_forms("netwerken", ["en"]) == ["netwerken"]
    assert word_forms("meetings", list(ANALYZERS)) == ["meetings", "meet", "meeting"]


def test_fts_queries_quote_every_word_and_group_its_forms():
    assert fts_terms("Nätverken om", ["sv"]) == '("nätverken" OR "nätverk") AND "om"'
    assert fts_terms("nätverken om", ["sv"], operator="or") == '("nätverken" OR "nätverk") OR "om"'
    assert fts_terms('x" OR (NEAR*', ["en"]) == '"x" AND "or" AND "near"'
    assert fts_terms("!!", ["en"]) == '""'
    assert fts_terms("net wer", [], prefix_last=True) == '"net" AND "wer"*'
    assert fts_phrase('"om  Reflection"') == '"om reflection"'
