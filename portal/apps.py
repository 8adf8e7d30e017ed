from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.link_overrides import keep_overridden_links_safe

        pre_save.connect(
            keep_overridden_links_safe,
            sender="wagtail_localize.SegmentOverride",
            dispatch_uid="erfa_safe_link_overrides",
        )
