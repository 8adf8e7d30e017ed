"""Which language versions of a page exist, for the language switcher, hreflang links and fallbacks."""

from dataclasses import dataclass
from functools import lru_cache, partial, reduce
from operator import or_
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils.translation import get_language, override
from wagtail.models import Locale, Page

from portal import compiled, fragments, page_urls, sites
from portal.languages import DEFAULT_LANGUAGE, base_code
from portal.numbers import whole_number

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
    """The live versions of `page` by language code, the page itself included, as plain Wagtail pages.

    Plain pages, not the page's own kind: what asks for them wants their language and address (the
    language switcher, the hreflang links, the fallback notice), and reading the specific pages would
    join their tables and fetch and decode every version's body on each page view, for nothing. Use
    `.specific` on the one version that needs more.
    """
    if page is None or not getattr(page, "pk", None):
        return {}
    # Compiled once per process for the translation key (portal.compiled).
    versions = compiled.rows(
        ("page-translations", page.translation_key),
        lambda: Page.objects.filter(translation_key=page.translation_key).live().select_related("locale"),
    )
    return {translation.locale.language_code: translation for translation in versions}


def language_links(request, page=None, translations=None, page_view=None):
    """The language switcher's links. `page_view` names a view of Erfa's own about `page` that takes the
    page's id (a page's discussion): its links lead to that view of each version, not to the page."""
    current = get_language()
    if page is None or not getattr(page, "pk", None):
        # A view of Erfa's own (search, an account page) has the same address in every language; a page
        # that refuses or is not there (a 403 or 404 under a page's address) offers the languages' home pages.
        match = getattr(request, "resolver_match", None)
        own_view = match is not None and match.url_name != "wagtail_serve"
        return [
            LanguageLink(
                code, name, translate_url(request.get_full_path(), code) if own_view else f"/{code}/", code == current
            )
            for code, name in settings.LANGUAGES
        ]
    if translations is None:
        translations = page_translations(page)
    # The reader keeps their place: a routable page's route (a team's plan, a gathering) and the
    # listing's filters, search and page number come along to the other language's version.
    route = _route(request, page)
    queries = translated_queries(request.GET) if request.GET else {}
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        url = None
        if translation is not None and page_view:
            with override(code):
                url = reverse(page_view, args=[translation.pk])
        elif translation is not None:
            url = page_address(translation, request) + route
            if queries.get(code):
                url += "?" + queries[code]
        links.append(LanguageLink(code, name, url, code == current))
    return links


def _route(request, page):
    """The part of the request's path after the page's own address: a routable page's route, or ""."""
    if getattr(request, "routable_resolver_match", None) is None:
        return ""
    for own in (page_address(page, request), reader_page_url(page, request)):
        if own and request.path.startswith(own):
            return request.path[len(own) :]
    return ""


# Query parameters that name a translatable object by its id (a topic, an organisation, a network or
# method page): the same filter in another language names that language's version. The apps that
# filter by them register them (the lower apps know nothing of the higher apps' parameters).
TRANSLATABLE_PARAMETERS = {}


def register_translatable_parameter(name, model):
    TRANSLATABLE_PARAMETERS[name] = model


def translated_queries(query):
    """`query` (a QueryDict) for every language: {code: encoded query}, the ids of translatable objects
    swapped for their versions in that language (a filter without one is left out). One query per
    such parameter the first time its ids are asked, then kept for everyone (portal.fragments): which
    version of a topic is which is the same for every reader, and no name or title is kept."""
    versions = {}
    for name, model in TRANSLATABLE_PARAMETERS.items():
        # A filter names one or a few: the switcher carries the first ten.
        numbers = (whole_number(value) for value in query.getlist(name)[:10])
        ids = tuple(pk for pk in numbers if pk is not None and pk < 10**11)
        if ids:
            versions[name] = (ids, fragments.shared(("translated-ids", name, ids), partial(_versions, model, ids)))
    encoded = {}
    for code, _name in settings.LANGUAGES:
        translated = query.copy()
        for name, (ids, by_language) in versions.items():
            found = [by_language.get(pk, {}).get(code) for pk in ids]
            translated.setlist(name, [str(pk) for pk in found if pk is not None])
        encoded[code] = translated.urlencode()
    return encoded


def _versions(model, ids):
    """{id: {language code: the id of its version in that language}} for the objects `ids` name."""

    def build():
        keys = model.objects.filter(pk__in=ids).values("translation_key")
        versions = model.objects.filter(translation_key__in=keys)
        return versions.values_list("pk", "translation_key", "locale__language_code")

    # One SQL per model and number of ids, run with these ids (portal.compiled).
    rows = compiled.rows(("translated-ids", model._meta.label, len(ids)), build, params=list(ids))
    by_key = {}
    for pk, key, code in rows:
        by_key.setdefault(key, {})[code] = pk
    return {pk: by_key[key] for pk, key, _code in rows if pk in ids}


def localized_pages(queryset, locale=None, *, english_next=False):
    """One version of every page in `queryset`: the one in `locale`, or else the page's source language.

    A page that has not been translated into the reader's language still appears in
    listings, in the language it was written in, rather than silently missing.

    With `english_next` (listings of pages), a page missing in `locale` is listed in English when it
    has a live English version, and only otherwise in its source language: the version its link
    shows (see best_version). Only live versions count, so a draft translation does not hide the page.
    All in the one query of the listing.
    """
    locale = locale or Locale.get_active()  # a Locale, its id, or a language code
    if isinstance(locale, str):
        return queryset.filter(_version_condition(queryset.model, "code", locale, english_next))
    return queryset.filter(_version_condition(queryset.model, "id", getattr(locale, "pk", locale), english_next))


@lru_cache(maxsize=512)
def _version_condition(model, kind, locale, english_next):
    """localized_pages' condition for one model, locale and rule, built once per process: building its
    subqueries costs as much CPU as compiling the listing's SQL, and it is the same for every request.
    Safe to share: filtering with it resolves copies of its subqueries, never the kept ones."""
    from wagtail_localize.models import TranslationSource

    here = Q(locale__language_code=locale) if kind == "code" else Q(locale_id=locale)
    versions = model.objects.filter(translation_key=OuterRef("translation_key"))
    if english_next:
        versions = versions.filter(live=True)
    translated_here = versions.filter(here)
    source_here = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=OuterRef("locale"))
    any_source = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    is_source = Exists(source_here) | ~Exists(any_source)
    if not english_next:
        return here | (~Exists(translated_here) & is_source)
    in_english = versions.filter(locale__language_code=DEFAULT_LANGUAGE)
    return (
        here
        | (~Exists(translated_here) & Q(locale__language_code=DEFAULT_LANGUAGE))
        | (~Exists(translated_here) & ~Exists(in_english) & is_source)
    )


def translation_paths(page, request=None):
    """The tree paths of every version of `page`, sorted (its own when it has none saved yet): kept until
    anything changes (portal.fragments), and for the rest of `request` if given. What localized_children's
    SQL is built from, beside the page."""
    kept = getattr(request, "_erfa_translation_paths", None) if isinstance(request, HttpRequest) else None
    if kept is not None and page.translation_key in kept:
        return kept[page.translation_key]
    paths = fragments.shared(
        ("index-translation-paths", page.translation_key),
        # One SQL for every page: the translation key is its parameter (portal.compiled).
        lambda: compiled.rows(
            ("translation-paths",),
            lambda: Page.objects.filter(translation_key=page.translation_key).values_list("path", flat=True),
            params=[page.translation_key],
        ),
    )
    paths = tuple(sorted(paths)) or (page.path,)
    if isinstance(request, HttpRequest):
        if kept is None:
            kept = request._erfa_translation_paths = {}
        kept[page.translation_key] = paths
    return paths


def localized_children(index_page, model, request=None):
    """The `model` children of an index page and of its translations, one version of each, in one query
    (beside the translations' paths, read once until anything changes).

    Each language has its own index page; a page written in Norwegian and not yet
    translated into Swedish lives under the Norwegian index only, yet belongs in the
    Swedish listing too, shown in English if it has an English version, else in Norwegian.
    """
    # A treebeard path starts with its parent's path: the children of each translation are the pages one
    # level below it whose path starts with its path. Named prefixes (rather than a join on a cut path)
    # let PostgreSQL estimate the listing's size from its statistics, so a listing of thousands is
    # hash-joined rather than looked up row by row.
    paths = translation_paths(index_page, request)
    below = [Q(path__startswith=path, depth=len(path) // Page.steplen + 1) for path in paths]
    children = model.objects.filter(reduce(or_, below))
    # The locale id, not the object: reading index_page.locale would cost a query.
    return localized_pages(children, index_page.locale_id, english_next=True).select_related("locale")


def reader_versions(pages, language=None):
    """The pages of `pages` (a page's related pages), each in the version the reader is shown.

    A Dutch case study's methods are stored as the versions it was written with; a Swedish reader
    gets each one's Swedish version, else English, else the original: the version its link opens
    (best_version), with that version's title. Still one query.
    """
    model = pages.model
    # A preview's relations are modelcluster's in-memory lists, not querysets.
    real = isinstance(pages, QuerySet)
    keys = pages.values("translation_key") if real else [page.translation_key for page in pages]
    every_version = model.objects.filter(translation_key__in=keys)
    return localized_pages(every_version, reader_language(language), english_next=True)


def reader_title(locale, pointer=None):
    """The title of a row's page (or of the page it points at through `pointer`, a foreign key's name)
    as the reader's link opens it: the title of its version in `locale` (a Locale's id), else English,
    else the original (best_version's order), else as stored. An expression: a listing's cards then
    name the pages they point at in the reader's language within the query that fetches them, as
    their links (reader_page_url) open those versions.
    """
    prefix = f"{pointer}__" if pointer else ""
    versions = Page.objects.filter(translation_key=OuterRef(f"{prefix}translation_key"))
    shown = localized_pages(versions, locale, english_next=True).live().values("title")[:1]
    return Coalesce(Subquery(shown), F(f"{prefix}title"))


def preferred_language(user, default=None):
    """The language a person has chosen for Erfa's e-mails and admin (Wagtail's account setting)."""
    from wagtail.users.models import UserProfile

    codes = {code for code, _name in settings.LANGUAGES}
    if user is not None and getattr(user, "pk", None):
        language = UserProfile.get_for_user(user).preferred_language
        if language in codes:
            return language
    return default if default in codes else settings.LANGUAGE_CODE


def reader_language(language=None):
    """The reader's language: `language` when given (an e-mail's recipient), else the active one."""
    return language or base_code(get_language()) or settings.LANGUAGE_CODE


def reader_url(url, language=None):
    """`url` (a page's URL, relative or full) moved under the reader's language prefix.

    Every link Erfa renders to a page keeps the reader in their language. A page in another
    language keeps that language's code as the first step of its path, under the reader's prefix:
    /nb/nettverk/x/ becomes /sv/nb/nettverk/x/ for a Swedish reader. HomePage.route_in_other_languages
    serves it there, inside the Swedish interface and with the fallback notice, instead of switching
    the whole interface to Norwegian. The code keeps the address unambiguous: /sv/nettverk/x/ could be
    an unrelated Swedish page, while no section of the Swedish tree is called "nb". A URL already under
    the reader's prefix, or one outside the language prefixes, is returned as it is.
    """
    if not url:
        return url
    reader = reader_language(language)
    parts = urlsplit(url)
    segments = parts.path.split("/")
    # "/nb/nettverk/x/" splits into ["", "nb", "nettverk", "x", ""].
    if len(segments) < 3 or segments[1] not in LANGUAGE_NAMES or segments[1] == reader:
        return url
    if segments[2:] == [""]:
        # Another language's home page: the reader has a home of their own.
        segments = ["", reader, ""]
    else:
        segments.insert(1, reader)
    return urlunsplit(parts._replace(path="/".join(segments)))


def reader_page_url(page, request=None, language=None, full=False):
    """The URL of `page` (any language version) that keeps the reader in their language (see reader_url).

    `full` gives an absolute URL, for e-mails and calendar feeds. No query: Wagtail computes a
    page's URL from its path and the sites it has cached for the request.
    """
    if page is None:
        return ""
    return reader_url(page_address(page, request, full), language)


def page_address(page, request=None, full=False):
    """Wagtail's URL of `page` (get_url, or get_full_url with `full`), kept for the rest of `request`: a
    page names its own address from several places (a network's follow, calendar and gathering links;
    the canonical and alternate links), and Wagtail works each out afresh. Built as Wagtail builds it,
    without its reverse() per link (portal.page_urls)."""
    if not isinstance(request, HttpRequest) or not page.pk:
        return page.get_full_url(request) if full else page.get_url(request)
    kept = getattr(request, "_erfa_page_urls", None)
    if kept is None:
        kept = request._erfa_page_urls = {}
        sites.for_request(request)
    key = (page.pk, page.url_path, full)
    url = kept.get(key)
    if url is None:
        url = kept[key] = page_urls.page_url(page, request, full)
    return url


def reader_path_url(url_path, language_code, language=None):
    """reader_page_url for a page known only by its url_path and language, as in rows read with values().

    Wagtail's URL of a page is its language's prefix and its url_path below its home page (each
    language's home page is a site root): "/home-nb/ressurspersoner/x/" in Norwegian is /nb/ressurspersoner/x/.
    """
    below_home = url_path.split("/", 2)[2] if url_path.count("/") >= 2 else ""
    return reader_url(f"/{language_code}/{below_home}", language)


def source_language(page):
    """The language `page` was written in: the locale wagtail-localize translates it from."""
    from wagtail_localize.models import TranslationSource

    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at", "pk")
        .values_list("locale__language_code", flat=True)
        .first()
    )
    return source


def synced_translation(page):
    """The enabled wagtail-localize translation whose target is `page`, if any: while it exists, the page's
    text is kept in step with its source through the translation editor."""
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    )
    return translations.select_related("source", "target_locale").first()


def best_version(page, language=None, translations=None):
    """The live version of `page` a reader of `language` should see.

    Their own language first, then English (the language most readers share), then the language the
    page was written in, and the given version when none of these is live. A version found among the
    translations is a plain page (page_translations).
    """
    if translations is None:
        translations = page_translations(page)
    for code in (reader_language(language), DEFAULT_LANGUAGE):
        if code in translations:
            return translations[code]
    return translations.get(source_language(page)) or page
