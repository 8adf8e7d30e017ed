"""The first steps of serving any page, read with kept SQL: the request's Site and a page's specific form.

Every page Wagtail serves starts with `Site.find_for_request`, then the site's home page in the reader's
language, then the page the address names in its specific form. Wagtail builds and compiles those
queries afresh on each request, and compiling costs more than running them: the Site's query, which
ranks the sites by how well they match in SQL, alone cost 1.2 ms of a 17 ms page. Where the shared
cache keeps them for everyone (portal.middleware.SharedSiteMiddleware), that is paid once; without it
(caching off, or a server without Redis) these run the same SQL through portal.compiled, which keeps
the compiled query but reads the rows every time, so a change to a Site or a page is seen at once.
"""

from django.conf import settings
from django.db.models import F, Q
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from portal import compiled

# Wagtail's ranking of the sites that may serve a host (wagtail.models.sites.get_site_for_hostname).
_HOSTNAME_AND_PORT, _HOSTNAME_AND_DEFAULT, _DEFAULT, _HOSTNAME = range(4)


def for_request(request):
    """`Site.find_for_request(request)`, found through `find_site` when the request has none yet.

    Wagtail keeps the Site on the request (`_wagtail_site`, as find_for_request's docstring says) and
    reads it there for every page URL it builds; a view other than a page (search, the sign-in pages)
    first asks for it when the header links its sections, and would otherwise compile Wagtail's query.
    """
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = find_site(request, specific_root=False)
    return request._wagtail_site


def find_site(request, specific_root=True):
    """The Site Wagtail would find for `request` (Site.find_for_request), or None.

    With `specific_root`, its root page in its specific form, which routing asks for next.
    """
    # As Wagtail: the raw host, without the ALLOWED_HOSTS check, which the response makes later.
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        port = None
    # One SQL for every host name: the host is its one parameter, so a request with any Host header
    # reuses it rather than adding an entry. Ordered by id: Wagtail's manager sorts by name with a
    # parameter of its own, and best_site ranks them anyway.
    sites = compiled.rows(
        ("wagtail-site",),
        lambda: (
            Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
            .select_related("root_page")
            .order_by("pk")
        ),
        params=[hostname],
    )
    site = best_site(sites, hostname, port)
    if site is not None and specific_root:
        # Routing asks for the root page in its specific form next, then for its version in the reader's
        # language (Page.route_for_request: `site.root_page.localized`): both from one query.
        site.root_page = specific_with_translation(site.root_page, reader_content_language())
    return site


def best_site(sites, hostname, port):
    """Wagtail's choice among the sites that have the host name or are the default, made in Python."""

    def rank(site):
        if site.hostname == hostname:
            if site.port == port:
                return _HOSTNAME_AND_PORT
            return _HOSTNAME_AND_DEFAULT if site.is_default_site else _HOSTNAME
        return _DEFAULT

    ranked = sorted(sites, key=rank)
    if not ranked:
        return None
    if len(ranked) == 1 or rank(ranked[0]) in (_HOSTNAME_AND_PORT, _HOSTNAME_AND_DEFAULT):
        return ranked[0]
    if rank(ranked[0]) == _DEFAULT:
        # The default and one other site for this host name: that one; the default and several: the default.
        return ranked[len(ranked) == 2]
    return None


def specific(page):
    """`page.specific` (Wagtail's SpecificMixin.get_specific), its query kept per page type."""
    model = page.specific_class
    if model is None or isinstance(page, model) or not page.pk:
        return page.specific
    found = compiled.rows(
        ("specific-page", model._meta.label), lambda: model._default_manager.filter(pk=page.pk), params=[page.pk]
    )
    if not found:  # deleted in between: Wagtail's own raises DoesNotExist, as this does
        raise model.DoesNotExist
    return _made_specific(page, found[0])


def _made_specific(page, specific_page):
    """`specific_page` as `page.specific`: as get_specific, what was set on the generic page (annotations,
    cached values) carries over."""
    for name, value in page.__dict__.items():
        specific_page.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific_page
    return specific_page


def reader_content_language():
    """The content language of the active one, as Wagtail's Locale.get_active finds it: the default
    language's where the active one is not a content language."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


# Where specific_with_translation leaves what it read of the page's versions: {language: version or None}.
_TRANSLATIONS_READ = "_erfa_translations_read"


def specific_with_translation(page, language):
    """`specific(page)`, having read in the same query its version in `language` (itself when it is in
    that language, None when there is none), which `translation_read` then gives."""
    model = page.specific_class
    if model is None or not page.pk:
        return specific(page)
    found = compiled.rows(
        ("specific-page-and-translation", model._meta.label),
        lambda: model._default_manager.filter(
            Q(pk=page.pk) | (Q(translation_key=page.translation_key) & Q(locale__language_code=language))
        ).annotate(erfa_language=F("locale__language_code")),
        params=[page.pk, page.translation_key, language],  # in the SQL's order (the annotation's join takes none)
    )
    specific_page = next((row for row in found if row.pk == page.pk), None)
    if specific_page is None:  # deleted in between, as specific() raises
        raise model.DoesNotExist
    _made_specific(page, specific_page)
    version = next((row for row in found if row.erfa_language == language), None)
    specific_page.__dict__[_TRANSLATIONS_READ] = {language: version}
    return specific_page


def translation_read(page, language):
    """(True, `page`'s version in `language` or None) where specific_with_translation read it with the
    page; (False, None) where it did not, and the caller reads it."""
    read = page.__dict__.get(_TRANSLATIONS_READ, {})
    return (True, read[language]) if language in read else (False, None)
