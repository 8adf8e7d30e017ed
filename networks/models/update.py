from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from networks.blocks import UpdateBodyBlock
from networks.models.inlines import NetworkFacilitator
from networks.permissions import NetworkPermissionTester
from portal.i18n import reader_versions
from portal.models import ContentPageMixin


class NetworkUpdatePage(ContentPageMixin, Page):
    """News from a network: a news item, a blog post from a conference, or a report."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        CONFERENCE_BLOG_POST = "conference_blog_post", _("Conference blog post")
        REPORT = "report", _("Report")

    date = models.DateField(_("date"), default=date.today, help_text=_("The date readers see on the update."))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.NEWS)
    body = StreamField(UpdateBodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["networks.NetworkPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("body"),
    ]
    edit_handler = ContentPageMixin.tabs(content=content_panels)

    search_fields = (
        Page.search_fields
        + ContentPageMixin.content_search_fields
        + [index.SearchField("body"), index.FilterField("kind"), index.FilterField("date")]
    )
    override_translatable_fields = ContentPageMixin.content_synchronized_fields + [SynchronizedField("date")]

    class Meta:
        verbose_name = _("network update")
        verbose_name_plural = _("network updates")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network"] = self.reader_network()
        return context

    def reader_network(self):
        """The network this update belongs to, in the version the reader is shown: a Norwegian reader of an
        update shown in English (no Norwegian version yet) goes back to the Norwegian network, named as
        such. One query, as reading the parent was."""
        parent = Page.objects.filter(path=self.path[: -self.steplen])
        return reader_versions(parent).live().first() or self.get_parent()

    def permissions_for_user(self, user):
        # An update belongs to its network's facilitators, as the network itself does; its parent is
        # always a network (parent_page_types).
        network = self.get_parent()
        return NetworkPermissionTester(user, self, is_facilitator=lambda: NetworkFacilitator.facilitates(user, network))
