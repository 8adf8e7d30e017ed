from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.i18n import register_translatable_parameter
        from portal.link_overrides import keep_overridden_links_safe
        from portal.models import Organisation, Topic

        # Listings filter by ?topic= and ?organisation=: the language switcher names their translations.
        register_translatable_parameter("topic", Topic)
        register_translatable_parameter("organisation", Organisation)

        pre_save.connect(
            keep_overridden_links_safe,
            sender="wagtail_localize.SegmentOverride",
            dispatch_uid="erfa_safe_link_overrides",
        )
