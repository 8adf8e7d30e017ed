from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from caching import fragments, page_cache
        from portal import fragments as portal_fragments

        page_cache.connect_signals()
        portal_fragments.register_store(fragments.store, fragments.enabled)
