"""Builds the demo knowledge bank from the data files in content/.

An item's keys are its page's field names: texts, rich texts (a list of paragraphs), dates, links to
other items by key (a person, an organisation, a method…) and inline rows (a network's gatherings).
The few fields that need more (stream fields, portraits) are built by hand below.

Every step looks for what a previous run made before adding anything, so a second run adds nothing.
Items are made in their original language and translated into every other language through
wagtail-localize (demo.localize) with the renderings the data files give for each text
(demo.content.Phrasebook), so each translation is linked to its source and follows it on a sync.
Generated files (a template's .docx, a method's handbook) exist once per language; each translation
links the files in its own language.
"""

import json
import uuid
from datetime import datetime
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.db.models import DateTimeField, ForeignKey
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, TranslatableMixin

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from demo import content, discussion, documents, examples, gatherings, history, images, network_shape, teams
from demo.localize import translate
from demo.publishing import publish
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from networks import following
from networks.models import NetworkIndexPage, NetworkPage, NetworkUpdatePage
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


def stream(blocks):
    """StreamField JSON from (block type, value) pairs, with fresh block ids that translations keep."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])


class DemoLoader:
    def __init__(self):
        self.locales = Locale.objects.in_bulk(field_name="language_code")
        self.en = self.locales[DEFAULT_LANGUAGE]
        self.phrasebook = content.Phrasebook()
        self.missing = []
        self.created = 0
        # key -> {language code: object} for the taxonomy; key -> original page for the items.
        self.topics, self.organisations, self.index_pages = {}, {}, {}
        self.people, self.methods, self.templates, self.networks = {}, {}, {}, {}
        self.built = []  # every original page, to date its publication by its review (demo.history)
        self.items = {folder: content.items(folder) for folder in INDEX_MODELS}
        # Every generated file by the name the data files link it by (its name in the item's language).
        self.files = {
            content.localized(file["name"], data["locale"]): {**file, "document": data["document"]}
            for folder in self.items.values()
            for data in folder.values()
            for file in data.get("generated_files", ())
        }
        # A document's title in any language -> that name, to find a file's other languages.
        self.file_names = {
            content.localized(file["title"], code): name for name, file in self.files.items() for code in CODES
        }
        usernames = [data["user"] for data in self.items["people"].values() if "user" in data]
        self.users = get_user_model().objects.in_bulk(usernames, field_name="username")
        # How an item's data names what it links to, by the model linked to: key -> object in language `code`.
        self.links = {
            Locale: lambda code, _code: self.locales[code],
            Topic: lambda key, code: self.topics[key][code],
            Organisation: lambda key, code: self.organisations[key][code],
            ResourcePersonPage: self.person,
            MethodPage: lambda key, code: self.in_language(self.methods[key], code),
            ShareableTemplatePage: lambda key, code: self.in_language(self.templates[key], code),
            NetworkPage: lambda key, code: self.in_language(self.networks[key], code),
            get_document_model(): self.document,
            get_user_model(): lambda username, code: self.users.get(username),
        }

    def run(self):
        self.load_taxonomy()
        self.load_index_pages()
        self.load_people()
        self.set_index_owners()
        self.methods = self.load_items("methods", MethodPage, self.with_cover(method_fields))
        self.templates = self.load_items("shareable-templates", ShareableTemplatePage, template_fields)
        self.networks = self.load_items("networks", NetworkPage, self.with_cover())
        self.load_updates()
        case_studies = self.load_items("case-studies", CaseStudyPage, self.with_cover(case_study_fields))
        self.follow_networks()
        network_shape.load(self.networks)
        gatherings.load(self.networks)
        examples.load(self)
        discussion.load(case_studies)
        if teams.NETWORK in self.networks:
            teams.load(self.networks[teams.NETWORK], self.organisations)
        # Last: every step before may publish a page again.
        history.settle(self.built)
        return self.created

    def translate_missing(self, original, codes, lookup=None, finish=None):
        """Translate `original` into each language of `codes` it has no translation in yet; all of its
        translations by language code."""
        locales = [self.locales[code] for code in codes if not original.has_translation(self.locales[code])]
        if locales:
            translate(original, locales, lookup or self.phrasebook.lookup, self.missing, finish)
            self.created += len(locales)
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
            self.organisations[key] = self.translate_missing(organisation, others, lambda code: content.normalise)

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
                    last_reviewed=history.last_review({"reviewed_months_ago": 1}),
                )
                home.add_child(instance=page)
                publish(page)
                self.created += 1
            self.built.append(page)
            self.index_pages[key] = self.translate_missing(page, TRANSLATION_TARGETS)

    def set_index_owners(self):
        """Index pages were made before anyone could own them; each language's gets a local owner."""
        for pages in self.index_pages.values():
            # Fresh copies: publishing a stale one would write back an outdated child count.
            for page in pages[DEFAULT_LANGUAGE].get_translations(inclusive=True).specific().select_related("locale"):
                code = page.locale.language_code
                if page.content_owner_id is None:
                    page.content_owner = self.person(self.index_owners[code], code)
                    publish(page)

    # Pages in their original language, then in every other one ---------------------------------

    def fields(self, model, data, code):
        """The model's fields that `data` (with its texts in language `code`) names."""
        values = {}
        for name, value in data.items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # not a field: what build() and the loader use
            if field.one_to_many:  # inline rows, such as a network's gatherings
                values[name] = [field.related_model(**self.fields(field.related_model, row, code)) for row in value]
            elif field.many_to_many:
                values[name] = [self.links[field.related_model](key, code) for key in value]
            elif field.is_relation:
                values[name] = self.links[field.related_model](value, code) if value else None
            elif isinstance(field, RichTextField):
                values[name] = content.rich(value)
            elif isinstance(field, DateTimeField):
                values[name] = timezone.make_aware(datetime.fromisoformat(value))
            elif not isinstance(field, StreamField):  # stream fields are built by hand
                values[name] = value
        return values

    def original(self, parent, model, data, build, owns_itself=False):
        """The page `data` describes under `parent`, in the parent's language: made from its fields and
        `build(data in that language)` unless a previous run made it, then translated into every other
        language."""
        code = parent.locale.language_code
        local = content.localized(data, code)
        page = model.objects.child_of(parent).filter(slug=local["slug"]).first()
        if page is None:
            fields = {**self.fields(model, local, code), **build(local), "locale": parent.locale}
            page = model(last_reviewed=history.last_review(local), review_interval_months=12, **fields)
            parent.add_child(instance=page)
            if owns_itself:
                page.content_owner = page
            publish(page)
            self.created += 1
        self.built.append(page)
        self.phrasebook.add(data, code)
        others = [target for target in CODES if target != code]
        self.translate_missing(page, others, finish=partial(self.localize_rows, data=data))
        return page

    def localize_rows(self, page, data):
        """What wagtail-localize copies from the source as it is: inline rows that are not translatable
        (a template's files, a method's handbooks) are made again from the data in the page's language,
        and documents linked from translatable rows are swapped for their version in that language."""
        code = page.locale.language_code
        local = content.localized(data, code)
        for relation in get_all_child_relations(type(page)):
            name, model = relation.get_accessor_name(), relation.related_model
            manager = getattr(page, name)
            if not issubclass(model, TranslatableMixin):
                if name in local:
                    manager.set([model(**self.fields(model, row, code)) for row in local[name]])
                continue
            rows = list(manager.all())
            for row in rows:
                for field in row._meta.concrete_fields:
                    if isinstance(field, ForeignKey) and field.related_model is get_document_model():
                        document = getattr(row, field.name)
                        if document is not None and document.title in self.file_names:
                            setattr(row, field.name, self.document(self.file_names[document.title], code))
            manager.set(rows)
        # The template's files are now in the page's language.
        if "language" in data and hasattr(page, "language"):
            page.language = code

    def person(self, key, code):
        return self.in_language(self.people[key], code)

    def in_language(self, page, code):
        """A page linked from a page in language `code`: its version in that language, made earlier."""
        return page.get_translation_or_none(self.locales[code]) or page

    def document(self, name, code):
        """The generated file the data files call `name`, in language `code`."""
        file = content.localized(self.files[name], code)
        existing = get_document_model().objects.filter(title=file["title"]).first()
        if existing is not None:
            return existing
        body = ContentFile(documents.build(file["name"], file["document"]), name=file["name"])
        # With its size (and hash), as Wagtail's upload form records them: pages show a download's size.
        document = get_document_model().objects.create(title=file["title"], file=body, file_size=body.size)
        document.get_file_hash()
        return document

    def portrait(self, data):
        title = f"{data['name']} (portrait)"
        existing = get_image_model().objects.filter(title=title).first()
        if existing is not None:
            return existing
        png = documents.portrait_png(data["name"], data["portrait_colour"])
        filename = f"{data['name'].lower().replace(' ', '-')}.png"
        return get_image_model().objects.create(title=title, file=ContentFile(png, name=filename))

    def with_cover(self, build=lambda data: {}):
        """`build`, plus an abstract cover picture for items whose data names `cover_colours`."""

        def built(data):
            fields = build(data)
            if data.get("cover_colours"):
                fields["image"] = self.cover(data)
            return fields

        return built

    def cover(self, data):
        title = f"{data['title']} (cover)"
        existing = get_image_model().objects.filter(title=title).first()
        if existing is not None:
            return existing
        png = images.cover_png(data["slug"], data["cover_colours"])
        return get_image_model().objects.create(title=title, file=ContentFile(png, name=f"{data['slug']}-cover.png"))

    def follow_networks(self):
        """Demo users follow the networks whose data names them, so their home page lists them after `make run`."""
        for key, network in self.networks.items():
            usernames = self.items["networks"][key].get("followed_by", ())
            for user in get_user_model().objects.filter(username__in=usernames):
                following.follow(user, network)

    def load_people(self):
        def build(data):
            return {
                "title": data["name"],
                "photo": self.portrait(data),
                "spoken_languages": [SpokenLanguage(language=language) for language in data["languages"]],
            }

        for key, data in self.items["people"].items():
            parent = self.index_pages["people"][data["locale"]]
            # Everyone owns their own profile; its address is the file's name.
            page = self.original(parent, ResourcePersonPage, {**data, "slug": key}, build, owns_itself=True)
            self.link_user(page, self.users.get(data.get("user")))
            self.people[key] = page

    def link_user(self, page, user):
        """Demo users may be created after a first run: link them on a later one, in every language."""
        if user is None:
            return
        for translation in page.get_translations(inclusive=True).specific():
            if translation.user_id != user.pk:
                translation.user = user
                publish(translation)

    def load_items(self, folder, model, build=lambda data: {}):
        """Each item of a folder under its index page in its own language: key -> original page."""
        return {
            key: self.original(self.index_pages[folder][data["locale"]], model, data, build)
            for key, data in self.items[folder].items()
        }

    def load_updates(self):
        for key, network in self.networks.items():
            for update in self.items["networks"][key]["updates"]:
                self.original(network, NetworkUpdatePage, update, update_fields)


# Stream fields, from an item's data with its texts in the page's language.


def method_fields(data):
    steps = [{**step, "what_to_do": content.rich(step["what_to_do"])} for step in data["steps"]]
    return {
        "motives_for_organisation": stream(("motive", motive) for motive in data["motives_for_organisation"]),
        "motives_for_employees": stream(("motive", motive) for motive in data["motives_for_employees"]),
        "steps": stream(("step", step) for step in steps),
    }


def update_fields(data):
    body = [("paragraph", content.rich([paragraph])) for paragraph in data["paragraphs"]]
    body.insert(1, ("quote", data["quote"]))
    return {"body": stream(body)}


def case_study_fields(data):
    return {"what_was_done": stream(("paragraph", content.rich([text])) for text in data["what_was_done"])}


def template_fields(data):
    """A template's before/after pair (methods/meeting_pair.py), when it has one."""
    defaults = {"help_text": "", "carries_over": False, "shares_as": ""}
    fields = [{**defaults, **field} for field in data.get("meeting_pair", ())]
    return {"meeting_pair": stream(("field", field) for field in fields)} if fields else {}
