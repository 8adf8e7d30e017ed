from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")

    def ready(self):
        from casestudies.models import CaseStudyPage
        from networks.anchoring import register_link_choices
        from networks.links import register_network_section
        from people.links import register_profile_section
        from portal.i18n import reader_versions

        # A profile lists the case studies the person is a contact for; a network, those it produced.
        # Any language version of the person or network counts, and each case study comes in the
        # reader's best version (the one its link opens).
        register_profile_section(
            "case-studies",
            _("Case studies"),
            lambda person: (
                reader_versions(CaseStudyPage.objects.filter(contact_persons__translation_key=person.translation_key))
                .live()
                .order_by("title")
            ),
        )
        register_network_section(
            "case-studies",
            _("Case studies from this network"),
            lambda network: (
                reader_versions(CaseStudyPage.objects.filter(network__translation_key=network.translation_key))
                .live()
                .order_by("title")
            ),
        )
        # An anchoring may link a case study that grew out of the example: any live one, in the reader's version.
        register_link_choices(lambda network, request: reader_versions(CaseStudyPage.objects.live()).live())

        from casestudies.learning.entry_points import register_learning

        register_learning()
