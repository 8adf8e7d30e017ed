"""The admin's page chooser opens on the language of the page being edited, not on all five mixed.

Each language has its own page tree, and Wagtail's chooser takes the language from its `locale`
parameter: at the root it lists the home pages of that language only, with its own selector for the
others. The page choosers of a page's fields (a case study's network, a template's method) send the
language of the page being edited; the rich-text "link to a page" and wagtail-localize's translation
editor send none, and Wagtail then lists the home pages of every language side by side. Its search
reads no language at all: a Danish editor looking for "Before and after meetings" found all five
versions, could link the Swedish one, and sent Danish readers to a Swedish page.

Two pieces, around Wagtail's own views (neither replaces one of its addresses):

- `PageChooserLanguageMiddleware` gives a chooser request that names no language the one it should
  have: the language of the page being edited (from the editor's address, the Referer), else the
  editor's admin language; inside a page tree, that tree's. Wagtail then lists and offers the other
  languages exactly as when the parameter is sent, and its search form carries it on.
- `search_in_chooser_language` (Wagtail's `construct_page_chooser_queryset` hook) narrows the search to
  that language, as browsing already is.

An editor who picks another language in Wagtail's selector sends it as `locale` and gets that one.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Locale, Page

BROWSE_ROOT = "wagtailadmin_choose_page"
BROWSE_CHILD = "wagtailadmin_choose_page_child"
SEARCH = "wagtailadmin_choose_page_search"
# The editor's own views of a page, whose address names the page (or, for a new page, its parent).
PAGE_EDITOR_NAMESPACE = "wagtailadmin_pages"
PAGE_KWARGS = ("page_id", "parent_page_id")


def edited_page_language(request):
    """The language code of the page the editor opened the chooser from, or None: from the Referer, which
    the browser sends with the chooser's requests (the admin page's address, not the chooser's own)."""
    referer = request.headers.get("referer", "")
    if not referer or not url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        return None
    try:
        match = resolve(urlsplit(referer).path)
    except Resolver404:
        return None
    if match.namespace != PAGE_EDITOR_NAMESPACE:
        return None
    page_id = next((match.kwargs[name] for name in PAGE_KWARGS if name in match.kwargs), None)
    if page_id is None:
        return None
    return Page.objects.filter(pk=page_id).values_list("locale__language_code", flat=True).first()


def default_language(request):
    """The chooser's language when none is asked for: the edited page's, else the editor's admin language
    (active on the whole admin request, portal.middleware.AdminLanguageMiddleware)."""
    return edited_page_language(request) or Locale.get_active().language_code


def search_in_chooser_language(pages, request):
    """`construct_page_chooser_queryset`: the chooser's search in one language, the one asked for (Wagtail's
    `locale`) or the default. Browsing is left to Wagtail. A code that names no locale finds nothing, as
    browsing answers it with a 404."""
    match = request.resolver_match
    if match is None or match.view_name != SEARCH:
        return pages
    locale = Locale.objects.filter(language_code=request.GET.get("locale") or default_language(request)).first()
    return pages.filter(locale=locale) if locale else pages.none()


class PageChooserLanguageMiddleware:
    """Adds the `locale` parameter to a page-chooser request that has none (see the module's docstring).

    At the root (the chooser as the rich-text link opens it) and in a search: the default language.
    Inside a tree (an existing link's parent, or the translation Wagtail's selector moved to): that
    tree's language, which Wagtail shows anyway, so that a search from there looks in the same language.
    Set on request.GET before Wagtail's view reads it, as portal.middleware.AdminSearchQueryLimitMiddleware
    sets `q`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in (BROWSE_ROOT, BROWSE_CHILD, SEARCH):
            return None
        if not request.user.is_authenticated or request.GET.get("locale"):
            return None  # Wagtail sends whoever may not use the admin to its login page itself.
        language = None
        if match.view_name == BROWSE_CHILD:
            parent = Page.objects.filter(pk=view_kwargs.get("parent_page_id"))
            parent = parent.values_list("depth", "locale__language_code").first()
            if parent is None:
                return None  # Wagtail's 404.
            depth, code = parent
            language = code if depth > 1 else None
        params = request.GET.copy()
        params["locale"] = language or default_language(request)
        request.GET = params
        return None
