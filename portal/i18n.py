"""Which language versions of a page exist, for the language switcher, hreflang links and fallbacks."""

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    # None when the page does not exist in this language.
    url: str | None
    is_current: bool

    @property
    def is_available(self):
        return self.url is not None


def page_translations(page):
    """The live versions of `page` by language code, the page itself included."""
    if page is None or not getattr(page, "pk", None):
        return {}
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


def language_links(request, page=None, translations=None):
    current = get_language()
    if page is None or not getattr(page, "pk", None):
        return [
            LanguageLink(code, name, translate_url(request.get_full_path(), code), code == current)
            for code, name in settings.LANGUAGES
        ]
    if translations is None:
        translations = page_translations(page)
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        url = translation.get_url(request) if translation is not None else None
        links.append(LanguageLink(code, name, url, code == current))
    return links


def localized_pages(queryset, locale=None):
    """One version of every page in `queryset`: the one in `locale`, or else the page's source language.

    A page that has not been translated into the reader's language still appears in
    listings, in the language it was written in, rather than silently missing.
    """
    from wagtail_localize.models import TranslationSource

    locale = locale or Locale.get_active()  # a Locale or its id
    model = queryset.model
    translated_here = model.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    source_here = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=OuterRef("locale"))
    any_source = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    return queryset.filter(Q(locale=locale) | (~Exists(translated_here) & (Exists(source_here) | ~Exists(any_source))))


def localized_children(index_page, model):
    """The `model` children of an index page and of its translations, one version of each, in one query.

    Each language has its own index page; a page written in Norwegian and not yet
    translated into Swedish lives under the Norwegian index only, yet belongs in the
    Swedish listing too, shown in Norwegian.
    """
    # A treebeard path starts with its parent's path, so the parent is found without a join.
    parent_is_a_translation = Page.objects.filter(
        translation_key=index_page.translation_key,
        path=Substr(OuterRef("path"), 1, index_page.depth * Page.steplen),
    )
    children = model.objects.filter(depth=index_page.depth + 1).filter(Exists(parent_is_a_translation))
    # The locale id, not the object: reading index_page.locale would cost a query.
    return localized_pages(children, index_page.locale_id).select_related("locale")


def preferred_language(user, default=None):
    """The language a person has chosen for Erfa's e-mails and admin (Wagtail's account setting)."""
    from wagtail.users.models import UserProfile

    codes = {code for code, _name in settings.LANGUAGES}
    if user is not None and getattr(user, "pk", None):
        language = UserProfile.get_for_user(user).preferred_language
        if language in codes:
            return language
    return default if default in codes else settings.LANGUAGE_CODE


def reader_url(url, language=None):
    """`url` (a page's URL, relative or full) moved under the reader's language prefix.

    Every link Erfa renders to a page keeps the reader in their language: a page that has no
    version in that language is served at the reader's prefix by HomePage.route_in_other_languages,
    inside the reader's interface and with the fallback notice, instead of switching the whole
    interface to the page's language.
    """
    if not url:
        return url
    language = language or get_language() or settings.LANGUAGE_CODE
    parts = urlsplit(url)
    segments = parts.path.split("/")
    # "/nb/nettverk/x/" splits into ["", "nb", "nettverk", "x", ""].
    if len(segments) > 1 and segments[1] in LANGUAGE_NAMES and segments[1] != language:
        segments[1] = language
        return urlunsplit(parts._replace(path="/".join(segments)))
    return url
