from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from casestudies.forms import CaseStudyFilterForm, narrow
from methods.models import MethodPage
from networks.models import NetworkPage
from portal.card_lists import CardList
from portal.i18n import reader_title
from portal.listing import Choices
from portal.models import IndexPage, Organisation
from portal.roles import RESOURCE_PERSONS
from portal.visibility import listed_subquery, visible_to
from portal.vocabulary import topics_in_language


class CaseStudyIndexPage(IndexPage):
    """The collection of case studies, filterable by topic, organisation, network and method."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences on what readers find here and how case studies are chosen."),
    )

    subpage_types = ["casestudies.CaseStudyPage"]
    # Resource persons write case studies and edit their own (CaseStudyPage.permissions_for_user);
    # Communications publish them (portal/roles.py).
    role_page_permissions = {RESOURCE_PERSONS: ["add_page"]}
    listing_model = "casestudies.CaseStudyPage"
    filter_form_class = CaseStudyFilterForm
    listing_context_name = "case_studies"
    share_filter_options = True

    class Meta:
        verbose_name = _("case study index")
        verbose_name_plural = _("case study indexes")

    def filter_form_kwargs(self, case_studies, viewer=None):
        """Offer only choices that lead somewhere: those used by the case studies in this index, and
        networks and methods only if the reader may see them (an option names its page)."""
        return {
            "options": self.filter_choices(
                viewer,
                lambda: {
                    "topic": Choices(topics_in_language(case_studies.values("topics"), self.locale_id), "name"),
                    "organisation": Choices(
                        Organisation.objects.filter(pk__in=case_studies.values("organisations")), "name"
                    ),
                    "network": Choices(
                        self.pages_named(NetworkPage, case_studies.values("network__translation_key"), viewer),
                        "title",
                    ),
                    "method": Choices(
                        self.pages_named(MethodPage, case_studies.values("methods_used__translation_key"), viewer),
                        "title",
                    ),
                },
            )
        }

    def filter_pages(self, case_studies, filters, viewer=None):
        return narrow(case_studies, filters)

    def card_pages(self, case_studies, viewer=None):
        return (
            super()
            .card_pages(case_studies, viewer)
            .select_related("network", "image")
            # Whether the card may name its network, and under which title its link opens it (a Swedish
            # reader's card for a case study not yet translated names the Swedish network), in the query
            # that fetches the cards. The same for its methods.
            .annotate(
                network_listed=listed_subquery(NetworkPage, viewer, "network_id"),
                network_title=reader_title(self.locale_id, "network"),
            )
        )

    def card_lists(self):
        def methods(rows, target, viewer):
            # Only the methods the reader may see, each under the title of the version their link opens.
            return (
                rows.filter(**{f"{target}__in": visible_to(MethodPage.objects.all(), viewer)})
                .annotate(reader_title=reader_title(self.locale_id, target))
                .order_by("reader_title", f"{target}_id")
            )

        return (
            CardList("card_organisations", "organisations"),
            CardList("card_topics", "topics"),
            CardList("card_methods", "methods_used", methods),
        )
