"""Admin additions of the search app: the search query report for Communications."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.report import SearchQueryReportView, can_view_report


class SearchQueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_search_query_report_urls():
    return [
        path("reports/search-queries/", SearchQueryReportView.as_view(), name="search_query_report"),
        path(
            "reports/search-queries/results/",
            SearchQueryReportView.as_view(results_only=True),
            name="search_query_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_query_report_menu_item():
    return SearchQueryReportMenuItem(
        _("Search queries"), reverse("search_query_report"), name="search-queries", icon_name="search", order=1310
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_report_menu_item():
    return SearchQueryReportMenuItem(
        _("Searches without results"),
        reverse("search_query_report") + "?zero=1",
        name="searches-without-results",
        icon_name="search",
        order=1311,
    )
