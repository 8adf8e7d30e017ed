from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.highlights import home_highlights
from portal import compiled, fragments, sites
from portal.i18n import LANGUAGE_NAMES, best_version
from portal.models.restrictions import ViewRestrictionsMixin


def routes_itself(page, remaining):
    """Whether `page` routes `remaining` (the address's components below it) itself, rather than as
    Wagtail's Page.route does, by finding the child named by the first one.

    A page type with a route of its own does; a RoutablePageMixin page only where it is live and one of its
    subpage routes takes the address, as its route tries those first and otherwise is Page.route (the
    directory: /people/autocomplete/ is its own, /people/ahmed-yusuf/ a child's).
    """
    model = page.specific_class
    if model.route is Page.route:
        return False
    if model.route is not RoutablePageMixin.route or super(RoutablePageMixin, model).route is not Page.route:
        return True
    if not page.live:
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Resolver404:
        return False
    return True


class HomePage(ViewRestrictionsMixin, Page):
    """The front page of one language version of the portal."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A few sentences that welcome employees and say what they can find here."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "networks.NetworkIndexPage",
        "people.ResourcePersonIndexPage",
        "casestudies.CaseStudyIndexPage",
        "methods.MethodIndexPage",
        "methods.ShareableTemplateIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_highlights(self, request))
        return context

    @property
    def localized(self):
        """Wagtail's `localized`: this home page in the reader's language when that version is live, else
        this one. The same answer, its query kept (portal.compiled): serving any page starts here."""
        language = sites.reader_content_language()
        # Serving a page reads it with the site's root page (portal.sites.find_site), in the same query.
        known, version = sites.translation_read(self, language)
        if known:
            found = [version] if version is not None else []
        else:
            found = compiled.rows(
                ("home-in-language",),
                lambda: HomePage.objects.filter(translation_key=self.translation_key, locale__language_code=language),
                params=[language, self.translation_key],  # in the SQL's order: the locale's join comes first
            )
        if not found or found[0].pk == self.pk or not found[0].live:
            return self
        return found[0]

    def route(self, request, path_components):
        try:
            return self.route_below(request, path_components)
        except Http404:
            if not path_components:
                raise
            return self.route_in_other_languages(request, path_components)

    def route_below(self, request, path_components):
        """Wagtail's route, with every step down the tree read in one query instead of two per step.

        Wagtail's Page.route looks up one child by slug, then its specific page, at each level. The
        pages on the way share their url_path prefixes, so all of them come from one query; only
        the page that routes the rest (the last one, or one whose class has a route of its own, such
        as the directory's letters) is then made specific, as Wagtail does. The result is the same.
        The pages found are the same for every reader, so they are kept for all (portal.fragments)
        until anything is published, moved or deleted; whether the reader may see the page is
        checked afterwards, as for any page Wagtail serves.
        """
        if not path_components:
            return super().route(request, path_components)
        found = fragments.shared(
            ("route", self.pk, tuple(path_components)), lambda: self.pages_on_the_way(path_components)
        )
        if found is None:
            raise Http404
        pages, remaining = found
        parent = self
        for page in pages:
            page._cached_parent_obj = parent
            parent = page
        return parent.route(request, remaining)

    def pages_on_the_way(self, path_components):
        """(The pages from this one's child down to the page that routes the rest, that page specific,
        the path components left for it), or None when no page has this address."""
        prefixes = [self.url_path + "/".join(path_components[: i + 1]) + "/" for i in range(len(path_components))]
        # One SQL per number of steps, compiled once per process and run with this page's and the address's
        # values (portal.compiled): kept per address, a busy site's addresses would push the listings'
        # kept queries out of the process's bounded store.
        found = compiled.rows(
            ("route", len(prefixes)),
            lambda: Page.objects.filter(depth__gt=self.depth, path__startswith=self.path, url_path__in=prefixes),
            params=[self.depth, self.path + "%", *prefixes],
        )
        on_the_way = {page.url_path: page for page in found}
        pages = []
        depth = self.depth
        for step, prefix in enumerate(prefixes):
            page = on_the_way.get(prefix)
            if page is None or page.depth != depth + 1:
                return None
            remaining = path_components[step + 1 :]
            if not remaining or page.specific_class is None or routes_itself(page, remaining):
                return [*pages, sites.specific(page)], remaining
            pages.append(page)
            depth = page.depth
        return None

    def route_in_other_languages(self, request, path_components):
        """Find a page that is missing in this language in the other language trees.

        Erfa links a page that has no version in the reader's language as /sv/nb/nettverk/x/
        (portal.i18n.reader_url): the reader's prefix, then the language tree the page is in.
        An address without that step (/sv/nettverk/x/, typed or kept from before) is looked for
        in the other trees, English first, then the others in the site's order.

        Whichever version the address names, the reader is shown the best one there is (their own
        language, then English, then the original; portal.i18n.best_version), inside their own
        interface and with the fallback notice.
        """
        homes = {
            home.locale.language_code: home
            for home in HomePage.objects.live()
            .filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .select_related("locale")
        }
        first, rest = path_components[0], path_components[1:]
        if first in homes:
            candidates = [(homes[first], rest)]
        else:
            candidates = [(homes[code], path_components) for code in LANGUAGE_NAMES if code in homes]
        for home, components in candidates:
            try:
                result = super(HomePage, home).route(request, components)
            except Http404:
                continue
            found = result[0]
            best = best_version(found, self.locale.language_code)
            if best.pk == found.pk:
                return result
            # Each step below the home page is one page's slug; what is left is the page's own route
            # (a network's calendar/), which the best version answers the same way.
            return best.specific.route(request, components[found.depth - home.depth :])
        raise Http404
