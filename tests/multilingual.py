"""A small portal in several languages, as readers meet it: sections in every language, content that
exists only in some. Built with the apps' factories; used by the link-rule tests and the browser journey.

- every section index page exists in en, sv, nb, da and nl, with each language's own slug and title;
- "Reflection meeting" is an English method with a Swedish translation;
- "Lærende nettverk Nord" is a Norwegian network, nowhere else, with a gathering to come;
- "Sigrid Lunde" is a Norwegian profile translated into English (a Swedish reader gets the English);
- "Mette Holm" is a Danish profile, only Danish; she facilitates the Norwegian network;
- "Praktijkverhaal Zuid" is a Dutch case study about the Norwegian network, using the English method;
- "Mødeskabelon" is a Danish template for the English method;
- "Refleksion" is a Danish method, and "Refleksion (svensk)" an unrelated Swedish one at the same path
  below the Swedish methods index (sv, nb and da all call it "metoder").
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import GatheringFactory, NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

# Each section's slug and title per language, as the demo content names them.
SECTIONS = {
    "networks": (
        NetworkIndexPageFactory,
        {
            "en": ("networks", "Networks"),
            "sv": ("natverk", "Nätverk"),
            "nb": ("nettverk", "Nettverk"),
            "da": ("netvaerk", "Netværk"),
            "nl": ("netwerken", "Netwerken"),
        },
    ),
    "people": (
        ResourcePersonIndexPageFactory,
        {
            "en": ("people", "Resource persons"),
            "sv": ("resurspersoner", "Resurspersoner"),
            "nb": ("ressurspersoner", "Ressurspersoner"),
            "da": ("ressourcepersoner", "Ressourcepersoner"),
            "nl": ("vraagbaken", "Vraagbaken"),
        },
    ),
    "case_studies": (
        CaseStudyIndexPageFactory,
        {
            "en": ("case-studies", "Case studies"),
            "sv": ("erfarenheter", "Erfarenheter"),
            "nb": ("erfaringer", "Erfaringer"),
            "da": ("erfaringer", "Erfaringer"),
            "nl": ("praktijkverhalen", "Praktijkverhalen"),
        },
    ),
    "methods": (
        MethodIndexPageFactory,
        {
            "en": ("methods", "Methods"),
            "sv": ("metoder", "Metoder"),
            "nb": ("metoder", "Metoder"),
            "da": ("metoder", "Metoder"),
            "nl": ("methoden", "Methoden"),
        },
    ),
    "templates": (
        ShareableTemplateIndexPageFactory,
        {
            "en": ("templates", "Templates"),
            "sv": ("mallar", "Mallar"),
            "nb": ("maler", "Maler"),
            "da": ("skabeloner", "Skabeloner"),
            "nl": ("sjablonen", "Sjablonen"),
        },
    ),
}


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code, **fields):
    """A published translation of `page`, as an editor makes it with wagtail-localize."""
    TranslationSource.get_or_create_from_instance(page)
    translation = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()  # a new slug moves the page's url_path; publishing a revision would not
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def original(factory, index, code, **fields):
    """A page written in `code`, under that language's index page, with wagtail-localize's source record."""
    page = factory(parent=index[code], locale=locale(code), **fields)
    TranslationSource.get_or_create_from_instance(page)
    return page


def build():
    """Make the portal (the site_tree fixture must have made the five home pages). Returns the pages by name."""
    english_home = HomePage.objects.get(locale__language_code="en")
    sections = {}
    for key, (factory, names) in SECTIONS.items():
        slug, title = names["en"]
        english = factory(parent=english_home, slug=slug, title=title, show_in_menus=True)
        versions = {"en": english}
        for code, (slug, title) in names.items():
            if code != "en":
                versions[code] = translate(english, code, slug=slug, title=title)
        sections[key] = versions

    method = MethodPageFactory(parent=sections["methods"]["en"], title="Reflection meeting", slug="reflection-meeting")
    method_sv = translate(method, "sv", title="Reflektionsmöte", slug="reflektionsmote")
    danish_method = original(MethodPageFactory, sections["methods"], "da", title="Refleksion", slug="refleksion")
    swedish_namesake = original(
        MethodPageFactory, sections["methods"], "sv", title="Refleksion (svensk)", slug="refleksion"
    )

    mette = original(ResourcePersonPageFactory, sections["people"], "da", title="Mette Holm", slug="mette-holm")
    sigrid = original(ResourcePersonPageFactory, sections["people"], "nb", title="Sigrid Lunde", slug="sigrid-lunde")
    sigrid_en = translate(sigrid, "en", title="Sigrid Lunde")

    network = original(
        NetworkPageFactory, sections["networks"], "nb", title="Lærende nettverk Nord", slug="laerende-nettverk-nord"
    )
    GatheringFactory(page=network, title="Oppstartssamling", start=timezone.now() + timedelta(days=10))
    NetworkFacilitatorFactory(page=network, person=mette)
    network.save_revision().publish()

    case_study = original(
        CaseStudyPageFactory,
        sections["case_studies"],
        "nl",
        title="Praktijkverhaal Zuid",
        slug="praktijkverhaal-zuid",
        network=network,
        methods_used=[method],
        contact_persons=[mette],
    )
    template = original(
        ShareableTemplatePageFactory,
        sections["templates"],
        "da",
        title="Mødeskabelon",
        slug="modeskabelon",
        related_method=method,
        language="da",
    )
    return {
        "sections": sections,
        "method": method,
        "method_sv": method_sv,
        "danish_method": danish_method,
        "swedish_namesake": swedish_namesake,
        "mette": mette,
        "sigrid": sigrid,
        "sigrid_en": sigrid_en,
        "network": network,
        "case_study": case_study,
        "template": template,
    }
