"""Render once what is the same for everyone: front-end pages cached whole, per permission class.

A page's HTML depends on the page, the language, the URL (path and query) and on who reads it. Who
reads it matters only through their *permission class*: signed in or not, superuser, may use the
admin ("Edit content" in the header), the ids of their groups (view restrictions, and everything else
that grants by group) and of any permissions granted to them directly. Two employees in the same
groups get the same page, byte for byte, apart from the personal parts below, so the page is rendered
once per class and served from the cache.

Personal parts are kept out of what is stored, and put back per reader when a copy is served:
- the header's name: stored as a placeholder, filled with the reader's own name;
- CSRF tokens in forms: stored as a placeholder, filled with a token of the reader's own, so a form
  on a cached page posts as the reader and sets their CSRF cookie as a fresh render would;
- page parts that depend on the reader beyond their class (a method's "your score", "edit your
  profile" on one's own profile): an app registers a *variant* for its page type
  (`register_variant`), a cheap function of the reader; the page is cached per value of it.

Never cached, always rendered: answers a page route marks as the reader's own (`personal(response)`:
a form with the reader's earlier answers, say), readers
with messages waiting, sessions that passed a page password (Wagtail's password restrictions), pages
under a password restriction, anything but a GET answered 200 with HTML by Wagtail's page serving (the
`before_serve_page` hook marks those), and requests when PAGE_CACHE is off.

Invalidation is global and coarse, which keeps it correct: every key carries a *generation* number
kept in the cache (caching/readers.py), and any change that can alter a page or who may see it bumps it: publishing,
unpublishing, moving and deleting pages (Wagtail's signals), and any database write outside a short
list of bookkeeping models (sessions, lock-out logs, tasks, log entries, download counts, last-login
stamps): snippets, settings, group membership, view restrictions, page permissions, ratings. Pages
link to each other, so a global generation is also what keeps a listing right when one page changes.
Entries also expire after PAGE_CACHE_SECONDS, the bound on any change made behind Django's back.

The generation lives in the cache, so every process must share that cache (Redis, REDIS_URL): with a
per-process memory cache, one process would not see another's invalidation. The settings therefore
switch the cache on by default only with Redis (and in tests, which run in one process).

Most hits are served before Django's handler by caching/front_door.py, from the session and the
reader's record (caching/readers.py): one cache read (the session, the generation, the record) when
this process keeps the page too (caching/local.py), two when it does not, with the page's body cut at
its placeholders (caching/placeholders.py) and no database query. What it leaves goes to Django, where
caching/fast_path.py serves a hit early in the middleware, and the rest (a reader's first page in a
generation, whose record is made here, and every miss) comes to `PageCacheMiddleware`, after sign-in,
two-factor and messages, which serves a hit before URL routing and stores what Wagtail served.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching import local, placeholders, readers
from caching.personal import is_personal
from caching.readers import invalidate
from portal.visibility import PASSED_SESSION_KEY

_REQUEST_PAGE = "_erfa_page_cache_page"
# Set by the fast path on a signed-in request whose session had no record (caching/readers.py) yet.
NO_SESSION_RECORD = "_erfa_page_cache_no_session_record"
# What a view that is not a page marks its request with when its answer may be shared (`shareable`).
SHAREABLE_VIEW = object()
_REQUEST_ON_HIT = "_erfa_page_cache_on_hit"
# On a response just stored: (key, entry).
STORED_ENTRY = "_erfa_page_cache_stored"
# Made anew for each response: the length changes with the reader's name; the marker says hit or miss.
_UNSTORED_HEADERS = {"content-length", "x-page-cache"}
# ... and of the headers the whole stack sent: cookies are the reader's own.
_FINAL_UNSTORED = _UNSTORED_HEADERS | {"set-cookie"}
# Writes that change no page: who signed in when, lock-out logs, queued tasks, logs, search index rows.
_QUIET_APPS = {"sessions", "axes", "django_tasks_db", "contenttypes"}
# Second-factor devices: quiet but for the writes _on_device_write names.
_DEVICE_APPS = {"otp_totp", "otp_static"}
_QUIET_MODELS = {
    ("wagtailcore", "pagelogentry"),
    ("wagtailcore", "modellogentry"),
    ("wagtailcore", "referenceindex"),
    ("wagtailcore", "pagesubscription"),
    ("wagtailcore", "workflowstate"),
    ("wagtailcore", "taskstate"),
    ("wagtailsearch", "indexentry"),
    # Made on a page's first render: the page that asked for it is the same with it.
    ("wagtailimages", "rendition"),
    ("wagtailusers", "userprofile"),
}

# (page model, name, argument(page) -> small picklable value, value(argument, request) -> hashable)
_variants = []
# name -> function(*arguments): what a view's answer does on every hit as well (`shareable`).
_hit_actions = {}


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def register_variant(model, name, argument, value):
    """Cache pages of `model` separately per `value(argument(page), request)`, evaluated per reader.

    For a page part that depends on the reader beyond their permission class. `argument` is taken
    from the page when it is stored and kept with it, so that a hit needs no page: `value` runs on
    every hit, so it must be cheap (a comparison, or one small query).
    """
    if all(entry[:2] != (model, name) for entry in _variants):
        _variants.append((model, name, argument, value))


def register_hit_action(name, function):
    """`function(*arguments)` runs whenever a stored answer that names it (`shareable`) is served."""
    _hit_actions[name] = function


def register_quiet_model(model):
    """Writes to `model` change no cached page (a counter nobody sees on a page, say)."""
    _QUIET_MODELS.add((model._meta.app_label, model._meta.model_name))


# --- Keys -------------------------------------------------------------------------------------


def _base_key(request, current_generation, reader_class):
    query = "&".join(f"{name}={value}" for name, values in sorted(request.GET.lists()) for value in values)
    identity = "\n".join((request.get_host(), request.path, query, request.LANGUAGE_CODE, reader_class))
    return f"erfa:page-cache:{current_generation}:" + hashlib.sha256(identity.encode()).hexdigest()


def _memo_key(base_key, user_id):
    """Where a reader's values of a page's variants are kept (`_variant_values`)."""
    return f"{base_key}:reader:{user_id}"


def _variant_key(base_key, values):
    return f"{base_key}:{hashlib.sha256(repr(values).encode()).hexdigest()[:24]}"


# --- Serving ------------------------------------------------------------------------------------


def may_use_cache(request, session=None):
    """Whether this request may be answered from the cache; `session`: its data, if read already."""
    if request.method != "GET" or not enabled():
        return False
    try:
        request.GET  # noqa: B018 - the key reads it.
    except SuspiciousOperation:
        # A query string Django refuses to read (too many fields, say): the view answers it as it does
        # (the autocomplete in JSON), not the cache with an HTML 400.
        return False
    session = getattr(request, "session", None) if session is None else session
    if session is not None and session.get(PASSED_SESSION_KEY):
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and len(messages))


def _served(entry):
    """Run what serving the stored answer does besides answering (`shareable`'s on_hit)."""
    if entry.get("on_hit"):
        action, arguments = entry["on_hit"]
        _hit_actions[action](*arguments)


def served_bytes(entry, request, name):
    """The stored page, kept by caching/front_door.py, as this reader's body (placeholders put back)."""
    _served(entry)
    return placeholders.personalised_bytes(entry["segments"], request, name)


def keep_final_headers(key, entry, headers):
    """Store with the page the headers the whole stack sent with it, and its body cut at its placeholders
    (caching/placeholders.py), for caching/front_door.py to serve."""
    entry["final_headers"] = [(name, value) for name, value in headers if name.lower() not in _FINAL_UNSTORED]
    # Segments before the body goes: another thread may be serving this same (process-kept) entry.
    entry["segments"] = placeholders.segments(entry["body"])
    del entry["body"]
    _write(key, entry)


def response_from(entry, request, name):
    """The stored page as this reader's response: their CSRF token and `name` (escaped) put back."""
    _served(entry)
    if "segments" in entry:
        content = placeholders.personalised_bytes(entry["segments"], request, name)
    else:
        content = placeholders.personalise(request, entry["body"], name)
    response = HttpResponse(content, status=200)
    for header, value in entry["headers"].items():
        response[header] = value
    # Cached per reader's class: as a render reading the session says (the fast path reads it itself).
    patch_vary_headers(response, ("Cookie",))
    response["X-Page-Cache"] = "hit"
    return response


def mark_page(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: this response, if a plain 200, may be shared."""
    setattr(request, _REQUEST_PAGE, page)


def shareable(request, on_hit=None):
    """For a view that is not a Wagtail page (search): its 200 HTML answer may be shared per permission
    class, as a page's is. Only for answers that show no page the class may not see, and nothing that
    is the reader's own. `on_hit`: (name, arguments) of an action (`register_hit_action`) the view did
    besides answering, run again for each reader served the stored answer (counting a search)."""
    setattr(request, _REQUEST_PAGE, SHAREABLE_VIEW)
    setattr(request, _REQUEST_ON_HIT, on_hit)


def _storable(request, response, page):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # A page route that renders something of the reader's own (a form with their earlier answers): never shared.
    # Not read off Cache-Control: Wagtail marks every restricted page never-cache for browsers and proxies,
    # and those this cache does share, per permission class.
    if is_personal(response):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (len(messages) or messages.added_new):
        return False
    if page is SHAREABLE_VIEW:
        return True
    # The password form, or a page whose password the reader passed: never shared.
    restrictions = PageViewRestriction.objects.filter(page__path__in=_ancestor_paths(page))
    return not restrictions.filter(restriction_type=PageViewRestriction.PASSWORD).exists()


def _ancestor_paths(page):
    steplen = page.steplen
    return [page.path[:length] for length in range(steplen, len(page.path) + 1, steplen)]


def _variants_of(page):
    """[(name, argument)] of the variants registered for the page's type."""
    return [(name, argument(page)) for model, name, argument, _ in _variants if isinstance(page, model)]


def _read(key):
    """A stored value, from this process if it kept it (caching/local.py), else from the shared cache."""
    found = local.entries.get(key)
    if found is None:
        found = cache.get(key)
        if found is not None:
            local.entries.set(key, found, found.get("expires", 0))
    return found


def _write(key, value):
    """Keep `value` (a dict) in the shared cache and in this process, until the same moment in both."""
    timeout = settings.PAGE_CACHE_SECONDS
    value["expires"] = time.time() + timeout
    cache.set(key, value, timeout)
    local.entries.set(key, value, value["expires"])


def _variant_values(variants, request, base_key, user_id):
    """The reader's values of the page's variants, kept per reader while the generation lasts."""
    memo_key = _memo_key(base_key, user_id) if user_id is not None else None
    found = _read(memo_key) if memo_key else None
    if found is not None:
        return found["values"]
    values = {name: value for _, name, _, value in _variants}
    found = tuple((name, values[name](argument, request)) for name, argument in variants)
    if memo_key:
        _write(memo_key, {"values": found})
    return found


def cached_entry(request, current_generation, record, user_id, kept_variants_only=False):
    """(key, stored page or None) for this request and reader (`record` None for anonymous).

    `kept_variants_only`: for a request without a user object (caching/front_door.py), a page with
    variants is found only when the reader's values are kept already.
    """
    base_key = _base_key(request, current_generation, record["class"] if record else "anonymous")
    entry = _read(base_key)
    if entry is not None and "variants" in entry:
        if kept_variants_only:
            found = _read(_memo_key(base_key, user_id))
            if found is None:
                return base_key, None
            values = found["values"]
        else:
            values = _variant_values(entry["variants"], request, base_key, user_id)
        return base_key, _read(_variant_key(base_key, values))
    return base_key, entry


class PageCacheMiddleware:
    """Serves a cached page before URL routing; stores pages Wagtail served. Placed after auth and messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        user = request.user
        current_generation, record = readers.reader(user)
        if record is not None and readers.unverified(user, record):
            return self.get_response(request)
        if record is not None and getattr(request, NO_SESSION_RECORD, False):
            readers.remember_session(request.session.session_key, record)
        user_id = user.pk if record is not None else None
        base_key, entry = cached_entry(request, current_generation, record, user_id)
        if entry is not None:
            return response_from(entry, request, record["name"] if record else None)
        response = self.get_response(request)
        page = getattr(request, _REQUEST_PAGE, None)
        if page is not None and readers.generation() == current_generation and _storable(request, response, page):
            self._store(request, response, page, base_key, user_id)
        return response

    def _store(self, request, response, page, base_key, user_id):
        body = placeholders.depersonalise(request, response.content.decode(response.charset))
        if body is None:
            return
        # Every header the view set: the middleware around it adds the rest, on a hit as on a miss.
        headers = {header: value for header, value in response.items() if header.lower() not in _UNSTORED_HEADERS}
        entry = {"body": body, "headers": headers, "on_hit": getattr(request, _REQUEST_ON_HIT, None)}
        variants = _variants_of(page) if page is not SHAREABLE_VIEW else []
        key = base_key
        if variants:
            _write(base_key, {"variants": variants})
            key = _variant_key(base_key, _variant_values(variants, request, base_key, user_id))
        _write(key, entry)
        response["X-Page-Cache"] = "miss"
        # For caching/front_door.py, which adds the headers the whole stack sent with it.
        setattr(response, STORED_ENTRY, (key, entry))


# --- Invalidation -------------------------------------------------------------------------------


def _on_write(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in _DEVICE_APPS:
        _on_device_write(kwargs)
        return
    if meta.app_label in _QUIET_APPS or (meta.app_label, meta.model_name) in _QUIET_MODELS:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # A sign-in stamps the user; no page shows it.
    invalidate()


def _on_device_write(kwargs):
    """A second-factor device added, confirmed, unconfirmed or removed: its owner's record lists devices.

    Each code given saves its (confirmed) device's counters, which changes no page and no record.
    """
    if "created" not in kwargs:  # post_delete
        invalidate()
        return
    instance, update_fields = kwargs["instance"], kwargs.get("update_fields") or ()
    if kwargs["created"] or not instance.confirmed or "confirmed" in update_fields:
        invalidate()


def connect_signals():
    """Called from portal's AppConfig.ready(): every event that can change a page, or who may see it."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"erfa-page-cache-{signal!r}")
    post_save.connect(_on_write, dispatch_uid="erfa-page-cache-save")
    post_delete.connect(_on_write, dispatch_uid="erfa-page-cache-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="erfa-page-cache-m2m")


def _on_m2m(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        _on_write(sender)
