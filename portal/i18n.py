"""Which language versions of the current page a visitor can switch to."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no translation in this language and the link
    # leads to that language's home page instead.
    has_translation: bool


def language_links(request, page=None):
    current = get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation

    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            translation = translations.get(code)
            if translation is not None:
                url, has_translation = translation.get_url(request), True
            else:
                url, has_translation = f"/{code}/", False
        else:
            url, has_translation = translate_url(request.get_full_path(), code), True
        links.append(LanguageLink(code, name, url, code == current, has_translation))
    return links
