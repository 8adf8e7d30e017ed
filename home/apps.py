from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from caching.page_cache import register_variant
        from home.awaiting import waiting_for
        from home.followed import own_network_keys
        from home.models import HomePage
        from portal.pagetree import register_section_parent

        # "Your networks" is the reader's own: the whole-page cache keeps one home page per set of the
        # reader's networks (one small query per hit, remembered per reader until anything changes).
        register_variant(
            HomePage,
            "followed-networks",
            lambda page: None,
            lambda _argument, request: tuple(str(key) for key in own_network_keys(request.user)),
        )

        # "Waiting for your sign-off" too: one home page per set of plans waiting for the reader.
        register_variant(
            HomePage,
            "awaiting-sign-off",
            lambda page: None,
            lambda _argument, request: tuple(waiting_for(request.user).values_list("pk", flat=True)),
        )

        # The section index pages (methods, networks, people, ...) live directly under a home page.
        register_section_parent("home.HomePage")
