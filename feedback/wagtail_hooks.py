"""Admin additions of the feedback app: the owner's dashboard panel, resolving, and the Communications report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from feedback import dashboard
from feedback.report import NegativeFeedbackMenuItem, NegativeFeedbackReportView

hooks.register("construct_homepage_panels", dashboard.add_panel)


@hooks.register("register_admin_urls")
def register_feedback_admin_urls():
    return [
        path("feedback/reports/<int:report_id>/resolve/", dashboard.resolve, name="feedback_resolve_report"),
        path("reports/negative-feedback/", NegativeFeedbackReportView.as_view(), name="feedback_negative_report"),
        path(
            "reports/negative-feedback/results/",
            NegativeFeedbackReportView.as_view(results_only=True),
            name="feedback_negative_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_negative_feedback_menu_item():
    return NegativeFeedbackMenuItem(
        _("Negative reader feedback"),
        reverse("feedback_negative_report"),
        name="negative-reader-feedback",
        icon_name="warning",
        order=1320,
    )
