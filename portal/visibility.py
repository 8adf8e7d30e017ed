"""Which pages a reader may find listed: the one rule for every listing, search and e-mail.

A page is listed for a viewer when it is live, no page above it (or itself) carries a view
restriction the viewer does not pass, and no app keeps it out of listings (people "hidden from
the directory", registered with `register_unlisted`). Wagtail's own rules decide who passes:

- "login": any signed-in user;
- "groups": members of one of the restriction's groups, and superusers;
- "password": only who entered the password in this session (Wagtail keeps the passed
  restrictions in the session); everyone else, even a superuser, does not see the page listed.

A restriction covers the page's whole subtree, as it does when the page is served. Each language
version is judged by its own tree; a listing that picks one version per page (portal.i18n) picks
first, so a version the reader may not see leaves the page out rather than showing another language.

Cost: for a reader who fails no restriction at all, nothing: their listings go by `live` alone (see
`Visibility.filter`). A reader of a page failing a few restrictions (read once per request, or shared
per permission class) has their subtrees left out by path, `path LIKE 'hidden%'` each. Anyone else (an
e-mail's recipient, a reader failing many), in a listing's own query, one clause however many
restricted pages there are: "no restriction the viewer fails sits on this page's path or above it",
an EXISTS over the (small) restrictions table, with the viewer's groups and passed passwords inside
it. No query of its own, so no page's query count grows with it. Wagtail's ``.public()`` instead adds
a ``path LIKE`` clause per restricted page, which a large site (and a search engine's clause limit)
cannot take (wagtail#14108).
Checking one page already loaded (`allows`) reads the restrictions the viewer fails once, kept on the
request. Both work on SQLite as on PostgreSQL.

The viewer is a request (the reader of a page: their user and their session), a user (the recipient
of an e-mail: no session, so no password restriction is passed), or None (nobody signed in).
"""

from functools import cached_property, reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

from portal import compiled, fragments

PASSED_SESSION_KEY = PageViewRestriction.passed_view_restrictions_session_key
_REQUEST_ATTRIBUTE = "_erfa_visibility"
# Beyond this many hidden subtrees a listing leaves them out with one EXISTS clause instead of one
# `path LIKE` each, which a large site (and a search engine's clause limit) cannot take (wagtail#14108).
MAX_PATH_CLAUSES = 32

# (model, boolean field) pairs: pages of `model` whose field is true are listed nowhere. A higher app
# registers its own in AppConfig.ready(); portal never names their models.
_unlisted = []


def register_unlisted(model, field_name):
    """Keep pages of `model` with `field_name` set out of every listing, search and autocomplete."""
    if (model, field_name) not in _unlisted:
        _unlisted.append((model, field_name))


class Visibility:
    """What one viewer may see listed: a user (or None) and the password restrictions they passed."""

    def __init__(self, user=None, passed=(), request=None):
        self.user = user
        self.passed = sorted({pk for pk in passed if isinstance(pk, int)})
        self.request = request

    def failed_restrictions(self):
        """The restrictions this viewer does not pass (Wagtail's BaseViewRestriction.accept_request)."""
        user = self.user
        failed = Q(restriction_type=PageViewRestriction.PASSWORD) & ~Q(pk__in=self.passed)
        if user is None or not user.is_authenticated:
            failed |= Q(restriction_type__in=[PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
        elif not user.is_superuser:
            member = PageViewRestriction.groups.through.objects.filter(
                pageviewrestriction_id=OuterRef("pk"), group__user=user.pk
            )
            failed |= Q(restriction_type=PageViewRestriction.GROUPS) & ~Exists(member)
        return PageViewRestriction.objects.filter(failed)

    def filter(self, pages):
        """The pages of a queryset the viewer may see listed, in the same single query.

        A restriction applies when its page's path begins the listed page's path (the page or an
        ancestor). `filter(live=True)` rather than `.live()`: it works on any page queryset.
        """
        pages = pages.filter(live=True)
        # A reader who fails no restriction (most readers of most sites) lists by `live` alone: their
        # queries carry no restriction clause to compile and run. Known for a request (hidden_paths,
        # shared per reader class), whose few hidden subtrees are left out by their paths, the same
        # SQL for every reader of the class (so portal.compiled keeps one per class, not per user);
        # a user or nobody (an e-mail, a task), or a reader failing many restrictions, goes by the clause.
        if self._by_paths:
            if self.hidden_paths:
                pages = pages.exclude(reduce(or_, (Q(path__startswith=path) for path in self.hidden_paths)))
        else:
            pages = pages.exclude(self._failed_above)
        for model, field_name in _unlisted:
            if issubclass(pages.model, model):
                pages = pages.exclude(**{field_name: True})
            elif issubclass(model, pages.model):
                # A listing of any page type (search): the unlisted ones go by a subquery.
                pages = pages.exclude(pk__in=model.objects.filter(**{field_name: True}).values("pk"))
        return pages

    @cached_property
    def _by_paths(self):
        return self.request is not None and len(self.hidden_paths) <= MAX_PATH_CLAUSES

    @cached_property
    def key(self):
        """What `filter` adds to a query depends on, and nothing more: part of a kept query's key
        (portal.compiled). The hidden paths for a request; the user and passed passwords otherwise."""
        if self._by_paths:
            return ("paths", self.hidden_paths)
        user = self.user if self.user is not None and self.user.is_authenticated else None
        return ("user", getattr(user, "pk", None), getattr(user, "is_superuser", False), tuple(self.passed))

    @cached_property
    def _failed_above(self):
        """`filter`'s clause, built once per viewer (a request lists several times): filtering with it
        resolves a copy of its subquery, so the kept one serves every listing."""
        above = self.failed_restrictions().filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        return Exists(above)

    @cached_property
    def hidden_paths(self):
        """The paths of the pages whose subtrees the viewer does not pass: one query, the first time;
        for a request, shared with every reader of its permission class until anything changes."""

        def compute():
            user = self.user if self.user is not None and self.user.is_authenticated else None
            # The SQL names the user and the passwords passed, nothing else (portal.compiled).
            key = ("hidden-paths", getattr(user, "pk", None), getattr(user, "is_superuser", False), tuple(self.passed))
            paths = compiled.rows(key, lambda: self.failed_restrictions().values_list("page__path", flat=True))
            return tuple(sorted(set(paths)))

        if self.request is None:
            return compute()
        return fragments.shared(("hidden-paths",), compute, self.request)

    def can_view(self, page):
        """Whether the viewer may open one page, already loaded: live and no restriction they fail.

        For naming a page to its own people (a review reminder to its content owner), where being
        listed does not matter: a profile hidden from the directory still reminds its owner.
        """
        if page is None or not page.live:
            return False
        return not (self.hidden_paths and page.path.startswith(self.hidden_paths))

    def allows(self, page):
        """Whether one page, already loaded, may be named to the viewer in a listing or a link."""
        if not self.can_view(page):
            return False
        return not any(isinstance(page, model) and getattr(page, field) for model, field in _unlisted)


def visibility_for(viewer):
    """The Visibility of a request (kept on it for the rest of the request), a user, or None."""
    if isinstance(viewer, Visibility):
        return viewer
    if not isinstance(viewer, HttpRequest):
        return Visibility(viewer)
    cached = getattr(viewer, _REQUEST_ATTRIBUTE, None)
    if cached is None:
        session = getattr(viewer, "session", None)
        passed = session.get(PASSED_SESSION_KEY, []) if session is not None else []
        cached = Visibility(getattr(viewer, "user", None), passed, request=viewer)
        setattr(viewer, _REQUEST_ATTRIBUTE, cached)
    return cached


def visibility_key(viewer):
    """What a listing's SQL for `viewer` depends on (Visibility.key), for portal.compiled's keys."""
    return visibility_for(viewer).key


def visible_to(pages, viewer):
    """The pages of the queryset `pages` that `viewer` may see listed (see the module's docstring)."""
    return visibility_for(viewer).filter(pages)


def listed_subquery(model, viewer, field="pk"):
    """`Exists` of a visible `model` page whose pk is the outer row's `field`: for annotating a listing
    with whether a page it names may be shown (a card's network), inside the listing's own query."""
    return Exists(visible_to(model.objects.filter(pk=OuterRef(field)), viewer))


def can_list(page, viewer):
    """Whether `viewer` may see the loaded `page` named in a listing or a link; None gives False."""
    return visibility_for(viewer).allows(page)
