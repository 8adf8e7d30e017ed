from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Roles applied as groups and page grants, the review workflow, translation review and its e-mails."""

    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from moderation import names
        from moderation.permissions import connect_signals

        connect_signals()
        names.connect_signals()
