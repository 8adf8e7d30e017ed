from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Readers' questions and comments on case studies and methods, answered and moderated by the page's owner.

    Above case studies and methods: it attaches to their pages through portal.page_parts.
    """

    name = "discussion"
    verbose_name = _("Questions and comments")
