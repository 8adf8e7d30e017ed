"""A reader stays home: every link Erfa renders to a page opens under the reader's language prefix."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import TopicFactory
from portal.i18n import (
    best_version,
    localized_children,
    page_translations,
    reader_page_url,
    reader_path_url,
    reader_url,
)
from portal.languages import name_in_sentence
from tests import multilingual
from tests.utils import shared_data

pytestmark = pytest.mark.django_db

OTHER_PREFIX = re.compile(r"^(?:https?://[^/]+)?/(en|nb|da|nl)/")
# The only links that may leave the reader's language: choosing another language on purpose.
LANGUAGE_CHOICES = [
    re.compile(r'<nav class="language-switcher".*?</nav>', re.S),
    re.compile(r'<div class="notice notice--language".*?</div>', re.S),
    re.compile(r"<head>.*?</head>", re.S),
]
LINK = re.compile(r'(?:href|action|data-autocomplete-url)="([^"]*)"')


def page_links(html):
    """Every link and form target of the page, but the language choices (switcher, notice, hreflang)."""
    for pattern in LANGUAGE_CHOICES:
        html = pattern.sub("", html)
    return LINK.findall(html)


def links_elsewhere(html):
    return [url for url in page_links(html) if OTHER_PREFIX.match(url)]


@pytest.fixture(scope="module")
def built_portal(django_db_setup, django_db_blocker):
    # Five language trees of every page type take seconds to build: once for the module, not per test.
    with shared_data(django_db_blocker):
        call_command("setup_site", stdout=io.StringIO())
        yield multilingual.build()


@pytest.fixture
def portal(built_portal, db):
    return built_portal


@pytest.fixture
def swedish_client(employee_client):
    return employee_client


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# The rule itself ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/nb/nettverk/x/", "sv", "/sv/nb/nettverk/x/"),
        (
            "http://intranet.example.org/da/metoder/y/?page=2#top",
            "sv",
            "http://intranet.example.org/sv/da/metoder/y/?page=2#top",
        ),
        ("/sv/natverk/x/", "sv", "/sv/natverk/x/"),
        ("/sv/nb/nettverk/x/", "sv", "/sv/nb/nettverk/x/"),
        ("/nb/", "da", "/da/"),
        ("/documents/1/plan.pdf", "sv", "/documents/1/plan.pdf"),
        ("", "sv", ""),
        (None, "sv", None),
    ],
)
def test_reader_url_keeps_the_reader_under_their_prefix(url, language, expected):
    assert reader_url(url, language) == expected


def test_reader_url_follows_the_active_language():
    with translation.override("da"):
        assert reader_url("/en/methods/x/") == "/da/en/methods/x/"
    with translation.override("en"):
        assert reader_url("/en/methods/x/") == "/en/methods/x/"


def test_reader_path_url_builds_the_address_from_a_row():
    assert reader_path_url("/home-nb/ressurspersoner/sigrid/", "nb", "sv") == "/sv/nb/ressurspersoner/sigrid/"
    assert reader_path_url("/home-sv/resurspersoner/olle/", "sv", "sv") == "/sv/resurspersoner/olle/"


@pytest.mark.parametrize(
    ("reader", "expected"),
    [("en", "Norwegian Bokmål"), ("sv", "norska (bokmål)"), ("da", "norsk (bokmål)"), ("nl", "Noors (Bokmål)")],
)
def test_the_fallback_notice_names_languages_as_the_readers_language_does_mid_sentence(reader, expected):
    with translation.override(reader):
        assert name_in_sentence("nb") == expected


def test_reader_pageurl_tag_links_a_page_in_another_language_under_the_readers_prefix(portal):
    request = RequestFactory().get("/sv/")
    template = Template("{% load portal_tags %}{% reader_pageurl page %}|{% reader_pageurl own %}")
    with translation.override("sv"):
        rendered = template.render(Context({"request": request, "page": portal["network"], "own": portal["method_sv"]}))
    assert rendered == f"/sv{portal['network'].url}|{portal['method_sv'].url}"
    assert rendered.startswith("/sv/nb/nettverk/laerende-nettverk-nord/|/sv/metoder/reflektionsmote/")


def test_best_version_is_the_readers_then_english_then_the_original(portal):
    # The versions come as plain pages (portal.i18n.page_translations): compare which page, by id.
    method, sigrid, network = portal["method"], portal["sigrid"], portal["network"]
    assert best_version(method, "sv").pk == portal["method_sv"].pk
    assert best_version(portal["method_sv"], "da").pk == method.pk  # no Danish: English
    assert best_version(sigrid, "sv").pk == portal["sigrid_en"].pk  # Norwegian original, English translation
    assert best_version(network, "sv").pk == network.pk  # only Norwegian
    dutch = multilingual.translate(network, "nl", title="Lerend netwerk Noord")
    assert best_version(dutch, "sv").pk == network.pk  # no Swedish, no English: the Norwegian original


def test_a_pages_language_versions_are_read_without_their_own_tables(portal):
    """The language switcher and hreflang links need each version's language and address, not its body:
    one query on Wagtail's page table, whatever the page's kind."""
    method = portal["method"]
    with CaptureQueriesContext(connection) as captured:
        versions = page_translations(method)
    assert set(versions) == {"en", "sv"}
    assert versions["sv"].pk == portal["method_sv"].pk
    assert {type(version) for version in versions.values()} == {Page}
    assert len(captured) == 1
    assert method._meta.db_table not in captured[0]["sql"]


def test_listings_show_the_version_the_link_opens(portal):
    people = localized_children(portal["sections"]["people"]["sv"], portal["sigrid"].specific_class).live()
    assert set(people) == {portal["mette"], portal["sigrid_en"]}
    methods = localized_children(portal["sections"]["methods"]["sv"], portal["method"].specific_class).live()
    assert set(methods) == {portal["method_sv"], portal["danish_method"], portal["swedish_namesake"]}
    # A draft translation does not hide the page: the published versions are listed instead.
    draft = portal["sigrid"].copy_for_translation(multilingual.locale("sv"))
    assert not draft.live
    people = localized_children(portal["sections"]["people"]["sv"], portal["sigrid"].specific_class).live()
    assert set(people) == {portal["mette"], portal["sigrid_en"]}


def test_listings_follow_their_index_pages_translations_when_they_move_or_are_made(portal):
    people_index, methods_index = portal["sections"]["people"], portal["sections"]["methods"]
    model = portal["sigrid"].specific_class
    assert portal["mette"] in localized_children(people_index["sv"], model).live()  # the index's paths now kept
    # The Danish people page moves one level down: its people are still listed, from their new place.
    people_index["da"].move(methods_index["da"], pos="last-child")
    moved = model.objects.get(pk=portal["mette"].pk)
    assert moved.depth == portal["mette"].depth + 1
    assert set(localized_children(people_index["sv"], model).live()) == {moved, portal["sigrid_en"]}
    # An index translated after its listing was read lists what is written under the translation too.
    english_home = people_index["en"].get_parent()
    experts = ResourcePersonIndexPageFactory(parent=english_home, slug="experts", title="Experts")
    assert not localized_children(experts, model).live().exists()
    dutch = multilingual.translate(experts, "nl", slug="experts", title="Experts")
    joost = multilingual.original(ResourcePersonPageFactory, {"nl": dutch}, "nl", title="Joost de Wit", slug="joost")
    assert list(localized_children(experts, model).live()) == [joost]


# Serving the page at the reader's address --------------------------------------------------------


def test_the_readers_address_of_a_page_shows_it_in_the_readers_interface(swedish_client, portal):
    network = portal["network"]
    html = get_html(swedish_client, reader_page_url(network, language="sv"))
    assert '<html lang="sv">' in html
    assert "Lærende nettverk Nord" in html
    assert '<div lang="nb">' in html
    assert "Den här sidan finns inte på svenska än." in html
    assert "Den visas på norska (bokmål)." in html
    # The header shows Swedish as the current language, not as one that is missing.
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert '<span aria-current="true" lang="sv">Svenska</span>' in switcher
    assert f'href="{network.url}"' in switcher  # the real Norwegian version
    assert 'href="/en/' not in switcher and 'href="/da/' not in switcher  # none exists
    head = html.split("</head>")[0]
    assert f'<link rel="canonical" href="{network.full_url}">' in head
    assert re.findall(r'hreflang="([a-z-]+)"', head) == ["nb", "x-default"]


def test_a_page_with_an_english_version_is_shown_in_english(swedish_client, portal):
    # Whichever version the address names, the best one is shown: here English, not the Norwegian original.
    html = get_html(swedish_client, reader_page_url(portal["sigrid"], language="sv"))
    assert '<div lang="en">' in html
    assert "Den visas på engelska." in html
    assert f'<link rel="canonical" href="{portal["sigrid_en"].full_url}">' in html


def test_a_page_in_the_readers_language_is_shown_even_from_another_versions_address(swedish_client, portal):
    html = get_html(swedish_client, "/sv/en/methods/reflection-meeting/")
    assert "Reflektionsmöte" in html
    assert "notice--language" not in html


def test_a_same_path_in_the_readers_tree_does_not_hide_the_linked_page(swedish_client, portal):
    danish, namesake = portal["danish_method"], portal["swedish_namesake"]
    assert danish.url.removeprefix("/da/") == namesake.url.removeprefix("/sv/")
    assert "<h1>Refleksion</h1>" in get_html(swedish_client, reader_page_url(danish, language="sv"))
    assert "Refleksion (svensk)" in get_html(swedish_client, namesake.url)


def test_the_page_s_own_routes_answer_at_the_readers_address(swedish_client, portal):
    response = swedish_client.get(reader_page_url(portal["network"], language="sv") + "calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "Oppstartssamling" in body
    assert "/sv/nb/nettverk/laerende-nettverk-nord/" in body.replace("\r\n ", "")
    assert not re.search(r"https?://[^/\s]+/(nb|da|nl|en)/", body.replace("\r\n ", ""))


def test_a_page_that_exists_nowhere_is_still_a_404(swedish_client, portal):
    assert swedish_client.get("/sv/nb/nettverk/nothing-here/").status_code == 404
    assert swedish_client.get("/sv/nettverk/nothing-here/").status_code == 404


# Every page a Swedish reader sees links only under /sv/ ------------------------------------------


def swedish_pages(portal):
    sections = portal["sections"]
    return [
        "/sv/",
        sections["networks"]["sv"].url,
        sections["people"]["sv"].url,
        sections["case_studies"]["sv"].url,
        sections["methods"]["sv"].url,
        sections["templates"]["sv"].url,
        reader_page_url(portal["mette"], language="sv"),
        reader_page_url(portal["network"], language="sv"),
        reader_page_url(portal["case_study"], language="sv"),
        reader_page_url(portal["template"], language="sv"),
        portal["method_sv"].url,
    ]


def test_no_swedish_page_links_another_languages_address(swedish_client, portal):
    failures = {}
    for url in swedish_pages(portal):
        elsewhere = links_elsewhere(get_html(swedish_client, url))
        if elsewhere:
            failures[url] = elsewhere
    assert failures == {}


def test_swedish_listings_link_the_pages_in_other_languages_under_sv(swedish_client, portal):
    sections = portal["sections"]
    home = get_html(swedish_client, "/sv/")
    assert reader_page_url(portal["case_study"], language="sv") in page_links(home)
    assert "Oppstartssamling" in home and reader_page_url(portal["network"], language="sv") in page_links(home)
    networks = page_links(get_html(swedish_client, sections["networks"]["sv"].url))
    assert "/sv/nb/nettverk/laerende-nettverk-nord/" in networks
    directory = page_links(get_html(swedish_client, sections["people"]["sv"].url))
    assert "/sv/da/ressourcepersoner/mette-holm/" in directory
    assert "/sv/en/people/sigrid-lunde/" in directory
    case_study = page_links(get_html(swedish_client, reader_page_url(portal["case_study"], language="sv")))
    assert "/sv/nb/nettverk/laerende-nettverk-nord/" in case_study  # its network
    assert "/sv/metoder/reflektionsmote/" in case_study or "/sv/en/methods/reflection-meeting/" in case_study
    profile = page_links(get_html(swedish_client, reader_page_url(portal["mette"], language="sv")))
    assert "/sv/nb/nettverk/laerende-nettverk-nord/" in profile  # the network she facilitates


def test_directory_suggestions_link_under_sv(swedish_client, portal):
    directory = portal["sections"]["people"]["sv"]
    rows = swedish_client.get(f"{directory.url}autocomplete/", {"q": "Mette"}).json()["results"]
    assert [row["url"] for row in rows] == ["/sv/da/ressourcepersoner/mette-holm/"]


def test_search_results_in_all_languages_link_under_sv(swedish_client, portal):
    html = get_html(swedish_client, "/sv/search/?q=Lunde&in=all")
    results = html.split('class="result-list search-results"')[1].split("</ol>")[0]
    links = page_links(results)
    assert links and all(link.startswith("/sv/") for link in links)
    assert links_elsewhere(html) == []
    suggestions = swedish_client.get("/sv/search/autocomplete/", {"q": "Lunde", "in": "all"}).json()["results"]
    assert suggestions and all(row["url"].startswith("/sv/") for row in suggestions)


def test_profile_message_copy_and_redirects_stay_under_sv(swedish_client, portal):
    url = reader_page_url(portal["mette"], language="sv")
    response = swedish_client.post(f"{url}message/", {"subject": "Hej", "body": "Kan vi prata?"})
    assert response.status_code == 302
    assert response["Location"] == url + "#main"  # to the confirmation above the profile
    assert len(mail.outbox) == 1


def switcher_links(html):
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    return {code: url.replace("&amp;", "&") for url, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', switcher)}


def test_the_language_switcher_keeps_the_readers_place_in_a_route(swedish_client, portal):
    # A gathering's page hangs off its network's: choosing another language opens the same gathering there.
    network = portal["network"]
    gathering = network.gatherings.get()
    route = f"gatherings/{gathering.translation_key}/"
    dutch = multilingual.translate(network, "nl", title="Lerend netwerk Noord", slug="lerend-netwerk-noord")
    links = switcher_links(get_html(swedish_client, reader_page_url(network, language="sv") + route))
    assert links == {"nb": network.url + route, "nl": dutch.url + route}
    for url in links.values():
        assert swedish_client.get(url).status_code == 200, url


def test_the_language_switcher_keeps_a_listings_filters_in_the_other_language(swedish_client, portal):
    methods = portal["sections"]["methods"]
    english = TopicFactory(name="Reflection")
    swedish = english.copy_for_translation(multilingual.locale("sv"))
    swedish.name = "Reflektion"
    swedish.save()
    html = get_html(swedish_client, f"{methods['sv'].url}?topic={swedish.pk}&sort=title&page=2")
    links = switcher_links(html)
    # The topic is named by its English version's id; a language without one keeps the rest of the query.
    assert links["en"] == f"{methods['en'].url}?topic={english.pk}&sort=title&page=2"
    assert links["da"] == f"{methods['da'].url}?sort=title&page=2"
    # A search, or a value that names nothing, comes along as it is.
    links = switcher_links(get_html(swedish_client, f"{methods['sv'].url}?topic=banana&q=möte"))
    assert links["nl"] == f"{methods['nl'].url}?topic=banana&q=m%C3%B6te"
