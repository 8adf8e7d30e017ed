from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestsConfig(AppConfig):
    """The weekly e-mail to the followers of networks: what is new, in the reader's language, with one-click unfollow.

    Above networks, so that its parts can name everything a network holds (updates, gatherings,
    examples and anchorings, signed-off plans and reports); apps above it add parts of their own
    through digests.parts.register_part.
    """

    name = "digests"
    verbose_name = _("Network digests")

    def ready(self):
        from caching.page_cache import register_quiet_model
        from digests import parts, unfollow
        from digests.models import NetworkDigestLog
        from portal import front_end_urls

        parts.register_built_in_parts()
        front_end_urls.register(*unfollow.urlpatterns)
        # Logging a sent digest changes no page: it must not empty the page cache every week.
        register_quiet_model(NetworkDigestLog)
