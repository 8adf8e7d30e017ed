from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = _("Methods and templates")

    def ready(self):
        from methods.models import ShareableTemplatePage
        from people.links import register_profile_section
        from portal.i18n import reader_versions

        # A profile lists the shareable templates the person publishes (as any language version of
        # their profile), each in the reader's best version.
        register_profile_section(
            "shareable-templates",
            _("Templates"),
            lambda person: (
                reader_versions(ShareableTemplatePage.objects.filter(publisher__translation_key=person.translation_key))
                .live()
                .order_by("title")
            ),
        )
