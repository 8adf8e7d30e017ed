"""A reader's journey in Swedish and in Danish: home, every section, search, a profile, a network and a
template, by clicking. The reader never leaves /sv/ (or /da/) and never sees another language's interface,
although much of what they read exists only in Norwegian, Danish, Dutch or English."""

import os
import re
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from portal.factories import EmployeeFactory
from tests import multilingual

pytestmark = pytest.mark.django_db(transaction=True)
# Screenshots of each step at a phone's and a laptop's width, for a person to look at.
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/link-shots"))  # noqa: S108 - a place to look, not a secret
WIDTHS = (390, 1280)


def words(code, *phrases):
    with translation.override(code):
        return [translation.gettext(phrase) for phrase in phrases]


class Reader:
    """A browser tab in one language that checks, after every click, that the reader is still home."""

    def __init__(self, page, base_url, code):
        self.page, self.base_url, self.code = page, base_url, code
        self.sections = [multilingual.SECTIONS[key][1][code][1] for key in multilingual.SECTIONS]
        self.search_label, self.nav_label, self.switcher_label = words(
            code, "Search Erfa", "Sections", "Choose language"
        )
        self.visited = []

    def is_home(self, name):
        page = self.page
        page.wait_for_load_state("load")
        expect(page).to_have_url(re.compile(rf"^{re.escape(self.base_url)}/{self.code}/"))
        self.visited.append(page.url)
        expect(page.locator("html")).to_have_attribute("lang", self.code)
        # The interface speaks the reader's language: the header's search, the sections, the switcher.
        expect(page.get_by_role("searchbox", name=self.search_label)).to_be_attached()
        navigation = page.get_by_role("navigation", name=self.nav_label)
        expect(navigation.get_by_role("link")).to_have_text(self.sections)
        switcher = page.get_by_role("navigation", name=self.switcher_label)
        expect(switcher.locator('[aria-current="true"]')).to_have_attribute("lang", self.code)
        expect(switcher.locator(f'.language-switcher__unavailable [lang="{self.code}"]')).to_have_count(0)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(SHOTS / f"{self.code}-{len(self.visited):02d}-{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})

    def open_section(self, title, name):
        self.page.get_by_role("navigation", name=self.nav_label).get_by_role("link", name=title).click()
        self.is_home(name)

    def follow(self, link_text, name, within="main"):
        self.page.locator(within).get_by_role("link", name=link_text, exact=True).first.click()
        self.is_home(name)


def sign_in(page, base_url, code):
    page.goto(f"{base_url}/{code}/accounts/login/?next=/{code}/")
    page.locator("#id_username").fill("elin")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("main button[type=submit]").click()


@pytest.mark.parametrize("code", ["sv", "da"])
def test_a_reader_stays_in_their_language_from_the_first_click_to_the_last(page, live_server, site_tree, code):
    SHOTS.mkdir(parents=True, exist_ok=True)
    multilingual.build()
    EmployeeFactory(username="elin", first_name="Elin", last_name="Dahlgren")
    reader = Reader(page, live_server.url, code)
    networks, people, case_studies, methods, templates = reader.sections

    sign_in(page, live_server.url, code)
    reader.is_home("home")

    # A Norwegian network, from the list of networks; its facilitator's Danish profile.
    reader.open_section(networks, "networks")
    reader.follow("Lærende nettverk Nord", "network")
    expect(page.locator("main")).to_contain_text("Oppstartssamling")
    reader.follow("Mette Holm", "profile")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mette Holm")

    # The directory lists the Norwegian profile in English (there is no Swedish or Danish version).
    reader.open_section(people, "people")
    reader.follow("Sigrid Lunde", "profile-en")
    expect(page.locator('main [lang="en"]').first).to_be_attached()

    # A Dutch case study, and the method it used.
    reader.open_section(case_studies, "case-studies")
    reader.follow("Praktijkverhaal Zuid", "case-study")
    method_title = "Reflektionsmöte" if code == "sv" else "Reflection meeting"
    reader.follow(re.compile(f"^{method_title}"), "method")

    reader.open_section(methods, "methods")
    reader.follow("Refleksion", "danish-method")
    expect(page.get_by_role("heading", level=1)).to_have_text("Refleksion")

    # A Danish template, and the method it belongs to.
    reader.open_section(templates, "templates")
    reader.follow("Mødeskabelon", "template")
    reader.follow(method_title, "template-method")

    # Search, in all languages, from the header.
    (search_label, all_languages, search_button) = words(code, "Search Erfa", "All languages", "Search")
    box = page.get_by_role("searchbox", name=search_label)
    box.fill("Lunde")
    box.press("Enter")
    reader.is_home("search")
    page.locator("main").get_by_label(all_languages).check()
    page.locator("main form.search-form").get_by_role("button", name=search_button).click()
    reader.is_home("search-all")
    reader.follow("Sigrid Lunde", "search-result", within=".search-results")

    assert all(url.startswith(f"{live_server.url}/{code}/") for url in reader.visited)
    assert len(reader.visited) == 17  # every step above was checked
