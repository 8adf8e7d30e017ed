"""The base of every section's index page: one per language, an introduction, and a listing of its pages."""

from functools import partial

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal import card_lists, compiled, fragments
from portal.i18n import localized_children, localized_pages, translation_paths
from portal.listing import Listing, deferred, filter_choices
from portal.models.content import ContentPageMixin
from portal.page_keys import page_key
from portal.pagetree import SECTION_PARENT_PAGE_TYPES
from portal.renditions import prefetch_card_renditions
from portal.visibility import visible_to


class IndexPage(ContentPageMixin, Page):
    """An index page lists its children of `listing_model`, filtered with `filter_form_class`.

    Subclasses name the model (as "app_label.Model"), the form, the context name of the page of
    results (besides the common `listing_items`), and override `filter_form_kwargs` (the options
    the form offers), `filter_pages` (narrowing and sorting by the valid filters) and `card_pages`
    (what the cards of one page of results show: joins, annotations, prefetches). All get the
    `viewer` (the request): an option or a card that names another page names only one the reader
    may see (portal.visibility), as the listing itself lists only those. A page that
    lists through its own route (the people directory) leaves `filter_form_class` empty, builds its
    `Listing` there and passes it through `listing_context`.

    Their templates extend templates/portal/index_page.html.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    # The same list object as portal.pagetree's: the home app fills it at startup.
    parent_page_types = SECTION_PARENT_PAGE_TYPES
    max_count_per_parent = 1

    listing_model = None
    filter_form_class = None
    listing_context_name = "pages"

    search_fields = Page.search_fields + ContentPageMixin.content_search_fields + [index.SearchField("intro")]
    edit_handler = ContentPageMixin.tabs(content=Page.content_panels + [FieldPanel("intro")])

    class Meta:
        abstract = True

    # Whether filter_form_kwargs() returns plain values (no querysets) that may be kept for a reader's class.
    share_filter_options = False

    def listing_key(self, viewer, *extra):
        """The key of this listing's queries compiled once per process (portal.compiled): the page, the
        paths of its translations (localized_children's SQL names them), the reader and `extra`."""
        return page_key("index", self, viewer, translation_paths(self, viewer), *extra)

    def listed_pages(self, viewer=None):
        """The children the viewer may see listed, one language version of each (see
        portal.i18n.localized_children and portal.visibility)."""
        return visible_to(localized_children(self, resolve_model_string(self.listing_model), viewer), viewer)

    def filter_form_kwargs(self, pages, viewer=None):
        return {}

    def filter_pages(self, pages, filters, viewer=None):
        return pages

    def pages_named(self, model, translation_keys, viewer=None):
        """A filter's choices of pages the listed pages name (a case study's method, a template's): the
        `model` pages of `translation_keys`, one version of each in this index's language (else English,
        else the original, as listings show pages: localized_pages), only those the reader may see.

        A page listed here in another language (not translated yet) names that language's version; the
        named page is still offered once, under the title the reader knows it by, and `filter_pages`
        then finds the pages that name any version of it (by translation key).
        """
        named = model.objects.filter(translation_key__in=translation_keys)
        return visible_to(localized_pages(named, self.locale_id, english_next=True), viewer)

    def filter_choices(self, viewer, parts):
        """Several filters' choices in one query compiled once with this listing (portal.listing.filter_choices):
        `parts()` maps each filter's query parameter to its `Choices`, built from this index's listing
        (`filter_form_kwargs`'s pages), whose key names what their SQL is built from."""
        return filter_choices(self.listing_key(viewer, "filter-options"), parts)

    def card_pages(self, pages, viewer=None):
        """`pages` (one page of results, already filtered) with what their cards show.

        Kept apart from `filter_pages`, as it is applied only to the rows of the page shown, fetched by
        id (portal.listing.paginate): neither the query that finds and counts them nor the one that
        fetches them then compiles both the filters and the cards' joins and subqueries.
        """
        return pages.select_related("locale")

    def card_lists(self):
        """The many-to-many lists the cards show (portal.card_lists.CardList), read for a page of cards
        with SQL kept under the cards' key rather than prefetched with `card_pages`: by default the
        topics (`card_topics`, templates/portal/index_page.html)."""
        return (card_lists.CardList("card_topics", "topics"),)

    def page_cards(self, ids, viewer=None):
        """The pages `ids` (one page of results) through `card_pages`. For a reader (a request), kept for
        their permission class and language (portal.fragments) until anything changes: a card shows only
        what every reader of the class may see (`card_pages` judges the pages it names by the viewer)."""
        model = resolve_model_string(self.listing_model)

        def fetch():
            key = self.listing_key(viewer, "cards", tuple(ids))
            cards = compiled.rows(key, lambda: self.card_pages(model._default_manager.filter(pk__in=ids), viewer))
            card_lists.attach(cards, self.card_lists(), key, viewer)
            return cards

        if not isinstance(viewer, HttpRequest) or getattr(viewer, "is_preview", False):
            cards = fetch()
        else:
            cards = fragments.shared(("index-cards", model._meta.label, tuple(ids), get_language()), fetch, viewer)
        # Their pictures' renditions as they are now, not kept with the cards (portal.renditions).
        prefetch_card_renditions(cards)
        return cards

    def get_listing(self, data, viewer=None):
        # Built only if some SQL of the listing is not kept yet (portal.listing.deferred).
        pages = deferred(lambda: self.listed_pages(viewer))
        return Listing(
            data,
            self.filter_form_class,
            pages,
            lambda items, filters: self.filter_pages(items, filters, viewer),
            self.filter_options(pages, viewer),
            cards=lambda ids: self.page_cards(ids, viewer),
            key=self.listing_key(viewer),
        )

    def filter_options(self, pages, viewer=None):
        """filter_form_kwargs(), the same for every reader of one permission class until anything changes:
        kept for them (portal.fragments), as building its queries costs more CPU than the listing itself."""
        if not (self.share_filter_options and isinstance(viewer, HttpRequest)):
            return self.filter_form_kwargs(pages, viewer)
        compute = partial(self.filter_form_kwargs, pages, viewer)
        return fragments.shared(("index-filter-options", self.pk), compute, viewer)

    def keep_content_owner(self, request):
        """The review footer's person (templates/portal/includes/review_footer.html), with their locale for
        the link: kept for the page's readers, rather than read by the footer on every view."""
        if not self.content_owner_id:
            return
        owner_model = self._meta.get_field("content_owner").related_model
        pk = self.content_owner_id

        def read():
            # One SQL for every owner, compiled once per process and run with this one's id (portal.compiled).
            found = compiled.rows(
                ("content-owner", owner_model._meta.label),
                lambda: owner_model.objects.select_related("locale").filter(pk=pk),
                params=[pk],
            )
            return found[0] if found else None

        self.content_owner = fragments.for_page(self, request, "content-owner", read)

    def listing_context(self, listing):
        """The page of results under two names: `listing_items`, which the shared template
        (templates/portal/index_page.html) reads, and `listing_context_name`, which says what it holds."""
        return {
            "listing": listing,
            "filter_form": listing.form,
            "is_filtered": listing.is_filtered,
            "listing_items": listing.page,
            self.listing_context_name: listing.page,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.keep_content_owner(request)
        if self.filter_form_class is not None:
            context.update(self.listing_context(self.get_listing(request.GET, request)))
        return context
