from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Readers' questions and comments on case studies and methods, answered and moderated by the page's owner.

    Above case studies and methods: it attaches to their pages through portal.page_parts.
    """

    name = "discussion"
    verbose_name = _("Questions and comments")

    def ready(self):
        from django.urls import include, path

        from discussion import parts, rules
        from portal import front_end_urls
        from portal.page_parts import PagePart, register_page_part

        # Every save of a Comment changes what its page shows: the page cache's own post_save signal
        # (caching/page_cache.py) drops every cached page, so nothing is registered as quiet here.
        register_page_part(
            PagePart(
                key="discussion",
                template="discussion/part.html",
                order=50,
                applies=rules.applies,
                context=parts.context,
            )
        )
        front_end_urls.register(path("", include("discussion.urls")))
