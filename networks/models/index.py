from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from networks.models.inlines import Gathering, NetworkMember
from networks.models.network import NetworkPage
from portal.i18n import localized_children
from portal.models import ContentPageMixin, Organisation, Topic
from portal.roles import NETWORK_FACILITATORS

NETWORKS_PER_PAGE = 12

# Each sort is a list of orderings; the title breaks ties so pages never shuffle between requests.
SORTS = {
    "title": (_("Name"), [F("title").asc()]),
    "newest": (_("Newest first"), [F("first_published_at").desc(nulls_last=True), F("title").asc()]),
    "next_gathering": (_("Next gathering"), [F("next_gathering").asc(nulls_last=True), F("title").asc()]),
}
DEFAULT_SORT = "title"


def parse_id(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


class NetworkIndexPage(ContentPageMixin, Page):
    """All learning networks, filterable by topic, member organisation and region."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    max_count_per_parent = 1
    # Narrowed to the facilitator's own networks by NetworkPage.permissions_for_user.
    role_page_permissions = {NETWORK_FACILITATORS: ["add_page", "change_page"]}

    search_fields = Page.search_fields + ContentPageMixin.content_search_fields + [index.SearchField("intro")]
    edit_handler = ContentPageMixin.tabs(content=Page.content_panels + [FieldPanel("intro")])

    class Meta:
        verbose_name = _("network index")
        verbose_name_plural = _("network indexes")

    def networks(self):
        now = timezone.now()
        member_count = (
            NetworkMember.objects.filter(page=OuterRef("pk"), organisation__isnull=False)
            .order_by()
            .values("page")
            .annotate(count=Count("pk"))
            .values("count")
        )
        next_start = Gathering.objects.filter(page=OuterRef("pk"), end__gte=now).order_by("start").values("start")[:1]
        return (
            localized_children(self, NetworkPage)
            .live()
            .annotate(member_count=Coalesce(Subquery(member_count), 0), next_gathering=Subquery(next_start))
            .prefetch_related("topics")
        )

    def filter_options(self, networks):
        network_ids = networks.values("pk")
        topic_ids = NetworkPage.topics.through.objects.filter(networkpage__in=network_ids).values("topic_id")
        organisation_ids = NetworkMember.objects.filter(page__in=network_ids).values("organisation_id")
        return {
            "topics": list(Topic.objects.filter(pk__in=topic_ids).order_by("name")),
            "organisations": list(Organisation.objects.filter(pk__in=organisation_ids).order_by("name")),
            "regions": list(networks.exclude(region="").order_by("region").values_list("region", flat=True).distinct()),
        }

    def apply_filters(self, networks, params, options):
        """Only values offered in the form count; anything else is ignored rather than emptying the list."""
        chosen = {}
        topic = parse_id(params.get("topic"))
        if topic in {t.pk for t in options["topics"]}:
            networks = networks.filter(
                pk__in=NetworkPage.topics.through.objects.filter(topic_id=topic).values("networkpage_id")
            )
            chosen["topic"] = topic
        organisation = parse_id(params.get("organisation"))
        if organisation in {o.pk for o in options["organisations"]}:
            networks = networks.filter(
                pk__in=NetworkMember.objects.filter(organisation_id=organisation).values("page_id")
            )
            chosen["organisation"] = organisation
        region = params.get("region", "")
        if region in options["regions"]:
            networks = networks.filter(region=region)
            chosen["region"] = region
        sort = params.get("sort")
        chosen["sort"] = sort if sort in SORTS else DEFAULT_SORT
        return networks.order_by(*SORTS[chosen["sort"]][1]), chosen

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        networks = self.networks()
        options = self.filter_options(networks)
        networks, chosen = self.apply_filters(networks, request.GET, options)
        context.update(
            networks=Paginator(networks, NETWORKS_PER_PAGE).get_page(request.GET.get("page")),
            filter_options=options,
            chosen=chosen,
            sorts=[(key, label) for key, (label, _ordering) in SORTS.items()],
            is_filtered=any(key in chosen for key in ("topic", "organisation", "region")),
        )
        return context
