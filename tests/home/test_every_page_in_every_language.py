"""Every page type renders in every language with that language's words: a half-English page fails."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from networks.models import NetworkIndexPage, NetworkPage, NetworkUpdatePage
from people.models import ResourcePersonIndexPage, ResourcePersonPage

pytestmark = pytest.mark.django_db

# A phrase each page type's template always shows, looked up in each language's catalogue.
PHRASE_BY_TYPE = {
    HomePage: "Sections",
    NetworkIndexPage: "Member organisation",
    NetworkPage: "Gatherings",
    NetworkUpdatePage: "Questions about this page? Ask",
    ResourcePersonIndexPage: "For example a name, “reflection” or “home care”.",
    ResourcePersonPage: "Ask me about",
    CaseStudyIndexPage: "Sort by",
    CaseStudyPage: "Organisations",
    MethodIndexPage: "Category",
    MethodPage: "Group size",
    ShareableTemplateIndexPage: "When to use",
    ShareableTemplatePage: "When to use",
}
# Words of the site's own frame, which must never stay English in another language.
FRAME_PHRASES = ["Log out", "Skip to main content", "Choose language"]


@pytest.fixture
def demo_site(db):
    with override_settings(DEBUG=True):
        for command in ("setup_site", "setup_roles", "create_demo_users", "load_demo_content"):
            call_command(command, stdout=io.StringIO(), stderr=io.StringIO())


def test_every_page_type_speaks_every_language(demo_site, employee_client):
    failures = []
    for model, phrase in PHRASE_BY_TYPE.items():
        page = model.objects.live().filter(locale__language_code="en").first()
        assert page is not None, f"the demo content has no English {model.__name__}"
        path = page.url.removeprefix("/en/")
        for code, _name in settings.LANGUAGES:
            response = employee_client.get(f"/{code}/{path}")
            if response.status_code != 200:
                failures.append(f"{model.__name__} /{code}/{path}: status {response.status_code}")
                continue
            html = response.content.decode()
            with translation.override(code):
                expected = [translation.gettext(text) for text in [phrase, *FRAME_PHRASES]]
            if f'<html lang="{code}">' not in html:
                failures.append(f"{model.__name__} /{code}/: wrong <html lang>")
            for english, local in zip([phrase, *FRAME_PHRASES], expected, strict=True):
                if code != "en" and local == english:
                    failures.append(f"{code}: no translation for {english!r}")
                elif local not in html.replace("&#x27;", "'").replace("&quot;", '"'):
                    failures.append(f"{model.__name__} /{code}/: missing {local!r}")
    assert failures == []
