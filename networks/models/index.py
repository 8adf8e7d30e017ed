from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Now
from django.utils.translation import gettext_lazy as _

from networks.forms import DEFAULT_SORT, SORTS, NetworkFilterForm
from networks.models.inlines import Gathering, NetworkMember
from networks.models.network import NetworkPage
from portal.listing import Choices, sort_choices, sort_ordering
from portal.models import IndexPage, Organisation
from portal.roles import NETWORK_FACILITATORS
from portal.vocabulary import tagged_with, topics_in_language


def next_gathering():
    """The start of a network's next gathering (one not yet over), as a subquery on the network."""
    # The database's clock, not a moment put into the SQL: the same SQL every time (portal.compiled).
    upcoming = Gathering.objects.filter(page=OuterRef("pk"), end__gte=Now()).order_by("start")
    return Subquery(upcoming.values("start")[:1])


class NetworkIndexPage(IndexPage):
    """All learning networks, filterable by topic, member organisation and region."""

    subpage_types = ["networks.NetworkPage"]
    # Facilitators start networks here; NetworkPage.permissions_for_user lets them edit the ones they facilitate.
    role_page_permissions = {NETWORK_FACILITATORS: ["add_page"]}
    listing_model = "networks.NetworkPage"
    filter_form_class = NetworkFilterForm
    listing_context_name = "networks"
    share_filter_options = True

    class Meta:
        verbose_name = _("network index")
        verbose_name_plural = _("network indexes")

    def card_pages(self, networks, viewer=None):
        """What the cards show besides the page: member count and next gathering."""
        member_count = (
            NetworkMember.objects.filter(page=OuterRef("pk"), organisation__isnull=False)
            .order_by()
            .values("page")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .card_pages(networks, viewer)
            .annotate(member_count=Coalesce(Subquery(member_count), 0), next_gathering=next_gathering())
            .select_related("image")
        )

    def filter_form_kwargs(self, networks, viewer=None):
        """The topics, member organisations and regions of the listed networks, in one query."""
        def parts():
            network_ids = networks.values("pk")
            topic_ids = NetworkPage.topics.through.objects.filter(networkpage__in=network_ids).values("topic_id")
            organisation_ids = NetworkMember.objects.filter(page__in=network_ids).values("organisation_id")
            return {
                "topic": Choices(topics_in_language(topic_ids, self.locale_id), "name"),
                "organisation": Choices(Organisation.objects.filter(pk__in=organisation_ids), "name"),
                # Each region once, named by its label (the value column is the others' ids).
                "region": Choices(networks.exclude(region="").distinct(), "region", Value(0)),
            }

        options = self.filter_choices(viewer, parts)
        return {"options": options, "regions": [region for _value, region in options.pop("region", [])]}

    def filter_pages(self, networks, filters, viewer=None):
        """Only values offered in the form count; anything else is ignored rather than emptying the list."""
        if "topic" in filters:
            networks = tagged_with(networks, filters["topic"])
        if "organisation" in filters:
            networks = networks.filter(
                pk__in=NetworkMember.objects.filter(organisation_id=filters["organisation"]).values("page_id")
            )
        if "region" in filters:
            networks = networks.filter(region=filters["region"])
        if filters.get("sort") == "next_gathering":
            networks = networks.annotate(next_gathering=next_gathering())
        return networks.order_by(*sort_ordering(SORTS, filters.get("sort"), DEFAULT_SORT))

    def listing_context(self, listing):
        return {
            **super().listing_context(listing),
            "filter_options": listing.form.options,
            "chosen": {**listing.filters, "sort": listing.filters.get("sort") or DEFAULT_SORT},
            "sorts": sort_choices(SORTS),
        }
