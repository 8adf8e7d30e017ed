"""Which pages a reader may find listed: the one rule for every listing, search and e-mail.

A page is listed for a viewer when it is live, no page above it (or itself) carries a view
restriction the viewer does not pass, and no app keeps it out of listings (people "hidden from
the directory", registered with `register_unlisted`). Wagtail's own rules decide who passes:

- "login": any signed-in user;
- "groups": members of one of the restriction's groups, and superusers;
- "password": only who entered the password in this session (Wagtail keeps the passed
  restrictions in the session); everyone else, even a superuser, does not see the page listed.

A restriction covers the page's whole subtree, as it does when the page is served.

Cost: the restrictions are read in one query per viewer (with whether the viewer is in one of each
restriction's groups), kept on the request, and the subtrees the viewer does not pass are folded
into one regular expression over the tree path. However many restricted pages there are, a listing
gets one extra clause and no extra query per page. Wagtail's ``.public()`` adds a clause per
restricted page instead, which a large site cannot afford (wagtail#14108). Django runs ``regex``
lookups on SQLite too.

The viewer is a request (the reader of a page: their user and their session), a user (the recipient
of an e-mail: no session, so no password restriction is passed), or None (nobody signed in).
"""

import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Value
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

PASSED_SESSION_KEY = PageViewRestriction.passed_view_restrictions_session_key
_REQUEST_ATTRIBUTE = "_erfa_visibility"

# (model, boolean field) pairs: pages of `model` whose field is true are listed nowhere. A higher app
# registers its own in AppConfig.ready(); portal never names their models.
_unlisted = []


def register_unlisted(model, field_name):
    """Keep pages of `model` with `field_name` set out of every listing, search and autocomplete."""
    if (model, field_name) not in _unlisted:
        _unlisted.append((model, field_name))


def outermost(paths):
    """The tree paths that are not inside another one of `paths`: a subtree's pattern covers its pages."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def path_pattern(paths):
    """One regular expression that matches the path of every page in the subtrees at `paths`, or None."""
    if not paths:
        return None
    return "^(?:" + "|".join(re.escape(path) for path in paths) + ")"


@dataclass(frozen=True)
class Visibility:
    """What one viewer may see listed: `hidden_paths` are the outermost subtrees they do not pass."""

    hidden_paths: tuple = ()

    @property
    def pattern(self):
        return path_pattern(self.hidden_paths)

    def filter(self, pages):
        """The pages of a queryset the viewer may see listed, still one query.

        `filter(live=True)` rather than `.live()`: it works on any page queryset, specific or not.
        """
        pages = pages.filter(live=True)
        if self.hidden_paths:
            pages = pages.exclude(path__regex=self.pattern)
        for model, field_name in _unlisted:
            if issubclass(pages.model, model):
                pages = pages.exclude(**{field_name: True})
            elif issubclass(model, pages.model):
                # A listing of any page type (search): the unlisted ones go by a subquery.
                pages = pages.exclude(pk__in=model.objects.filter(**{field_name: True}).values("pk"))
        return pages

    def can_view(self, page):
        """Whether the viewer may open one page, already loaded: live and no restriction they fail. No query.

        For naming a page to its own people (a review reminder to its content owner), where being
        listed does not matter: a profile hidden from the directory still reminds its owner.
        """
        if page is None or not page.live:
            return False
        return not (self.hidden_paths and page.path.startswith(self.hidden_paths))

    def allows(self, page):
        """Whether one page, already loaded, may be named to the viewer in a listing or a link: no query."""
        if not self.can_view(page):
            return False
        return not any(isinstance(page, model) and getattr(page, field) for model, field in _unlisted)


def _restriction_rows(user):
    """(id, path, type, viewer is in one of its groups) for every restriction: one query."""
    rows = PageViewRestriction.objects.all()
    if user is not None and user.is_authenticated and not user.is_superuser:
        member = PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction_id=OuterRef("pk"), group__user=user.pk
        )
        rows = rows.annotate(member=Exists(member))
    else:
        rows = rows.annotate(member=Value(bool(user is not None and user.is_superuser)))
    return rows.values_list("pk", "page__path", "restriction_type", "member")


def _passes(restriction_type, pk, member, user, passed):
    """Wagtail's BaseViewRestriction.accept_request, answered from the row."""
    signed_in = user is not None and user.is_authenticated
    if restriction_type == PageViewRestriction.PASSWORD:
        return pk in passed
    if restriction_type == PageViewRestriction.LOGIN:
        return signed_in
    if restriction_type == PageViewRestriction.GROUPS:
        return signed_in and bool(member)
    return True


def visibility_for_user(user, passed=()):
    """The Visibility of a user who has passed the password restrictions with ids in `passed`."""
    passed = set(passed)
    failed = [
        path
        for pk, path, restriction_type, member in _restriction_rows(user)
        if not _passes(restriction_type, pk, member, user, passed)
    ]
    return Visibility(tuple(outermost(failed)))


def visibility_for(viewer):
    """The Visibility of a request (kept on it for the rest of the request), a user, or None."""
    if isinstance(viewer, Visibility):
        return viewer
    if not isinstance(viewer, HttpRequest):
        return visibility_for_user(viewer)
    cached = getattr(viewer, _REQUEST_ATTRIBUTE, None)
    if cached is None:
        session = getattr(viewer, "session", None)
        passed = session.get(PASSED_SESSION_KEY, []) if session is not None else []
        cached = visibility_for_user(getattr(viewer, "user", None), passed)
        setattr(viewer, _REQUEST_ATTRIBUTE, cached)
    return cached


def visible_to(pages, viewer):
    """The pages of the queryset `pages` that `viewer` may see listed (see the module's docstring)."""
    return visibility_for(viewer).filter(pages)


def can_list(page, viewer):
    """Whether `viewer` may see the loaded `page` named in a listing or a link; None gives False."""
    return visibility_for(viewer).allows(page)
