from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")

    def ready(self):
        from casestudies.models import CaseStudyPage
        from networks.links import register_network_section
        from people.links import register_profile_section

        # A profile lists the case studies the person is a contact for; a network, those it produced.
        register_profile_section(
            "case-studies",
            _("Case studies"),
            lambda person: CaseStudyPage.objects.live().filter(contact_persons=person).order_by("title"),
        )
        register_network_section(
            "case-studies",
            _("Case studies from this network"),
            lambda network: CaseStudyPage.objects.live().filter(network=network).order_by("title"),
        )
