"""The admin speaks the editor's language on the whole request (portal.middleware.AdminLanguageMiddleware).

Wagtail switches to the language of the editor's account only around its views. When a view refuses, its
"Sorry, you do not have permission to access this area." was written after that, in the browser's
language: English to a Swedish communications editor whose browser asks for English.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import HomePage
from portal.factories import OrganisationFactory, TopicFactory, UserFactory
from portal.roles import COMMUNICATIONS, RESOURCE_PERSONS
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

REFUSED = {
    "en": "Sorry, you do not have permission to access this area.",
    "sv": "Ledsen, du saknar rättigheter att tillträda detta område.",
    "da": "Beklager, du har ikke rettigheder til at tilgå dette område",
}


@pytest.fixture
def editor(site_tree):
    call_command("setup_roles", stdout=io.StringIO())

    def make(role, language):
        user = UserFactory()
        user.groups.add(Group.objects.get(name=role))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make


@pytest.mark.parametrize(("role", "language"), [(COMMUNICATIONS, "sv"), (RESOURCE_PERSONS, "da")])
def test_a_refused_admin_page_says_so_in_the_editors_language(client, editor, role, language):
    user = editor(role, language)
    login_with_second_factor(client, user)
    # The browser asks for English; the account says otherwise, and the account wins, as in every admin view.
    response = client.get("/admin/users/", follow=True, headers={"accept-language": "en"})
    html = response.content.decode()
    assert response.redirect_chain == [("/admin/", 302)]
    assert REFUSED[language] in html
    assert REFUSED["en"] not in html
    assert response.headers["Content-Language"] == language
    # Afterwards the language is the request's again, as Wagtail leaves it: nothing else runs in Swedish.
    assert translation.get_language() == "en"


def test_an_editor_without_a_chosen_language_keeps_the_browsers(client, editor):
    user = editor(RESOURCE_PERSONS, "")
    login_with_second_factor(client, user)
    html = client.get("/admin/users/", follow=True, headers={"accept-language": "sv"}).content.decode()
    assert REFUSED["sv"] in html


def test_topics_and_organisations_open_on_the_editors_language_which_they_may_widen(client, editor):
    swedish = Locale.objects.get(language_code="sv")
    TopicFactory(name="Reflection")
    TopicFactory(name="Reflektion", locale=swedish)
    OrganisationFactory(name="Harbour care home")
    OrganisationFactory(name="Norrviks äldreboende", locale=swedish)
    login_with_second_factor(client, editor(COMMUNICATIONS, "sv"))
    for listing, own, other in [
        ("/admin/snippets/portal/topic/", "Reflektion", "Reflection"),
        ("/admin/snippets/portal/organisation/", "Norrviks äldreboende", "Harbour care home"),
    ]:
        # The menu's plain address opens on Swedish, shown as Wagtail's own locale filter.
        response = client.get(listing)
        assert response.status_code == 302 and response["Location"] == f"{listing}?locale=sv"
        html = client.get(response["Location"]).content.decode()
        assert own in html and other not in html
        # "All" (and any search or sort the editor chose) is left as asked.
        for query in ({"locale": ""}, {"q": "e"}):
            html = client.get(listing, query).content.decode()
            assert own in html and other in html, query


def test_the_taxonomy_screens_breadcrumbs_start_in_the_editors_language(client, editor):
    topic = TopicFactory(name="Reflektion", locale=Locale.objects.get(language_code="sv"))
    login_with_second_factor(client, editor(COMMUNICATIONS, "sv"))
    home = translation.override("sv")(lambda: str(translation.gettext("Home")))()
    for path in ("/admin/snippets/portal/topic/?locale=sv", f"/admin/snippets/portal/topic/edit/{topic.pk}/"):
        html = client.get(path).content.decode()
        crumbs = re.search(r'<nav[^>]*aria-label="[^"]*"[^>]*>.*?</nav>', html, re.S)
        first = re.search(r'<a[^>]*href="/admin/"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<', html)
        assert first is not None and first.group(1) == home != "Home", (path, first and first.group(1), crumbs)


@pytest.mark.parametrize(("language", "search", "upload"), [("da", "Søg", "Upload"), ("sv", "Sök", "Ladda upp")])
def test_the_document_and_image_choosers_tabs_are_in_the_editors_language(client, editor, language, search, upload):
    user = editor(RESOURCE_PERSONS, language)
    login_with_second_factor(client, user)
    for chooser in ("/admin/documents/chooser/", "/admin/images/chooser/"):
        html = client.get(chooser).json()["html"]
        tabs = re.findall(r'<a id="tab-label-[^"]*"[^>]*>\s*([^<]*?)\s*<', html)
        assert tabs[0] == search, (chooser, tabs)
        assert tabs[1] == upload, (chooser, tabs)
        assert "Search" not in tabs


@pytest.mark.parametrize(("language", "pages", "page"), [("sv", "sidor", "sida"), ("da", "sider", "side")])
def test_the_page_search_counts_its_results_in_pages(client, editor, language, pages, page):
    from home.models import HomePage
    from methods.factories import MethodIndexPageFactory

    home = HomePage.objects.get(locale__language_code="en")
    MethodIndexPageFactory(parent=home, title="Reflection methods", slug="reflection-methods")
    MethodIndexPageFactory(parent=home, title="Reflection guides", slug="reflection-guides")
    login_with_second_factor(client, editor(COMMUNICATIONS, language))

    def header(query):
        html = client.get("/admin/pages/search/", {"q": query}).content.decode()
        return " ".join(re.sub(r"<[^>]+>", " ", html.split("<main")[1].split("</main>")[0]).split())

    # Wagtail's search names no model: its count said "1-2 of 2 None".
    assert re.search(rf" 1.2 \w+ 2 {pages} ", header("reflection")) and "None" not in header("reflection")
    assert re.search(rf" 1.1 \w+ 1 {page} ", header("guides"))


def test_a_methods_form_names_its_steps_in_the_editors_language(client, editor):
    from home.models import HomePage
    from methods.factories import MethodIndexPageFactory

    index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="sv"), slug="metoder")
    login_with_second_factor(client, editor(COMMUNICATIONS, "sv"))
    html = client.get(f"/admin/pages/add/methods/methodpage/{index.pk}/").content.decode()
    # The section's heading comes from the field's name: "Steps" in English, unless the field names it.
    assert re.search(r"<h2[^>]*>\s*Steg\s*</h2>", html) or ">Steg<" in html
    assert ">Steps<" not in html


def test_the_danish_admin_calls_a_draft_one_thing(client, editor):
    # Erfa's "Share a learning" form says "Gem kladde"; unmarked, its msgid "Save draft" won over Wagtail's
    # own translation, so the admin's button said "Gem kladde" beside Wagtail's "Skitse" everywhere else.
    from methods.factories import MethodIndexPageFactory

    index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="da"), slug="metoder")
    login_with_second_factor(client, editor(COMMUNICATIONS, "da"))
    html = client.get(f"/admin/pages/add/methods/methodpage/{index.pk}/").content.decode()
    assert "Gem skitse" in html
    assert "kladde" not in html.lower()
    with translation.override("da"):
        assert translation.pgettext("share a learning", "Save draft") == "Gem kladde"
