from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """ "Was this useful?" and "Report something outdated or wrong" on every content page, for its owner.

    Above the content apps: it attaches to any content page through portal.page_parts, and adds open
    reports to the people app's review reminders.
    """

    name = "feedback"
    verbose_name = _("Reader feedback")

    def ready(self):
        from django.urls import include, path

        from caching.page_cache import register_quiet_model
        from feedback.models import Report, UsefulVote
        from feedback.page_part import PART
        from feedback.reminders import REASON
        from people.reminder_reasons import register_reminder_reason
        from portal import front_end_urls
        from portal.page_parts import register_page_part

        # Feedback is shown on no page (the part offers the forms only): saving it keeps the page cache.
        register_quiet_model(UsefulVote)
        register_quiet_model(Report)
        register_page_part(PART)
        register_reminder_reason(REASON)
        front_end_urls.register(path("", include("feedback.urls")))
