from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Before/after meeting series kept online, from a shareable template's pair of structured forms.

    Above case studies: a meeting's "what we learned" becomes a "Share a learning" draft, and a series
    can belong to a network's team.
    """

    name = "meetings"
    verbose_name = _("Meeting series")
