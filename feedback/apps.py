from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """"Was this useful?" and "Report something outdated or wrong" on every content page, for its owner.

    Above the content apps: it attaches to any content page through portal.page_parts, and adds open
    reports to the people app's review reminders.
    """

    name = "feedback"
    verbose_name = _("Reader feedback")
