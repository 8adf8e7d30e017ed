"""The admin report for Communications: what people search for, and what finds nothing."""

from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from portal import languages
from search import query_log
from search.backends.languages import ALL
from search.models import SearchQueryDay

REPORT_DAYS = 90
# Communications manages the search promotions, and acts on this report with them.
REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


def can_view_report(user):
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


def value(key):
    return lambda row: row[key]


def name_of_language(code):
    """The language searched in, named in the admin's language ("Norska (bokmål)"), or "All languages"."""
    if code == ALL:
        return str(_("All languages"))
    return languages.name(code)


def language_name(row):
    return name_of_language(row["language"])


class SearchQueryReportView(ReportView):
    """Queries of the last 90 days by number of searches; ``?zero=1`` shows only those without results."""

    page_title = _("Search queries")
    header_icon = "search"
    index_url_name = "search_query_report"
    index_results_url_name = "search_query_report_results"
    # On a phone the column headings wrap so the table fits the screen (search/query_report.css), and
    # anything still wider scrolls sideways in a box of its own, rather than being cut off at the right.
    template_name = "search/admin/query_report.html"
    results_template_name = "search/admin/query_report_results.html"
    default_ordering = "-searches"
    columns = [
        # A long query breaks anywhere rather than pushing the counts out of sight (portal/admin.css).
        Column("query", label=_("Query"), accessor=value("query"), classname="erfa-long-text"),
        Column("language", label=_("Language"), accessor=language_name),
        NumberColumn("searches", label=_("Searches"), accessor=value("searches")),
        NumberColumn("zero_results", label=_("Searches without results"), accessor=value("zero_results")),
    ]
    list_export = ["query", "language", "searches", "zero_results"]
    # The spreadsheet names the languages as the table does.
    custom_field_preprocess = {"language": {"csv": name_of_language, "xlsx": name_of_language}}
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "searches": _("Searches"),
        "zero_results": _("Searches without results"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @property
    def only_zero_results(self):
        return self.request.GET.get("zero") == "1"

    def get_page_subtitle(self):
        return _("Without results") if self.only_zero_results else _("Most popular")

    def get_queryset(self):
        query_log.write()  # This process's latest searches too; other processes write theirs within seconds.
        rows = SearchQueryDay.objects.filter(date__gte=timezone.localdate() - timedelta(days=REPORT_DAYS))
        if self.only_zero_results:
            rows = rows.filter(zero_result_hits__gt=0)
        rows = rows.values("query", "language").annotate(searches=Sum("hits"), zero_results=Sum("zero_result_hits"))
        order = "-zero_results" if self.only_zero_results else "-searches"
        return rows.order_by(order, "query")
