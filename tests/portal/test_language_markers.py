"""Every language marker names the language the one way, from portal/languages.py: in itself,
capitalised ("Norsk bokmål", never "norsk (bokmål)"), whatever the reader's language."""

import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from home.models import HomePage
from portal.languages import CODES, LANGUAGES, autonym

pytestmark = pytest.mark.django_db

EXPECTED = {"en": "English", "sv": "Svenska", "nb": "Norsk bokmål", "da": "Dansk", "nl": "Nederlands"}


def test_the_one_name_of_each_language_is_its_capitalised_autonym():
    assert {language.code: autonym(language.code) for language in LANGUAGES} == EXPECTED
    assert autonym("nb-NO") == "Norsk bokmål"


def test_every_marker_in_every_language_uses_the_autonym(site_tree):
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    template = engines["django"].from_string("{% load portal_tags %}{% language_marker item %}")
    for reader in CODES:
        with translation.override(reader):
            request = RequestFactory().get(f"/{reader}/")
            for code, home in homes.items():
                html = template.render({"item": home}, request)
                if code == reader:
                    assert html.strip() == "", (reader, code)
                    continue
                assert re.fullmatch(
                    rf' <span class="language-marker" lang="{code}">\({re.escape(EXPECTED[code])}\)</span>', html
                ), (reader, code, html)


def test_a_listing_marks_a_page_from_another_language_with_its_autonym(site_tree, employee_client):
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    english_home = HomePage.objects.get(locale__language_code="en")
    index = MethodIndexPageFactory(parent=english_home)
    MethodPageFactory(parent=index, title="Reflection round")
    html = employee_client.get(index.url.replace("/en/", "/nb/", 1)).content.decode()
    markers = re.findall(r'<span class="language-marker" lang="(\w+)">\(([^)]*)\)</span>', html)
    assert ("en", "English") in markers
    assert all(name == EXPECTED[code] for code, name in markers)
