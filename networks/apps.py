from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from networks import people_links
        from people import links

        links.register_network_roles(people_links.network_role_parts, people_links.network_roles)
        links.register_directory_networks(people_links.directory_options, people_links.directory_members)
