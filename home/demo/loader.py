"""Builds the demo knowledge bank. Every step looks for what a previous run made before adding anything."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.demo import files
from home.demo.data_people import PEOPLE
from home.demo.data_taxonomy import INDEX_PAGES, INDEX_SLUGS, ORGANISATIONS, TOPICS
from home.demo.localize import translate
from home.demo.pages import ContentBuilders, rich
from home.demo.text import Phrasebook, normalise, same
from home.models import HomePage
from people.models import ResourcePersonPage, SpokenLanguage
from portal.models import Organisation, Topic

SOURCE_LOCALE = "en"
TARGET_LOCALES = ["sv", "nb", "da", "nl"]
# Months since the last review, item by item: a review interval is 12 months, so some are overdue.
REVIEW_AGES = [1, 3, 14, 6, 2, 18, 9, 4, 13, 7, 5, 11]


class DemoLoader(ContentBuilders):
    def __init__(self):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.en = self.locales[SOURCE_LOCALE]
        self.phrasebook = Phrasebook()
        self.missing = []
        self.created = 0
        self.topics = {}  # key -> {locale code: Topic}
        self.organisations = {}  # key -> {locale code: Organisation}
        self.index_pages = {}  # model label -> {locale code: page}
        self.people = {}  # key -> original page
        self.methods = {}
        self.templates = {}
        self.networks = {}
        self.review_count = 0

    def run(self):
        self.load_topics()
        self.load_organisations()
        self.load_index_pages()
        self.load_people()
        self.set_index_owners()
        self.load_methods()
        self.load_templates()
        self.load_networks()
        self.load_case_studies()
        return self.created

    # Snippets -------------------------------------------------------------------------------

    def load_topics(self):
        for key, names in TOPICS.items():
            name, description = names[SOURCE_LOCALE]
            topic = Topic.objects.filter(locale=self.en, name=name).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.en, name=name, description=description)
                self.created += 1
            words = {}
            for code in TARGET_LOCALES:
                if not topic.has_translation(self.locales[code]):
                    words = {normalise(en): target for en, target in zip(names["en"], names[code], strict=True)}
                    translate(topic, self.locales[code], lambda text, w=words: w.get(normalise(text)), self.missing)
                    self.created += 1
            self.topics[key] = {item.locale.language_code: item for item in topic.get_translations(inclusive=True)}

    def load_organisations(self):
        for key, (code, name, kind, region, website) in ORGANISATIONS.items():
            locale = self.locales[code]
            organisation = Organisation.objects.filter(locale=locale, name=name).first()
            if organisation is None:
                organisation = Organisation.objects.create(
                    locale=locale, name=name, kind=kind, region=region, website=website
                )
                self.created += 1
            # A proper noun and a place name: every locale keeps them as they are.
            for other in self.locales.values():
                if other != locale and not organisation.has_translation(other):
                    translate(organisation, other, as_is)
                    self.created += 1
            self.organisations[key] = {
                item.locale.language_code: item for item in organisation.get_translations(inclusive=True)
            }

    # Index pages ----------------------------------------------------------------------------

    def load_index_pages(self):
        home = HomePage.objects.get(locale=self.en)
        for label, (slug, texts) in INDEX_PAGES.items():
            model = apps.get_model(label)
            page = model.objects.child_of(home).first()
            if page is None:
                title, intro = texts[SOURCE_LOCALE]
                page = model(
                    title=title,
                    slug=slug,
                    intro=f"<p>{intro}</p>",
                    locale=self.en,
                    show_in_menus=True,
                    last_reviewed=date.today() - relativedelta(months=1),
                )
                home.add_child(instance=page)
                page.save_revision().publish()
                self.created += 1
            for code in TARGET_LOCALES:
                if page.has_translation(self.locales[code]):
                    continue
                words = {normalise(en): target for en, target in zip(texts["en"], texts[code], strict=True)}
                words[slug] = INDEX_SLUGS[label][code]
                translate(page, self.locales[code], lambda text, w=words: w.get(normalise(text)), self.missing)
                self.created += 1
            self.index_pages[label] = {
                item.locale.language_code: item.specific for item in page.get_translations(inclusive=True)
            }

    # Pages in their original language -------------------------------------------------------

    def page_in(self, parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def review_fields(self, data):
        age = REVIEW_AGES[self.review_count % len(REVIEW_AGES)]
        self.review_count += 1
        return {
            "summary": str(data["summary"]),
            "last_reviewed": date.today() - relativedelta(months=age),
            "review_interval_months": 12,
        }

    def topic_list(self, keys, code):
        return [self.topics[key][code] for key in keys]

    def add_original(self, parent, page, topics=(), owns_itself=False):
        page.locale = parent.locale
        page.topics = self.topic_list(topics, parent.locale.language_code)
        parent.add_child(instance=page)
        if owns_itself:
            page.content_owner = page
        page.save_revision().publish()
        self.created += 1
        return page

    def ensure_english(self, page, data):
        """Translate an original page into English unless a previous run already did."""
        if page.has_translation(self.en):
            return page.get_translation(self.en).specific
        self.phrasebook.add(data)
        self.created += 1
        return translate(page, self.en, self.phrasebook.english, self.missing)

    def document(self, key):
        title, filename, content = files.build_document(key)
        document_model = get_document_model()
        existing = document_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        return document_model.objects.create(title=title, file=ContentFile(content, name=filename))

    def portrait(self, name, index):
        title = f"{name} (portrait)"
        image_model = get_image_model()
        existing = image_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        filename = f"{name.lower().replace(' ', '-')}.png"
        return image_model.objects.create(title=title, file=ContentFile(files.portrait_png(name, index), name=filename))

    def load_people(self):
        users = {
            user.username: user for user in get_user_model().objects.filter(username__in=["resource", "facilitator"])
        }
        for index, (key, data) in enumerate(PEOPLE.items()):
            parent = self.index_pages["people.ResourcePersonIndexPage"][data["locale"]]
            slug = key
            page = self.page_in(parent, ResourcePersonPage, slug)
            if page is None:
                code = data["locale"]
                page = ResourcePersonPage(
                    title=data["name"],
                    slug=slug,
                    photo=self.portrait(data["name"], index),
                    job_title=str(data["job_title"]),
                    organisation=self.organisations[data["organisation"]][code],
                    unit=str(data["unit"]),
                    ask_me_about=str(data["ask_me_about"]),
                    bio=rich(data["bio"]),
                    email=data["email"],
                    phone=data["phone"],
                    location=str(data["location"]),
                    user=users.get(data.get("user")),
                    spoken_languages=[SpokenLanguage(language=language) for language in data["languages"]],
                    **self.review_fields(data),
                )
                # Everyone owns their own profile.
                self.add_original(parent, page, data["topics"], owns_itself=True)
            self.ensure_english(page, {"data": data, "name": same(data["name"]), "slug": same(slug)})
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

    def set_index_owners(self):
        """Index pages were made before anyone could own them; each language's gets a local owner."""
        owners = {"en": "frida-holmquist", "sv": "frida-holmquist", "nb": "ingrid-solbakken"}
        owners.update({"da": "mette-kjaergaard", "nl": "sanne-de-wit"})
        for pages in self.index_pages.values():
            # Fresh copies: publishing a stale one would write back an outdated child count.
            for page in pages["en"].get_translations(inclusive=True).specific().select_related("locale"):
                code = page.locale.language_code
                if page.content_owner_id is None:
                    page.content_owner = self.person(owners[code], code)
                    page.save_revision().publish()

    def person(self, key, code):
        page = self.people[key]
        return page.get_translation_or_none(self.locales[code]) or page


def as_is(text):
    """Lookup for proper nouns: the target text is the source text."""
    return normalise(text)
