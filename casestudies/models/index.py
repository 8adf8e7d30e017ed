from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from casestudies.listing import CaseStudyListing
from casestudies.models.case_study import CaseStudyPage
from portal.i18n import localized_children
from portal.models import ContentPageMixin
from portal.roles import RESOURCE_PERSONS


class CaseStudyIndexPage(ContentPageMixin, Page):
    """The collection of case studies, filterable by topic, organisation, network and method."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences on what readers find here and how case studies are chosen."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count_per_parent = 1
    # Resource persons write case studies; Communications publish them (portal/roles.py).
    role_page_permissions = {RESOURCE_PERSONS: ["add_page", "change_page"]}

    search_fields = Page.search_fields + ContentPageMixin.content_search_fields + [index.SearchField("intro")]
    edit_handler = ContentPageMixin.tabs(content=Page.content_panels + [FieldPanel("intro")])

    class Meta:
        verbose_name = _("case study index")
        verbose_name_plural = _("case study indexes")

    def case_studies(self):
        return localized_children(self, CaseStudyPage).live()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = CaseStudyListing(self.case_studies(), request.GET)
        context.update(listing=listing, case_studies=listing.page())
        return context
