from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = _("Methods and templates")

    def ready(self):
        from methods.models import ShareableTemplatePage
        from people.links import register_profile_section

        # A profile lists the shareable templates the person publishes.
        register_profile_section(
            "shareable-templates",
            _("Templates"),
            lambda person: ShareableTemplatePage.objects.live().filter(publisher=person).order_by("title"),
        )
