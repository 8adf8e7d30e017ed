from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from portal.pagetree import register_section_parent

        # The section index pages (methods, networks, people, ...) live directly under a home page.
        register_section_parent("home.HomePage")
