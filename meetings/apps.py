from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Before/after meeting series kept online, from a shareable template's pair of structured forms.

    Above case studies: a meeting's "what we learned" becomes a "Share a learning" draft, and a series
    can belong to a network's team.
    """

    name = "meetings"
    verbose_name = _("Meeting series")

    def ready(self):
        from accounts import account_page
        from caching.page_cache import register_quiet_model
        from meetings import urls
        from meetings.models import Meeting, MeetingSeries
        from meetings.parts import ACCOUNT_SECTION, START_PART
        from portal import front_end_urls
        from portal.page_parts import register_page_part

        # Series and meetings are only shown on their own personal pages, never on a cached one.
        for model in (MeetingSeries, Meeting, MeetingSeries.participants.through):
            register_quiet_model(model)
        front_end_urls.register(*urls.patterns())
        account_page.register(ACCOUNT_SECTION)
        register_page_part(START_PART)
