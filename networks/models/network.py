from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from networks import evaluation, following, services
from networks.anchoring_routes import AnchoringRoutesMixin
from networks.models.evaluation_routes import EvaluationRoutesMixin
from networks.models.gathering_routes import GatheringRoutesMixin
from networks.models.inlines import RICH_TEXT_FEATURES, NetworkFacilitator
from networks.models.team_routes import TeamRoutesMixin
from networks.models.update import NetworkUpdatePage
from networks.page_lists import network_lists
from networks.permissions import NetworkPermissionTester
from portal.i18n import reader_page_url
from portal.models import ContentPageMixin, card_image_field
from portal.visibility import visibility_for

CALENDAR_ROUTE = "gatherings_ics"


class NetworkPage(
    TeamRoutesMixin,
    GatheringRoutesMixin,
    EvaluationRoutesMixin,
    AnchoringRoutesMixin,
    RoutablePageMixin,
    ContentPageMixin,
    Page,
):
    """A learning network: workplaces that send teams to a series of gatherings and work on between them."""

    purpose = RichTextField(
        _("purpose"),
        blank=True,
        features=RICH_TEXT_FEATURES + ["h2", "h3"],
        help_text=_("Why the network exists and what the members want to achieve together."),
    )
    image = card_image_field()
    region = models.CharField(
        _("region"),
        max_length=100,
        blank=True,
        help_text=_("Where the members come from, for example “Mid-Norway” or “Skåne”. Used as a filter."),
    )
    number_of_gatherings = models.PositiveSmallIntegerField(
        _("number of gatherings"),
        null=True,
        blank=True,
        help_text=_("How many gatherings are planned in all, including those not yet scheduled below."),
    )
    team_size = models.CharField(
        _("team size"), max_length=60, blank=True, help_text=_("For example “3–5 per workplace”.")
    )
    duration = models.CharField(_("duration"), max_length=60, blank=True, help_text=_("For example “one year”."))
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the network ends. From then on its members (facilitators, spokespersons and followers) "
            "can answer the closing evaluation."
        ),
    )
    anchoring_reminder_weeks = models.PositiveSmallIntegerField(
        _("anchoring reminder after (weeks)"),
        default=4,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The facilitators get an e-mail about each example that some unit has not anchored this many weeks "
            "after it was recorded."
        ),
    )

    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = ["networks.NetworkUpdatePage"]

    content_panels = Page.content_panels + [
        FieldPanel("image"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("number_of_gatherings"),
                FieldPanel("team_size"),
                FieldPanel("duration"),
                FieldPanel("ends_on"),
            ],
            heading=_("Format"),
        ),
    ]
    details_panels = [
        InlinePanel("gatherings", heading=_("Gatherings"), label=_("Gathering")),
        InlinePanel(
            "expectations",
            heading=_("Expectations"),
            label=_("Expectation"),
            help_text=_("What the teams hoped for at the start, shown as a word cloud."),
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        FieldPanel("anchoring_reminder_weeks", heading=_("Examples carried home")),
    ]
    relations_panels = [
        InlinePanel("facilitators", heading=_("Facilitators"), label=_("Facilitator")),
        InlinePanel("members", heading=_("Members"), label=_("Member")),
        InlinePanel(
            "spokespersons",
            heading=_("Spokespersons"),
            label=_("Spokesperson"),
            help_text=_("Each member team’s spokespersons, who carry experience between the network and the team."),
        ),
    ]
    edit_handler = ContentPageMixin.tabs(content=content_panels, details=details_panels, relations=relations_panels)

    search_fields = (
        Page.search_fields
        + ContentPageMixin.content_search_fields
        + [
            index.SearchField("purpose"),
            index.SearchField("region"),
            index.FilterField("region"),
            index.RelatedFields("gatherings", [index.SearchField("title"), index.SearchField("agenda")]),
            index.RelatedFields("expectations", [index.SearchField("phrase")]),
            index.RelatedFields(
                "members",
                [index.SearchField("team"), index.RelatedFields("organisation", [index.SearchField("name")])],
            ),
        ]
    )
    override_translatable_fields = ContentPageMixin.content_synchronized_fields + [
        SynchronizedField("image"),
        SynchronizedField("number_of_gatherings"),
        SynchronizedField("ends_on"),
        SynchronizedField("anchoring_reminder_weeks"),
    ]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def has_ended(self, today=None):
        return self.ends_on is not None and self.ends_on <= (today or timezone.localdate())

    def gathering_list(self):
        return sorted(self.gatherings.all(), key=lambda gathering: gathering.start)

    def updates(self, viewer=None):
        if not self.pk:
            return []
        return visibility_for(viewer).filter(NetworkUpdatePage.objects.child_of(self)).order_by("-date", "-pk")

    def calendar_url(self, request=None):
        page_url = reader_page_url(self, request) if self.pk else None
        return page_url + self.reverse_subpage(CALENDAR_ROUTE) if page_url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every list in a fixed number of queries, however many rows the network has (networks/page_lists.py).
        lists = network_lists(self, request)
        gatherings = lists["gatherings"]
        for gathering in gatherings:
            gathering.page_url = self.gathering_url(gathering, request)
        now = timezone.now()
        cloud = services.word_cloud(lists.pop("expectations"))
        context.update(
            lists,
            next_gathering=next((gathering for gathering in gatherings if gathering.end >= now), None),
            word_cloud=cloud,
            word_list=services.word_list(cloud),
            calendar_url=self.calendar_url(request),
            follow_url=self.follow_url(request),
            evaluation_url=self.evaluation_url(request) if self.has_ended() else "",
            evaluation_results_url=self.evaluation_results_url(request) if self.has_ended() else "",
            example_url=self.example_url(request),
        )
        context["may_evaluate"], context["may_see_evaluation"] = evaluation.reader_role(
            getattr(request, "user", None), self
        )
        return context

    def permissions_for_user(self, user):
        # Facilitators edit their own networks (as drafts) and no others; see NetworkPermissionTester.
        return NetworkPermissionTester(user, self, is_facilitator=lambda: NetworkFacilitator.facilitates(user, self))

    def follow_url(self, request=None):
        page_url = reader_page_url(self, request) if self.pk else None
        return page_url + self.reverse_subpage(following.FOLLOW_ROUTE) if page_url else ""

    @path("follow/", name=following.FOLLOW_ROUTE)
    def follow(self, request):
        # POST only, with a CSRF token; Wagtail's serve has already applied the page's view restrictions.
        return following.respond(self, request)

    # Wagtail serves pages only at paths without dots, so the feed lives at …/calendar/ and
    # carries the .ics name in its Content-Disposition.
    @path("calendar/", name=CALENDAR_ROUTE)
    def gatherings_ics(self, request):
        page_url = reader_page_url(self, request, full=True) or ""
        body = services.gatherings_calendar(self, self.gathering_list(), page_url=page_url)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        # Named in the reader's language, as the page's address is in its own ("…-traffar.ics" in Swedish).
        gatherings = slugify(pgettext("a calendar file's name", "gatherings")) or "gatherings"
        filename = f"{slugify(self.slug) or 'network'}-{gatherings}.ics"
        # An attachment: the browser saves it (or hands it to the calendar) instead of showing text in the tab.
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
