from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.middleware import locale
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.users.models import UserProfile

from portal import fragments, sites
from portal.admin_area import in_admin
from portal.languages import base_code


class IntranetLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Every front-end view needs a signed-in user unless marked @login_not_required.

    Wagtail's admin guards its own views and sends visitors to its own login
    form, so its URLs are left to it.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if in_admin(request):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request, view_func):
        """A form sent after the session ended (a rating, a vote, a follow) returns, after sign-in, to the
        page it was sent from: its own address answers only POST, and a GET of it was an empty 405.

        A language's home page (where the bare address sends a visitor, in the browser's language) returns
        to the bare address, which knows the reader once they are signed in (ReaderHomeMiddleware)."""
        if request.method in ("GET", "HEAD") and _is_language_home(request):
            login_url = resolve_url(self.get_login_url(view_func))
            return redirect_to_login("/", login_url, self.get_redirect_field_name(view_func))
        if request.method in ("GET", "HEAD"):
            return super().handle_no_permission(request, view_func)
        referer = request.headers.get("Referer", "")
        if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
            parts = urlsplit(referer)
            back = parts.path + (f"?{parts.query}" if parts.query else "")
        else:
            language = translation.get_language_from_path(request.path_info)
            back = f"/{language}/" if language else "/"
        login_url = resolve_url(self.get_login_url(view_func))
        return redirect_to_login(back, login_url, self.get_redirect_field_name(view_func))


def _is_language_home(request):
    path = request.path_info
    return not request.GET and len(path) > 2 and path == f"/{translation.get_language_from_path(path)}/"


class ReaderHomeMiddleware:
    """The bare address takes a signed-in reader to the home page in the language of their account.

    Without it, Django's LocaleMiddleware picks the browser's language, and a Swedish employee on an
    English browser started every visit in English. Readers who chose no language, and visitors, are
    left to LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/" and request.method in ("GET", "HEAD") and request.user.is_authenticated:
            chosen = UserProfile.objects.filter(user=request.user).values_list("preferred_language", flat=True)
            language = base_code(chosen.first())
            if language:
                return HttpResponseRedirect(f"/{language}/")
        return self.get_response(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that a "not found" in the admin stays one.

    Django answers a 404 at an address without a language prefix with a redirect to that address under
    the reader's prefix when the prefixed one exists, and Wagtail's page route takes any address: the
    admin API's 404 for /admin/api/main/pages/13/ became a redirect to /en/admin/api/main/pages/13/, an
    HTML front-end page where the admin's script expected JSON. The admin has no prefix to add.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and in_admin(request):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class AdminLanguageMiddleware:
    """The whole admin request in the editor's language, not only Wagtail's views.

    Wagtail switches to the language of the editor's account (wagtail.admin.localization.
    get_localized_response) around each admin view, but some of what it says comes after the view:
    when a view refuses, "Sorry, you do not have permission to access this area." is written outside
    that switch (wagtail.admin.auth.require_admin_access), in the browser's language, English in a
    Swedish editor's admin. The same language for the whole request, as Wagtail chooses it, and
    the one before it afterwards, as Wagtail leaves it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not in_admin(request) or not request.user.is_authenticated:
            return self.get_response(request)
        profile = getattr(request.user, "wagtail_userprofile", None)
        if profile is None:
            return self.get_response(request)
        request.LANGUAGE_CODE = profile.get_preferred_language()
        with translation.override(request.LANGUAGE_CODE):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)  # LocaleMiddleware keeps it
        return response


class PagePasswordReturnMiddleware:
    """The page-password form returns to a URL, never to whatever else its ``return_url`` says.

    Wagtail's view (wagtail.views.authenticate_with_password) redirects with django.shortcuts.redirect,
    which reads a value without "/" or "." as a URL name and fails with a server error when no URL has
    that name. The form always sends a path; any other value (typed by hand or by a script) goes where
    Wagtail sends an address from another site: settings.LOGIN_REDIRECT_URL.
    """

    view_name = "wagtailcore_authenticate_with_password"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.url_name != self.view_name:
            return None
        return_url = request.POST.get("return_url", "")
        if return_url and "/" not in return_url and "." not in return_url:
            data = request.POST.copy()
            data["return_url"] = str(settings.LOGIN_REDIRECT_URL)  # in the reader's language
            request.POST = data
        return None


# Longer than any search an editor types; short enough for the search backend to plan in no time.
ADMIN_QUERY_MAX_LENGTH = 255


class AdminSearchQueryLimitMiddleware:
    """Cuts the admin's search text (``?q=``) to ADMIN_QUERY_MAX_LENGTH characters.

    The admin's page, document, image and user searches hand the whole text to the database search
    backend, which builds one nested expression per word or quoted phrase: tens of thousands of them
    exhaust Python's recursion limit (a 500) or keep a worker busy for many seconds. The front end's
    search cleans its own query (search/query.py); this gives the admin the same bound.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: reading request.GET parses the query string, which must stay the front-end
        # views' job (the autocomplete answers even an unparsable one in JSON).
        if not in_admin(request):
            return self.get_response(request)
        query = request.GET.get("q")
        if query and len(query) > ADMIN_QUERY_MAX_LENGTH:
            params = request.GET.copy()
            params["q"] = query[:ADMIN_QUERY_MAX_LENGTH]
            request.GET = params
        return self.get_response(request)


class SharedSiteMiddleware:
    """The request's Wagtail Site, looked up once per host and port for every reader, not once per request.

    Wagtail finds it with a query on each request (Site.find_for_request) and keeps it on the request
    (`_wagtail_site`, as that method's docstring says); this puts the shared copy there first. The copy
    is kept with its root page in its specific form, which routing asks for next (another query). Kept
    under the shared cache's generation (portal.fragments), so saving or deleting a Site or a page
    makes it stale. Without the shared cache, the page views still skip Wagtail's own lookup, whose query
    costs more to build than to run: portal.sites reads the same rows with SQL compiled once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if fragments.active():
            parts = ("wagtail-site", request.get_host(), request.get_port())
            request._wagtail_site = fragments.shared(parts, lambda: self.find(request))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Without a shared cache: for a page Wagtail serves, the same lookup as Wagtail's, through kept SQL
        # (portal.sites). Other views that link pages find it when they first do (sites.for_request), so
        # a request that links none reads no Site.
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = sites.find_site(request)

    @staticmethod
    def find(request):
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site
