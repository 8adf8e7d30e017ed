from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from caching.page_cache import register_quiet_model, register_variant
        from networks import anchoring, following, people_links
        from networks.models import ExampleReminderSent, NetworkPage
        from people import links

        # The follow button says "Follow" or "Unfollow" for the reader: cached per answer (one small query per hit).
        register_variant(
            NetworkPage,
            "network-following",
            lambda page: page.translation_key,
            lambda key, request: following.follows_key(request.user, key),
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
