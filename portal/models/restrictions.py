"""A page's view restrictions in one query: Wagtail's rule, read with one query instead of two."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from portal import compiled


class ViewRestrictionsMixin:
    """Page.get_view_restrictions, the same restrictions from one query.

    Wagtail checks them on every page it serves: the restrictions on the page and its ancestors, where
    an alias (wagtail-localize keeps untranslated pages as aliases) counts with its source page's
    restrictions instead of its own. Wagtail reads the ancestors first and then the restrictions; a
    treebeard path holds its ancestors' paths, so both fit in one query with the ancestors as a subquery.
    That query's SQL is the same for every page of one depth, so Wagtail's check runs it compiled once
    per depth (portal.compiled); the admin, which orders the restrictions, gets an ordinary queryset from it.
    """

    def get_view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:length] for length in range(steplen, len(self.path) + 1, steplen)]

        def build():
            on_the_path = Page.objects.filter(path__in=paths)
            return PageViewRestriction.objects.filter(
                Q(page__in=on_the_path.filter(alias_of__isnull=True).values("pk"))
                | Q(page__in=on_the_path.filter(alias_of__isnull=False).values("alias_of"))
            )

        # One SQL per depth, run with this page's ancestors' paths: the ancestors once per subquery. Built
        # only the first time, as building it costs more than running it.
        return compiled.evaluated_kept(("view-restrictions", len(paths)), PageViewRestriction, build, params=paths * 2)
