"""Every page type renders in every language with that language's words: a half-English page fails.

A check mixed into TestLoadDemoContent, so that it reads the demo bank the class loads once instead of
loading its own.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from networks.models import NetworkIndexPage, NetworkPage, NetworkUpdatePage
from people.models import ResourcePersonIndexPage, ResourcePersonPage

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
# A page of the type whose template shows the phrase (not every profile lists what to ask about).
SLUG_BY_TYPE = {ResourcePersonPage: "frida-holmquist"}
# Words of the site's own frame, which must never stay English in another language.
FRAME_PHRASES = ["Log out", "Skip to main content", "Choose language"]


class DemoPageLanguageChecks:
    def test_every_page_type_speaks_every_language(self):
        self.client.force_login(get_user_model().objects.get(username="employee"))
        failures = []
        for model, phrase in PHRASE_BY_TYPE.items():
            pages = model.objects.live().filter(locale__language_code="en")
            if model in SLUG_BY_TYPE:
                pages = pages.filter(slug=SLUG_BY_TYPE[model])
            page = pages.first()
            self.assertIsNotNone(page, f"the demo content has no English {model.__name__}")
            path = page.url.removeprefix("/en/")
            for code, _name in settings.LANGUAGES:
                response = self.client.get(f"/{code}/{path}")
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
        self.assertEqual(failures, [])
