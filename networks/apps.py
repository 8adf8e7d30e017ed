from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from types import SimpleNamespace

        from accounts import account_page
        from caching.page_cache import register_quiet_model, register_variant
        from networks import anchoring, evaluation, following, people_links, personal_calendar
        from networks.models import ExampleReminderSent, NetworkPage
        from networks.teams.access import sent_back_insider_of
        from people import links
        from portal import front_end_urls
        from portal.i18n import register_translatable_parameter

        # Listings filter by ?network=: the language switcher names the network's translation.
        register_translatable_parameter("network", NetworkPage)

        # The follow button says "Follow" or "Unfollow" for the reader: cached per answer (one small query per hit).
        register_variant(
            NetworkPage,
            "network-following",
            lambda page: page.translation_key,
            lambda key, request: following.follows_key(request.user, key),
        )
        # A team's plan sent back reads "Sent back" to the team, its manager and the facilitators only.
        register_variant(
            NetworkPage,
            "network-teams-sent-back",
            lambda page: page.translation_key,
            lambda key, request: tuple(
                sorted(sent_back_insider_of(request.user, SimpleNamespace(translation_key=key)))
            ),
        )
        # The "Evaluation open" and results links show only to the members and facilitators of an ended network.
        register_variant(
            NetworkPage,
            "network-evaluation",
            lambda page: str(page.translation_key) if page.has_ended() else None,
            lambda key, request: key is not None and evaluation.reader_role_of_key(request.user, key),
        )

        # The anchoring tracker's buttons ("Record an example", "Record your unit's anchoring") are the reader's own.
        register_variant(
            NetworkPage,
            "network-anchoring-role",
            lambda page: page.translation_key,
            lambda key, request: anchoring.role_of(request.user, key).as_key(),
        )
        # The digest's sent-log changes no page.
        register_quiet_model(ExampleReminderSent)

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
