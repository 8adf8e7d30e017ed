"""A page from the page cache without the rest of the stack: no user query, no routing, no ORM.

Most hits never get here: caching/front_door.py serves them before Django's handler. This serves those
it leaves to Django that Django would serve from the cache anyway (a page stored before the front door
kept its headers, a request without a CSRF cookie yet, a page kept per reader whose values are not kept).

`PageCacheMiddleware` (caching/page_cache.py) serves a cached page after sign-in, two-factor and
messages have run, which costs a page more than the page itself: the user's query and a dozen layers
of middleware. `FastPathMiddleware` sits early, just inside the middleware that adds the security
headers, and serves a signed-in reader's GET from the cache when everything Django would check holds:

- the session, as it is now, names a user, with a backend in AUTHENTICATION_BACKENDS and the session
  auth hash of that user's *reader record* (caching/readers.py). The record is written by the normal
  stack only after Django accepted that user for the session, and it is kept per generation: saving
  the user (a new password, deactivation, a new name), their groups or permissions bumps the
  generation, so a record never outlives what it was made from. The session, the generation and the
  session's record come in one read from Redis (`readers.session_reads`), and the page itself from
  this process's own copy when it has one (caching/local.py): one round trip for a hit;
- a user who must give a second factor has given it in this session, with one of the devices the
  record lists (removing or unconfirming a device bumps the generation too);
- no messages are waiting, no page password was passed in this session (as PageCacheMiddleware);
- the path starts with a language prefix, which is the language of the page, as LocaleMiddleware
  would decide.

Anything else falls through to the normal stack, unchanged: anonymous readers (no page is ever stored
for them: the login redirect stays the normal stack's), misses, the admin, static files. django-axes
acts only when credentials are checked (a sign-in), never on a signed-in GET, so a hit skips nothing
of it.

The middleware between this one and PageCacheMiddleware still runs on a hit, the part of it a
response from the cache needs: each one's process_request (the session, the language, the CSRF
cookie's secret, a lazy request.user, messages) and process_response (Vary, Content-Length, the CSRF
cookie, X-Frame-Options), in the order the stack would run them, from the same classes. A hit thus
carries the headers and cookies of a miss. Middleware that acts otherwise must be named in
_PASS_THROUGH with the reason a cached page may skip it, or start-up stops.
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin
from django.utils.module_loading import import_string

from caching import page_cache, readers
from portal.admin_area import in_admin

PAGE_CACHE_MIDDLEWARE = "caching.page_cache.PageCacheMiddleware"

# Middleware without process_request/process_response hooks that a page from the cache may skip.
_PASS_THROUGH = {
    # Wraps request.user lazily to tell a verified session; the reader record holds what a hit needs.
    "django_otp.middleware.OTPMiddleware",
    # Acts in process_view, which a cached page never reaches, and on the admin only.
    "accounts.two_factor.TwoFactorRequiredMiddleware",
    # Acts on the admin's requests only, which are never cached.
    "portal.middleware.AdminLanguageMiddleware",
    # Acts on the bare address only, which is no page and never cached.
    "portal.middleware.ReaderHomeMiddleware",
    # Both act on the admin's and Wagtail's password-form requests only, never on a page's GET.
    "portal.middleware.PagePasswordReturnMiddleware",
    "portal.middleware.AdminSearchQueryLimitMiddleware",
}


def _not_called(request):
    raise AssertionError("The fast path never calls past the middleware it borrows hooks from.")


def _hooks():
    """(process_request hooks in order, process_response hooks in reverse) of the middleware a hit skips."""
    names = list(settings.MIDDLEWARE)
    start = names.index(f"{__name__}.FastPathMiddleware") + 1
    end = names.index(PAGE_CACHE_MIDDLEWARE)
    requests, responses = [], []
    for name in names[start:end]:
        middleware_class = import_string(name)
        if name in _PASS_THROUGH:
            continue
        if not issubclass(middleware_class, MiddlewareMixin):
            message = f"{name} sits between {__name__} and the page cache: name it in _PASS_THROUGH, or move it."
            raise ImproperlyConfigured(message)
        middleware = middleware_class(_not_called)
        if hasattr(middleware, "process_request"):
            requests.append(middleware.process_request)
        if hasattr(middleware, "process_response"):
            responses.insert(0, middleware.process_response)
    return requests, responses


class FastPathMiddleware:
    """Serves a signed-in reader's cached page before the rest of the stack (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.request_hooks, self.response_hooks = _hooks()

    def __call__(self, request):
        response = self._hit(request) if request.method == "GET" and page_cache.enabled() else None
        return self.get_response(request) if response is None else response

    def _hit(self, request):
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key or in_admin(request):
            return None
        if translation.get_language_from_path(request.path_info) is None:
            return None
        for hook in self.request_hooks:
            if hook(request) is not None:
                return None  # The normal stack runs the hooks again and answers as it would.
        reads = readers.session_reads(session_key)
        if reads is None:
            return None
        data, current_generation, record = reads
        if not page_cache.may_use_cache(request, data):
            return None
        if record is None:
            # The normal stack makes the record, if Django accepts the session, for the next request.
            setattr(request, page_cache.NO_SESSION_RECORD, SESSION_KEY in data)
            return None
        if not readers.accepts(data, record):
            return None
        _key, entry = page_cache.cached_entry(request, current_generation, record, record["user"])
        if entry is None:
            return None
        response = page_cache.response_from(entry, request, record["name"])
        for hook in self.response_hooks:
            response = hook(request, response)
        return response
