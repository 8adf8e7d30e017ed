from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """A read API for other systems: Wagtail's API v2 plus people and networks, behind personal tokens."""

    name = "api"
    verbose_name = _("API")

    def ready(self):
        from django.core import checks
        from wagtail.models import APIToken

        from accounts import account_page
        from api import account_section
        from api.throttling import check_rate
        from api.urls import urlpatterns
        from caching.page_cache import register_quiet_model
        from portal import front_end_urls

        # Tokens change no page: creating, revoking or stamping one keeps the cached pages.
        register_quiet_model(APIToken)
        account_page.register(account_section.SECTION)
        front_end_urls.register_unprefixed(*urlpatterns)
        checks.register(check_rate)
