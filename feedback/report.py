"""The Communications overview: pages that readers find least useful or report as outdated or wrong.

One row per page (language version) with not-useful answers of the last RECENT_DAYS or open reports,
most negative first (not useful + open reports). Wagtail's locale filter narrows it to one language.
"""

from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from feedback import rules
from feedback.models import Report, UsefulVote, recent_since


def count_of(rows):
    """The number of `rows` (already narrowed to the outer page) as a subquery, 0 when none."""
    counted = rows.filter(page_id=OuterRef("pk")).order_by().values("page_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def negative_feedback_pages(now=None):
    since = recent_since(now)
    return (
        Page.objects.select_related("locale")
        .annotate(
            not_useful=count_of(UsefulVote.objects.filter(useful=False, updated__gte=since)),
            useful=count_of(UsefulVote.objects.filter(useful=True, updated__gte=since)),
            open_reports=count_of(Report.objects.open()),
        )
        # The language code, for the export (the table shows the language's name).
        .annotate(negative=F("not_useful") + F("open_reports"), language=F("locale__language_code"))
        .filter(negative__gt=0)
        .order_by("-negative", "-open_reports", "title", "pk")
    )


class NegativeFeedbackFilterSet(WagtailFilterSet):
    # The locale filter ("?locale=sv") is added by WagtailFilterSet for translatable models.
    class Meta:
        model = Page
        fields = []


class NegativeFeedbackReportView(ReportView):
    page_title = _("Negative reader feedback")
    header_icon = "warning"
    index_url_name = "feedback_negative_report"
    index_results_url_name = "feedback_negative_report_results"
    filterset_class = NegativeFeedbackFilterSet
    columns = [
        TitleColumn("title", label=_("Page"), accessor="get_admin_display_title", url_name="wagtailadmin_pages:edit"),
        Column("language", label=_("Language"), accessor=lambda page: page.locale.get_display_name()),
        NumberColumn("not_useful", label=_("Not useful (90 days)")),
        NumberColumn("useful", label=_("Useful (90 days)")),
        NumberColumn("open_reports", label=_("Open reports")),
    ]
    list_export = ["title", "language", "not_useful", "useful", "open_reports"]
    export_headings = {
        "title": _("Page"),
        "language": _("Language"),
        "not_useful": _("Not useful (90 days)"),
        "useful": _("Useful (90 days)"),
        "open_reports": _("Open reports"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not rules.is_moderator(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return negative_feedback_pages()


class NegativeFeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.is_moderator(request.user)
