"""A signed-in reader's cached page served before Django's request handler: the WSGI application's front door.

Most of what a page from the cache costs inside Django is Django itself: the handler, the request and
response objects, a dozen middleware hooks, their signals. caching/fast_path.py trims that to the
hooks a response needs; this module serves the same hits without any of it, which about halves what a
hit costs (bench/pages.py). portal/wsgi.py wraps Django's application in `FrontDoor` (settings.WSGI_WRAPPERS).

It serves a GET only when the whole stack would have served the same bytes:
- the page was stored by the whole stack, which also kept the headers it sent (`keep_final_headers`:
  security headers, Content-Security-Policy, Vary, Content-Language, X-Frame-Options; never cookies),
  so a hit carries what the miss carried;
- the request asks nothing the stack would answer otherwise: a language prefix (the page's language,
  as LocaleMiddleware decides), not the admin, on HTTPS where SECURE_SSL_REDIRECT wants it, a host the
  page was stored for (the host is part of the key, and Django checked it then);
- the reader is who the session says, checked as caching/fast_path.py checks it, on the session as it
  is now, read with the generation and the reader's record in one cache read (caching/readers.py):
  user, backend, auth hash, second factor; no messages waiting (in the session or the cookie), no page
  password passed;
- the CSRF cookie holds a secret, so the forms' tokens are masked from it as Django's get_token does.
  The cookie itself is not sent again (Django sends it with every render to push its expiry a year
  ahead); every response that renders renews it.

Anything else, and any error on the way (the cache unreachable, say), goes to Django as it came.
"""

import logging
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.utils import translation

from caching import page_cache, readers
from portal.admin_area import ADMIN_PREFIX

logger = logging.getLogger(__name__)

# A CSRF cookie as Django sets it: the unmasked secret. A masked (older) one goes to Django.
_SECRET = re.compile(r"[a-zA-Z0-9]{32}")


class FrontDoor:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "GET" and page_cache.enabled():
            try:
                served = self._hit(environ)
            except Exception:  # Never a failed page for the cache's sake: Django answers it as it would.
                logger.exception("The cached page could not be served before Django; Django serves it")
                served = None
            if served is not None:
                headers, body = served
                start_response("200 OK", headers)
                return [body]
        return self._through(environ, start_response)

    def _through(self, environ, start_response):
        """Django's answer; a page it stored keeps the headers sent with it, for the next hit here."""
        sent = []

        def remembering(status, headers, exc_info=None):
            sent[:] = headers
            return start_response(status, headers, exc_info)

        response = self.application(environ, remembering)
        stored = getattr(response, page_cache.STORED_ENTRY, None)
        if stored is not None:
            page_cache.keep_final_headers(*stored, sent)
        return response

    def _hit(self, environ):
        path = environ.get("PATH_INFO", "")
        if path.startswith(ADMIN_PREFIX):
            return None
        language = translation.get_language_from_path(path)
        if language is None:
            return None
        request = WSGIRequest(environ)
        cookies = request.COOKIES
        session_key = cookies.get(settings.SESSION_COOKIE_NAME)
        secret = cookies.get(settings.CSRF_COOKIE_NAME, "")
        if not session_key or not _SECRET.fullmatch(secret) or CookieStorage.cookie_name in cookies:
            return None
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None
        reads = readers.session_reads(session_key)
        if reads is None:
            return None
        data, current_generation, record = reads
        if record is None or SessionStorage.session_key in data or not readers.accepts(data, record):
            return None
        if not page_cache.may_use_cache(request, data):
            return None
        request.LANGUAGE_CODE = language
        try:
            _key, entry = page_cache.cached_entry(
                request, current_generation, record, record["user"], kept_variants_only=True
            )
        except DisallowedHost:
            return None  # Django answers it with its 400.
        if entry is None or "segments" not in entry:  # stored before this module kept its parts
            return None
        request.META["CSRF_COOKIE"] = secret  # what get_token masks, as CsrfViewMiddleware would set it
        body = page_cache.served_bytes(entry, request, record["name"])
        headers = [*entry["final_headers"], ("X-Page-Cache", "hit"), ("Content-Length", str(len(body)))]
        return headers, body
