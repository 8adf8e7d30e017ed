"""The admin's page chooser opens on the language of the page being edited (portal/page_chooser.py).

Driven through Wagtail's own chooser views, as its modal asks them: the page fields' choosers send
`locale` (Wagtail's script, from the editor's ACTIVE_CONTENT_LOCALE); the rich-text "link to a page"
sends none, only the address of the editor it was opened from (the Referer). Every language has a
method called "Before and after meetings": a Danish editor must be offered the Danish one.
"""

import io
import json
import re
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.users.models import UserProfile

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory, ShareableTemplateIndexPageFactory
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS
from tests.multilingual import translate
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "sv", "nb", "da", "nl"]
TITLE = "Before and after meetings"
BROWSE = "/admin/choose-page/"
SEARCH = "/admin/choose-page/search/"
# What the rich-text editor's "link to a page" asks for (Wagtail's Draftail link source).
RICH_TEXT_LINK = {"page_type": "wagtailcore.page", "allow_external_link": "true", "allow_email_link": "true"}
# What a case study's "network" field asks for on a Danish page (Wagtail's PageChooser script).
NETWORK_FIELD = {"page_type": "networks.networkpage", "locale": "da"}


@pytest.fixture
def pages(site_tree):
    """A methods section and "Before and after meetings" in all five languages (the title kept as in
    English, as a translation starts), and a Danish case study to link from."""
    call_command("setup_roles", stdout=io.StringIO())
    english_home = HomePage.objects.get(locale__language_code="en")
    methods = MethodIndexPageFactory(parent=english_home, slug="methods", title="Methods")
    method = MethodPageFactory(parent=methods, slug="before-and-after", title=TITLE)
    cases = CaseStudyIndexPageFactory(parent=english_home, slug="case-studies", title="Case studies")
    found = {"methods": {"en": methods}, "method": {"en": method}}
    for code in LANGUAGES[1:]:
        found["methods"][code] = translate(methods, code)
        found["method"][code] = translate(method, code)
        translate(cases, code)
    danish_cases = Page.objects.get(translation_key=cases.translation_key, locale__language_code="da")
    found["case_study"] = CaseStudyPageFactory(parent=danish_cases, title="Mødecyklus i Nordby", slug="nordby")
    return found


@pytest.fixture
def editor(client, pages):
    """A communications editor (second factor given) whose admin is in `language`."""

    def sign_in(language):
        user = UserFactory(username=f"editor-{language}")
        user.groups.add(Group.objects.get(name=COMMUNICATIONS))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return login_with_second_factor(client, user)

    return sign_in


def edit_url(page):
    return "http://testserver" + reverse("wagtailadmin_pages:edit", args=[page.pk])


def modal_html(response):
    assert response.status_code == 200, response.status_code
    return response.json()["html"] if response["Content-Type"].startswith("application/json") else response.text


def listed(html):
    """The languages of the pages a chooser lists: its table's rows, to choose or to browse into."""
    table = re.search(r"<table.*?</table>", html, re.S)
    table = table[0] if table else ""
    rows = re.findall(r'data-id="(\d+)"|/admin/choose-page/(\d+)/[^"]*" class="navigate-pages"', table)
    ids = {int(pk) for pair in rows for pk in pair if pk}
    pages = Page.objects.filter(pk__in=ids, depth__gt=1)
    return sorted(set(pages.values_list("locale__language_code", flat=True)))


def offered(html):
    """The languages Wagtail's selector in the chooser offers to switch to, with their addresses."""
    offers = {}
    for link in re.findall(r'<a href="([^"]+)" data-locale-selector-link', html):
        link = link.replace("&amp;", "&")
        # At the root the link names the language; inside a tree, the same page in that language.
        language = parse_qs(urlsplit(link).query).get("locale", [None])[0]
        if language is None:
            page_id = re.search(r"/choose-page/(\d+)/", link)[1]
            language = Page.objects.filter(pk=page_id).values_list("locale__language_code", flat=True).get()
        offers[language] = link
    return offers


def search_form_query(html):
    """The query string the chooser's search box sends with `q` (the form's action)."""
    action = re.search(r'<form[^>]*action="([^"]*choose-page/search/[^"]*)"', html).group(1)
    return parse_qs(urlsplit(action.replace("&amp;", "&")).query)


def found(client, params, referer=None):
    """The languages of the pages the chooser's search for "before meetings" finds, one per page."""
    headers = {"referer": referer} if referer else {}
    html = modal_html(client.get(SEARCH, {**params, "q": "before meetings"}, headers=headers))
    ids = [int(pk) for pk in re.findall(r'data-id="(\d+)"', html)]
    languages = dict(Page.objects.filter(pk__in=ids).values_list("pk", "locale__language_code"))
    assert set(Page.objects.filter(pk__in=ids).values_list("title", flat=True)) <= {TITLE}
    return sorted(languages[pk] for pk in ids)


def test_every_page_chooser_on_a_danish_page_asks_for_danish(editor, pages):
    """The page fields (network, content owner, related method, publisher) use Wagtail's page chooser,
    whose script sends the editor's ACTIVE_CONTENT_LOCALE: the page's language, not the editor's."""
    client = editor("en")
    danish_templates = ShareableTemplateIndexPageFactory(parent=HomePage.objects.get(locale__language_code="da"))
    for url, fields in [
        (edit_url(pages["case_study"]), ["network", "content_owner"]),
        (reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", danish_templates.pk]),
         ["related_method", "publisher", "content_owner"]),
    ]:
        html = client.get(url).content.decode()
        config = re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', html, re.S)
        config = json.loads(config[1])
        assert config["ACTIVE_CONTENT_LOCALE"] == "da", url
        for field in fields:
            assert re.search(rf'new PageChooser\("id_{field}", \{{[^)]*"modalUrl": "{BROWSE}"', html), (url, field)


def add_url(parent):
    return "http://testserver" + reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", parent.pk])


@pytest.mark.parametrize("admin_language", ["da", "en"])
@pytest.mark.parametrize("editing", ["an existing page", "a new page"])
def test_a_rich_text_link_from_a_danish_page_browses_danish_pages(editor, pages, admin_language, editing):
    client = editor(admin_language)
    case_study = pages["case_study"]
    referer = edit_url(case_study) if editing == "an existing page" else add_url(case_study.get_parent())
    response = client.get(BROWSE, RICH_TEXT_LINK, headers={"referer": referer})
    html = modal_html(response)
    assert listed(html) == ["da"]
    # Wagtail's selector still offers the other four, and its search looks in Danish too.
    assert sorted(offered(html)) == ["en", "nb", "nl", "sv"]
    assert search_form_query(html)["locale"] == ["da"]


@pytest.mark.parametrize("admin_language", ["da", "en"])
def test_a_rich_text_link_from_a_danish_page_searches_danish_pages(editor, pages, admin_language):
    client = editor(admin_language)
    assert found(client, RICH_TEXT_LINK, referer=edit_url(pages["case_study"])) == ["da"]


def test_a_page_field_on_a_danish_page_browses_and_searches_danish_pages(editor, pages):
    client = editor("en")
    html = modal_html(client.get(BROWSE, {"page_type": "methods.methodpage", "locale": "da"}))
    assert listed(html) == ["da"]
    assert found(client, {"page_type": "methods.methodpage", "locale": "da"}) == ["da"]
    assert found(client, NETWORK_FIELD) == []  # no network in any language matches


@pytest.mark.parametrize("admin_language", ["da", "sv"])
def test_without_a_page_the_chooser_opens_in_the_admin_language(editor, pages, admin_language):
    client = editor(admin_language)
    assert listed(modal_html(client.get(BROWSE, RICH_TEXT_LINK))) == [admin_language]
    assert found(client, RICH_TEXT_LINK) == [admin_language]
    # An address that is no page editor's (the page explorer) names no page either.
    assert found(client, RICH_TEXT_LINK, referer="http://testserver/admin/pages/") == [admin_language]


def test_the_editor_may_choose_another_language(editor, pages):
    client = editor("da")
    referer = edit_url(pages["case_study"])
    root = modal_html(client.get(BROWSE, RICH_TEXT_LINK, headers={"referer": referer}))
    # Swedish from Wagtail's selector: Swedish pages, and a Swedish search.
    swedish = modal_html(client.get(offered(root)["sv"], headers={"referer": referer}))
    assert listed(swedish) == ["sv"]
    assert search_form_query(swedish)["locale"] == ["sv"]
    assert found(client, {**RICH_TEXT_LINK, "locale": "sv"}, referer=referer) == ["sv"]
    assert found(client, {"page_type": "methods.methodpage", "locale": "nl"}) == ["nl"]
    # Inside a tree Wagtail shows that tree's language; the search from there looks in it as well.
    norwegian_methods = pages["methods"]["nb"]
    inside = modal_html(client.get(f"{BROWSE}{norwegian_methods.pk}/", RICH_TEXT_LINK, headers={"referer": referer}))
    assert listed(inside) == ["nb"]
    assert search_form_query(inside)["locale"] == ["nb"]
    assert sorted(offered(inside)) == ["da", "en", "nl", "sv"]


def test_a_language_that_does_not_exist_finds_nothing(editor, pages):
    client = editor("da")
    assert found(client, {**RICH_TEXT_LINK, "locale": "fi"}) == []
    assert client.get(BROWSE, {**RICH_TEXT_LINK, "locale": "fi"}).status_code == 404


@pytest.fixture
def opensearch_settings(opensearch_url):
    """Erfa's OpenSearch backend (production's) as the default one, on indexes of this test's own."""
    prefix = f"erfa_test_{uuid.uuid4().hex[:8]}_"
    yield {"default": {"BACKEND": "search.backends.opensearch2", "URLS": [opensearch_url], "INDEX_PREFIX": prefix}}
    get_search_backend("search.backends.opensearch2", URLS=[opensearch_url]).es.indices.delete(index=f"{prefix}*")


def test_on_opensearch_the_search_is_in_one_language_too(editor, pages, opensearch_settings):
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch_settings):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        indexes = f"{opensearch_settings['default']['INDEX_PREFIX']}*"
        engine = get_search_backend().es
        engine.indices.refresh(index=indexes)
        assert engine.count(index=indexes, q=f'title:"{TITLE}"')["count"] >= len(LANGUAGES)  # the engine answers
        client = editor("en")
        assert found(client, RICH_TEXT_LINK, referer=edit_url(pages["case_study"])) == ["da"]
        assert found(client, {"page_type": "methods.methodpage", "locale": "nl"}) == ["nl"]
