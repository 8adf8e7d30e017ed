"""Builds the demo knowledge bank from the data files in content/.

Every step looks for what a previous run made before adding anything, so a second run adds nothing.
Items are made in their original language and translated through wagtail-localize (demo.localize)
with the renderings the data files give for each text (demo.content.Phrasebook).
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from casestudies.models import CaseStudyIndexPage
from demo import content, documents
from demo.localize import translate
from demo.pages import ContentBuilders
from home.models import HomePage
from methods.models import MethodIndexPage, ShareableTemplateIndexPage
from networks.models import NetworkIndexPage
from people.models import ResourcePersonIndexPage, ResourcePersonPage, SpokenLanguage
from portal.languages import CODES, DEFAULT_LANGUAGE, TRANSLATION_TARGETS
from portal.models import Organisation, Topic

# The keys of content/taxonomy/index-pages.yaml, which are also the folders of the items listed there.
INDEX_MODELS = {
    "people": ResourcePersonIndexPage,
    "methods": MethodIndexPage,
    "shareable-templates": ShareableTemplateIndexPage,
    "networks": NetworkIndexPage,
    "case-studies": CaseStudyIndexPage,
}


def months_ago(months):
    return date.today() - relativedelta(months=months)


class DemoLoader(ContentBuilders):
    def __init__(self):
        self.locales = Locale.objects.in_bulk(field_name="language_code")
        self.en = self.locales[DEFAULT_LANGUAGE]
        self.phrasebook = content.Phrasebook()
        self.missing = []
        self.created = 0
        # key -> {language code: object} for the taxonomy; key -> original page for the items.
        self.topics, self.organisations, self.index_pages = {}, {}, {}
        self.people, self.methods, self.templates, self.networks = {}, {}, {}, {}
        self.items = {folder: content.items(folder) for folder in INDEX_MODELS}
        # Every generated file by its name: (document title, the text it is built from).
        self.files = {
            file["name"]: (file["title"], data["document"])
            for folder in self.items.values()
            for data in folder.values()
            for file in data.get("files", ())
        }

    def run(self):
        self.load_taxonomy()
        self.load_index_pages()
        self.load_people()
        self.set_index_owners()
        self.load_methods()
        self.load_templates()
        self.load_networks()
        self.load_case_studies()
        return self.created

    def translate_missing(self, original, codes, lookup=None):
        for code in codes:
            if not original.has_translation(self.locales[code]):
                translate(original, self.locales[code], lookup or self.phrasebook.lookup(code), self.missing)
                self.created += 1
        translations = original.get_translations(inclusive=True).select_related("locale")
        return {item.locale.language_code: item.specific if isinstance(item, Page) else item for item in translations}

    # Topics, organisations and index pages, written in English or as proper nouns --------------

    def load_taxonomy(self):
        for key, data in content.read("taxonomy/topics.yaml").items():
            self.phrasebook.add(data, DEFAULT_LANGUAGE)
            name, description = (data[field][DEFAULT_LANGUAGE] for field in ("name", "description"))
            topic = Topic.objects.filter(locale=self.en, name=name).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.en, name=name, description=description)
                self.created += 1
            self.topics[key] = self.translate_missing(topic, TRANSLATION_TARGETS)
        for key, data in content.read("taxonomy/organisations.yaml").items():
            locale = self.locales[data.pop("locale")]
            organisation = Organisation.objects.filter(locale=locale, name=data["name"]).first()
            if organisation is None:
                organisation = Organisation.objects.create(locale=locale, **data)
                self.created += 1
            # A proper noun and a place name: every language keeps them as they are.
            others = [code for code in CODES if code != locale.language_code]
            self.organisations[key] = self.translate_missing(organisation, others, content.normalise)

    def load_index_pages(self):
        data = content.read("taxonomy/index-pages.yaml")
        self.index_owners = data["owners"]
        home = HomePage.objects.get(locale=self.en)
        for key, texts in data["pages"].items():
            self.phrasebook.add(texts, DEFAULT_LANGUAGE)
            model = INDEX_MODELS[key]
            page = model.objects.child_of(home).first()
            if page is None:
                page = model(
                    title=texts["title"][DEFAULT_LANGUAGE],
                    slug=texts["slug"][DEFAULT_LANGUAGE],
                    intro=content.rich([texts["intro"][DEFAULT_LANGUAGE]]),
                    locale=self.en,
                    show_in_menus=True,
                    last_reviewed=months_ago(1),
                )
                home.add_child(instance=page)
                page.save_revision().publish()
                self.created += 1
            self.index_pages[key] = self.translate_missing(page, TRANSLATION_TARGETS)

    def set_index_owners(self):
        """Index pages were made before anyone could own them; each language's gets a local owner."""
        for pages in self.index_pages.values():
            # Fresh copies: publishing a stale one would write back an outdated child count.
            for page in pages[DEFAULT_LANGUAGE].get_translations(inclusive=True).specific().select_related("locale"):
                code = page.locale.language_code
                if page.content_owner_id is None:
                    page.content_owner = self.person(self.index_owners[code], code)
                    page.save_revision().publish()

    # Pages in their original language, then in English ------------------------------------------

    def original(self, parent, model, data, build, topics, owns_itself=False):
        """The page `data` describes under `parent`, in the parent's language: made from `build(local
        data, code)` unless a previous run made it, then translated into English."""
        code = parent.locale.language_code
        local = content.localized(data, code)
        page = model.objects.child_of(parent).filter(slug=local["slug"]).first()
        if page is None:
            page = model(
                locale=parent.locale,
                title=local.get("title", local.get("name")),
                last_reviewed=months_ago(data["reviewed_months_ago"]),
                review_interval_months=12,
                **content.pick(local, "slug", "summary"),
                **build(local, code),
            )
            page.topics = [self.topics[key][code] for key in topics]
            parent.add_child(instance=page)
            if owns_itself:
                page.content_owner = page
            page.save_revision().publish()
            self.created += 1
        if not page.has_translation(self.en):
            self.phrasebook.add(data, code)
            translate(page, self.en, self.phrasebook.lookup(DEFAULT_LANGUAGE), self.missing)
            self.created += 1
        return page

    def person(self, key, code):
        page = self.people[key]
        return page.get_translation_or_none(self.locales[code]) or page

    def document(self, filename):
        title, text = self.files[filename]
        existing = get_document_model().objects.filter(title=title).first()
        if existing is not None:
            return existing
        file = ContentFile(documents.build(filename, text), name=filename)
        return get_document_model().objects.create(title=title, file=file)

    def portrait(self, data):
        title = f"{data['name']} (portrait)"
        existing = get_image_model().objects.filter(title=title).first()
        if existing is not None:
            return existing
        png = documents.portrait_png(data["name"], data["portrait_colour"])
        filename = f"{data['name'].lower().replace(' ', '-')}.png"
        return get_image_model().objects.create(title=title, file=ContentFile(png, name=filename))

    def load_people(self):
        usernames = [data["user"] for data in self.items["people"].values() if "user" in data]
        users = get_user_model().objects.in_bulk(usernames, field_name="username")

        def build(data, code):
            return dict(
                photo=self.portrait(data),
                organisation=self.organisations[data["organisation"]][code],
                bio=content.rich(data["bio"]),
                user=users.get(data.get("user")),
                spoken_languages=[SpokenLanguage(language=language) for language in data["languages"]],
                **content.pick(data, "job_title", "unit", "ask_me_about", "location", "email", "phone"),
            )

        for key, data in self.items["people"].items():
            parent = self.index_pages["people"][data["locale"]]
            # Everyone owns their own profile; its address is the file's name.
            page = self.original(parent, ResourcePersonPage, {**data, "slug": key}, build, data["topics"], True)
            self.link_user(page, users.get(data.get("user")))
            self.people[key] = page

    def link_user(self, page, user):
        """Demo users may be created after a first run: link them on a later one, in every language."""
        if user is None:
            return
        for translation in page.get_translations(inclusive=True).specific():
            if translation.user_id != user.pk:
                translation.user = user
                translation.save_revision().publish()
