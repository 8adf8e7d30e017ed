"""The directory's own URLs: the list with search, filters and A–Z, and the names for autocomplete.

Wagtail routes them to these methods of the directory page (RoutablePageMixin); the finding rules
live in people/directory.py, the network filter comes from people/links.py.
"""

from django.http import JsonResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from people import directory, links
from people.forms import DirectoryFilterForm
from people.models.profile_routes import PRIVATE
from people.renditions import prefetch_renditions
from portal import fragments
from portal.i18n import reader_page_url, reader_path_url
from portal.listing import Listing, deferred


class DirectoryRoutesMixin(RoutablePageMixin):
    def card_pages(self, people, viewer=None):
        """What the compact person card shows, for the directory's page of results: photo and organisation
        here, the topics as every index's cards get theirs (IndexPage.card_lists: SQL kept with the cards',
        where prefetch_related would build its query on every view)."""
        return super().card_pages(people, viewer).select_related("photo", "organisation")

    def page_cards(self, ids, viewer=None):
        """The kept cards, with their photos' renditions as they are now: one query for the page."""
        cards = super().page_cards(ids, viewer)
        prefetch_renditions(large=[card.photo for card in cards])  # person cards: large avatars
        return cards

    @path("")
    def directory(self, request):
        # Built only if some SQL of the listing is not kept yet (portal.listing.deferred).
        everyone = deferred(lambda: self.people(request))
        networks = links.directory_networks()

        def find(people, filters):
            query = " ".join(directory.search_terms(filters.get("q", "")))
            return directory.apply_filters(directory.matching(people, query), filters, networks)

        # The filters' choices and the A–Z depend on who is listed here and what the reader may see, not
        # on the filters chosen: shared per permission class (portal.fragments), the costliest query to
        # build on this page, until anything is published or permissions change.
        choices = fragments.shared(
            ("directory-options", self.pk),
            lambda: directory.options(
                everyone, self.locale_id, networks, request, self.listing_key(request, "options")
            ),
            request,
        )
        listing = Listing(
            request.GET,
            DirectoryFilterForm,
            everyone,
            find,
            form_kwargs={
                "topics": choices["topic"],
                "organisations": choices["organisation"],
                "networks": choices["network"],
            },
            # The page's twelve rows are read by id with what their cards show, apart from the filters.
            cards=lambda ids: self.page_cards(ids, request),
            # The SQL of the page of results is compiled once per process for this directory, reader
            # class and filters (portal.compiled).
            key=self.listing_key(request, "people"),
        )
        return self.render(
            request,
            context_overrides={
                **self.listing_context(listing),
                "search_query": " ".join(directory.search_terms(listing.filters.get("q", ""))),
                "active_letter": listing.filters.get("letter", "").upper(),
                "letters": choices["letter"],
                "autocomplete_url": reader_page_url(self, request) + self.reverse_subpage("autocomplete"),
            },
        )

    @path("autocomplete/")
    def autocomplete(self, request):
        rows = directory.suggestions(self.people(request), request.GET.get("q", ""))
        response = JsonResponse(
            {
                "results": [
                    {
                        "name": row["title"],
                        "job_title": row["job_title"],
                        "organisation": row["organisation__name"] or "",
                        # A person may be listed from another language's directory (see localized_children).
                        "url": reader_path_url(row["url_path"], row["locale__language_code"]),
                    }
                    for row in rows
                ]
            }
        )
        response["Cache-Control"] = PRIVATE
        return response
