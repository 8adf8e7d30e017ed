"""Searches on the embedded SQLite default, run by test_sqlite_stemming in a fresh process.

The test suite runs on PostgreSQL; Django picks its database once per process, so
this script runs alone with ``DATABASE_URL`` pointing at an empty SQLite file. It
migrates, sets up the five locales as ``make run`` does, writes words into the
home pages, searches, and prints what each search found as JSON.
"""

import io
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.query import Phrase  # noqa: E402

from home.models import HomePage  # noqa: E402
from portal.factories import EmployeeFactory  # noqa: E402
from search.backends.languages import ALL, search_language  # noqa: E402

# language, the word on the page, the inflected form a reader types
CASES = [
    ("sv", "nätverk", "nätverken"),
    ("nb", "møte", "møtene"),
    ("da", "skabelon", "skabelonerne"),
    ("nl", "netwerk", "netwerken"),
    ("en", "reflection", "reflections"),
]


def write(home, text):
    home.intro = f"<p>{text}</p>"
    home.save_revision().publish()


def found(language, query):
    with search_language(language):
        pages = get_search_backend().search(query, HomePage.objects.all())
        return sorted(page.locale.language_code for page in pages)


def page_search(client, language, query, scope=None):
    params = {"q": query, **({"in": scope} if scope else {})}
    response = client.get(f"/{language}/search/", params)
    items = response.context["items"] if response.status_code == 200 else []
    return {
        "status": response.status_code,
        "count": response.context["results"].paginator.count if response.status_code == 200 else None,
        "languages": [item["language"] for item in items],
        "titles": [item["page"].title for item in items],
        "urls": [item["url"] for item in items],
        "snippets": [str(item["snippet"]) for item in items],
    }


def swedish_only_page(home):
    """A method written in Swedish and translated into no other language."""
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    index = MethodIndexPageFactory(parent=home, slug="metoder")
    return MethodPageFactory(
        parent=index, title="Nätverk i praktiken", slug="natverk", summary="Så arbetar ett nätverk.", description=""
    )


def phrase_pages(home):
    """Two Swedish methods with the same words, side by side in one of them."""
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    index = MethodIndexPageFactory(parent=home, slug="fraser")
    MethodPageFactory(parent=index, title="Mall före mötet", slug="mall", summary="Skriv i förväg.", description="")
    MethodPageFactory(parent=index, title="Mötet och tiden före", slug="tiden", summary="Efteråt.", description="")


def common_words_page(home):
    """An English method that says "the" but not "kaizen"."""
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    index = MethodIndexPageFactory(parent=home, slug="plans")
    MethodPageFactory(parent=index, title="The weekly plan", slug="plan", summary="How the team plans the week.")


def common_words_search(client, language, query, scope=None):
    """What a reader of ``language`` is shown for ``query``: told the words are too common, or the titles found."""
    response = client.get(f"/{language}/search/", {"q": query, **({"in": scope} if scope else {})})
    return {
        "status": response.status_code,
        "only_common_words": bool(response.context.get("only_common_words")),
        "titles": sorted(item["page"].title for item in response.context["items"]),
        "kept": response.context["search_query"],
    }


def main():
    # As the test runner does: responses keep their template context, and e-mails stay in memory.
    setup_test_environment()
    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrated in {time.monotonic() - started:.1f} s", file=sys.stderr)
    call_command("setup_site", stdout=io.StringIO())
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    report = {"vendor": connection.vendor, "backend": type(get_search_backend()).__name__}

    # Each language, both ways: the inflected form finds the base form, and the base form the inflected one.
    report["inflected_finds_base"], report["base_finds_inflected"] = {}, {}
    for language, base, inflected in CASES:
        write(homes[language], f"Om {base}.")
        report["inflected_finds_base"][language] = found(language, inflected)
        write(homes[language], f"Om {inflected}.")
        report["base_finds_inflected"][language] = found(language, base)

    for language, base, _inflected in CASES:
        write(homes[language], f"Om {base}.")
    report["all_languages"] = {inflected: found(ALL, inflected) for _language, _base, inflected in CASES}
    # The reader's language stems only with its own rules.
    report["english_reader_netwerken"] = found("en", "netwerken")
    report["dutch_reader_netwerken"] = found("nl", "netwerken")

    # Wagtail's own API, and the index update_index rebuilds.
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    with search_language("en"):
        report["wagtail_api"] = [page.title for page in Page.objects.live().search("reflections")]
        report["phrase"] = [page.title for page in Page.objects.live().search(Phrase("om reflection"))]
        report["autocomplete"] = [page.title for page in Page.objects.live().autocomplete("welc")]
    # FTS5 syntax typed by a reader is searched as words, never parsed.
    with search_language(ALL):
        pages = Page.objects.live().select_related("locale").search('nätverken" (*', operator="or")
        report["syntax_as_words"] = [page.locale.language_code for page in pages]

    client = Client(HTTP_HOST="localhost")
    client.force_login(EmployeeFactory(username="sqlite-reader"))
    swedish_only_page(homes["sv"])
    report["search_page_all"] = page_search(client, "nb", "nätverken", ALL)
    # The five home pages are one page in five languages: found in three, shown once, in Norwegian.
    for language in ("sv", "da", "en"):
        write(homes[language], "Om kaizen.")
    report["search_page_once"] = page_search(client, "nb", "kaizen", ALL)
    report["search_page_own"] = page_search(client, "nb", "møtene")
    phrase_pages(homes["sv"])
    report["phrase_page"] = {
        typed: sorted(page_search(client, "sv", typed)["titles"])
        for typed in ("före mötet", '"före mötet"', '"mötet och"', '"före mötet" förväg', '"före mötet" efteråt')
    }
    # Stop words: FTS5 drops none, and found every page that holds them (search.stopwords).
    common_words_page(homes["en"])
    report["common_words"] = {
        " ".join((language, typed, scope or "")).strip(): common_words_search(client, language, typed, scope)
        for language, typed, scope in (
            ("en", "the", None),
            ("en", "the", ALL),
            ("sv", "och", None),
            ("sv", "det är", ALL),
            ("nb", "og det", None),
            ("da", "og det", None),
            ("nl", "de het", None),
            ("en", "the kaizen", None),
        )
    }
    report["autocomplete_view"] = client.get("/sv/search/autocomplete/", {"q": "Hem"}).status_code
    print(f"done in {time.monotonic() - started:.1f} s", file=sys.stderr)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
