from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.moderation import names
        from portal.permissions import connect_signals

        connect_signals()
        names.connect_signals()
