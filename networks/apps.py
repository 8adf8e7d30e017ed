from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from accounts import account_page
        from caching.page_cache import register_variant
        from networks import following, people_links, personal_calendar
        from networks.models import NetworkPage
        from people import links
        from portal import front_end_urls

        # The follow button says "Follow" or "Unfollow" for the reader: cached per answer (one small query per hit).
        register_variant(
            NetworkPage,
            "network-following",
            lambda page: page.translation_key,
            lambda key, request: following.follows_key(request.user, key),
        )

        links.register_network_roles(people_links.network_role_parts, people_links.network_roles)
        links.register_directory_networks(people_links.directory_options, people_links.directory_members)

        # Everyone's own calendar address: served outside the language prefix, managed on the account page.
        front_end_urls.register_unprefixed(*personal_calendar.urlpatterns())
        account_page.register(
            account_page.Section(
                personal_calendar.SECTION_KEY,
                _("Calendar subscription"),
                "networks/gatherings/account_calendar.html",
                order=50,
                context=personal_calendar.section_context,
                post=personal_calendar.section_post,
            )
        )
