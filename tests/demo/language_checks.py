"""The demo bank in five languages: checks mixed into TestLoadDemoContent, which loads the bank once.

Every page and snippet exists in every language, each translation is wagtail-localize's translation
of its original (so a sync carries source changes over), and a Swedish reader meets Swedish pages only.
"""

from collections import Counter

from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from demo import content
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from networks.models import NetworkIndexPage, NetworkPage, NetworkUpdatePage
from people.models import ResourcePersonIndexPage, ResourcePersonPage
from portal.languages import CODES
from portal.models import Organisation, Topic

ITEMS = {
    "people": ResourcePersonPage,
    "methods": MethodPage,
    "shareable-templates": ShareableTemplatePage,
    "networks": NetworkPage,
    "case-studies": CaseStudyPage,
}
INDEX_TYPES = [
    ResourcePersonIndexPage,
    MethodIndexPage,
    ShareableTemplateIndexPage,
    NetworkIndexPage,
    CaseStudyIndexPage,
]
PAGE_TYPES = [HomePage, *INDEX_TYPES, *ITEMS.values(), NetworkUpdatePage]


def item_pages():
    """(data, model, {language code: page}) for every demo item and network update, from the data files."""
    for folder, model in ITEMS.items():
        for key, data in content.items(folder).items():
            slugs = data["slug"] if "slug" in data else dict.fromkeys(CODES, key)
            yield data, model, pages_by_slug(model, slugs)
            for update in data.get("updates", ()):
                yield (
                    {**update, "locale": data["locale"]},
                    NetworkUpdatePage,
                    pages_by_slug(NetworkUpdatePage, update["slug"]),
                )


def pages_by_slug(model, slugs):
    return {code: model.objects.get(slug=slug, locale__language_code=code) for code, slug in slugs.items()}


class DemoLanguageChecks:
    def test_every_page_and_snippet_exists_live_in_every_language(self):
        for model in PAGE_TYPES:
            counts = Counter(model.objects.live().values_list("locale__language_code", flat=True))
            with self.subTest(model=model.__name__):
                self.assertEqual(set(counts), set(CODES))
                self.assertEqual(len(set(counts.values())), 1, counts)
                self.assertFalse(model.objects.not_live().exists())
        for model in (Topic, Organisation):
            counts = Counter(model.objects.values_list("locale__language_code", flat=True))
            with self.subTest(model=model.__name__):
                self.assertEqual(set(counts), set(CODES))
                self.assertEqual(len(set(counts.values())), 1, counts)

    def test_each_translation_has_the_title_the_data_file_gives(self):
        for data, _model, pages in item_pages():
            original = pages[data["locale"]]
            for code, page in pages.items():
                with self.subTest(page=original.title, language=code):
                    self.assertTrue(page.live)
                    self.assertEqual(page.translation_key, original.translation_key)
                    if isinstance(data.get("title"), dict):
                        self.assertEqual(page.title, data["title"][code])
                        if data["title"][code] != data["title"][data["locale"]]:
                            self.assertNotEqual(page.title, original.title)
                    else:  # a person's page is titled with their name, in every language
                        self.assertEqual(page.title, data["name"])
                        self.assertEqual(page.specific.job_title, data["job_title"][code])

    def test_translations_are_wagtail_localize_translations_of_the_original(self):
        for data, _model, pages in item_pages():
            original = pages[data["locale"]]
            source = TranslationSource.objects.get(object_id=original.translation_key)
            self.assertEqual(source.locale_id, original.locale_id)
            targets = Translation.objects.filter(source=source, enabled=True)
            expected = {code for code in CODES if code != data["locale"]}
            self.assertEqual({item.target_locale.language_code for item in targets}, expected, original.title)
        for model in (Topic, Organisation):
            for item in model.objects.all():
                self.assertTrue(TranslationSource.objects.filter(object_id=item.translation_key).exists(), item)

    def test_a_sync_carries_a_changed_source_over_to_its_translations(self):
        original = CaseStudyPage.objects.get(slug="utvecklande-reflektion-pensionsnavet", locale__language_code="sv")
        danish = original.get_translation(Locale.objects.get(language_code="da"))
        danish_title = danish.title
        original.summary = "Ett sextiotal rådgivare reflekterar nu tillsammans efter varje kundärende."
        original.save_revision().publish()

        # What "Sync translated pages" does: read the source again, then rebuild each translation.
        source, _created = TranslationSource.update_or_create_from_instance(original)
        translation = Translation.objects.get(source=source, target_locale=danish.locale)
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        danish.refresh_from_db()
        # The new text has no Danish rendering yet: the translation shows the source's, the rest stays Danish.
        self.assertEqual(danish.summary, original.summary)
        self.assertEqual(danish.title, danish_title)
        untranslated = [
            segment.string.data
            for segment in StringSegment.objects.filter(source=source).select_related("string", "context")
            if not StringTranslation.objects.filter(
                translation_of=segment.string, context=segment.context, locale=danish.locale
            ).exists()
        ]
        self.assertEqual(untranslated, [original.summary])

        # Once it is translated, the next sync publishes it.
        segment = StringSegment.objects.get(source=source, string__data=original.summary)
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=danish.locale,
            data=StringValue.from_plaintext("Omkring tres rådgivere reflekterer nu sammen efter hver kundesag.").data,
        )
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        danish.refresh_from_db()
        self.assertEqual(danish.summary, "Omkring tres rådgivere reflekterer nu sammen efter hver kundesag.")

    def test_swedish_home_and_listings_show_swedish_pages_only(self):
        self.client.force_login(get_user_model().objects.get(username="employee"))
        # Titles that differ from the same page's Swedish title: none may show on a Swedish listing.
        foreign = set()
        for _data, _model, pages in item_pages():
            foreign |= {page.title for page in pages.values() if page.title != pages["sv"].title}
        for model in INDEX_TYPES:
            titles = dict(model.objects.values_list("locale__language_code", "title"))
            foreign |= {title for title in titles.values() if title != titles["sv"]}
        home = HomePage.objects.get(locale__language_code="sv")
        for page in [home, *Page.objects.child_of(home).live()]:
            with self.subTest(url=page.url):
                self.assertTrue(page.url.startswith("/sv/"))
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertNotIn("notice--language", html)
                self.assertEqual([title for title in sorted(foreign) if escape(title) in html], [])
                # Each child (a section, a listed item) is linked in Swedish, at its Swedish address, on
                # one of the listing's pages (the directory has more people than one page shows).
                listing, number = html, 1
                while 'rel="next"' in listing:
                    number += 1
                    listing = self.client.get(page.url, {"page": number}).content.decode()
                    html += listing
                for child in page.get_children().live():
                    self.assertEqual(child.locale_id, home.locale_id)
                    self.assertIn(f'href="{child.url}"', html)
                    self.assertIn(escape(child.title), html)
