import sys

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from caching import fragments, page_cache
        from portal import fragments as portal_fragments

        page_cache.connect_signals()
        portal_fragments.register_store(fragments.store, fragments.enabled)
        # Sent once per app with models; this app has none, so once for portal's (the bottom of the stack).
        portal = self.apps.get_app_config("portal")
        post_migrate.connect(drop_what_a_release_changes, sender=portal, dispatch_uid="erfa-cache-release")


def drop_what_a_release_changes(**kwargs):
    """`migrate`, run once per release (docs/deploy.md), makes every cached page and part stale: the new
    code's templates and parts may differ from those kept by the old one, which the key does not say."""
    from caching.readers import invalidate

    try:
        invalidate()
    except Exception as error:  # noqa: BLE001 - a cache that is down holds nothing to drop; say so, go on.
        print(f"The cache could not be reached to drop pages kept from before this release: {error}", file=sys.stderr)
