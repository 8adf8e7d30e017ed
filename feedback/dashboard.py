"""The content owner's "Reader feedback" panel on the admin dashboard, and resolving a report.

An owner sees the open reports and the recent useful / not useful counts of the pages they own;
Communications and administrators (the moderators) see those of every page. Anybody else sees no panel.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from feedback import rules
from feedback.models import Report, UsefulVote, recent_since

PANEL_LIMIT = 20


def scope_for(user):
    """None for every page (a moderator), else the set of page ids `user` owns (maybe empty)."""
    return None if rules.is_moderator(user) else rules.owned_page_ids(user)


def open_reports(scope, limit=PANEL_LIMIT):
    reports = Report.objects.open().select_related("page", "page__locale", "user")
    if scope is not None:
        reports = reports.filter(page_id__in=scope)
    return list(reports[:limit])


def vote_counts(scope, limit=PANEL_LIMIT, now=None):
    """[(page, useful, not useful)] of the last RECENT_DAYS, most not-useful first."""
    votes = UsefulVote.objects.filter(updated__gte=recent_since(now))
    if scope is not None:
        votes = votes.filter(page_id__in=scope)
    rows = list(
        votes.values("page_id")
        .annotate(useful_count=Count("pk", filter=Q(useful=True)), not_useful_count=Count("pk", filter=Q(useful=False)))
        .order_by("-not_useful_count", "useful_count", "page_id")[:limit]
    )
    pages = Page.objects.select_related("locale").in_bulk([row["page_id"] for row in rows])
    return [
        (pages[row["page_id"]], row["useful_count"], row["not_useful_count"]) for row in rows if row["page_id"] in pages
    ]


class FeedbackPanel(Component):
    name = "erfa_reader_feedback"
    template_name = "feedback/admin/dashboard_panel.html"
    order = 120

    def __init__(self, scope):
        self.scope = scope

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            {
                "reports": open_reports(self.scope),
                "vote_rows": vote_counts(self.scope),
                "all_pages": self.scope is None,
                "request": parent_context["request"],
                "csrf_token": parent_context["csrf_token"],
            }
        )
        return context


def add_panel(request, panels):
    """The construct_homepage_panels hook: the panel for owners of at least one page, and moderators."""
    scope = scope_for(request.user)
    if scope is None or scope:
        panels.append(FeedbackPanel(scope))


@require_POST
def resolve(request, report_id):
    report = get_object_or_404(Report.objects.select_related("page"), pk=report_id)
    if not rules.may_resolve(request.user, report):
        return permission_denied(request)
    if report.is_open:
        report.resolve(request.user)
    messages.success(request, _("The report is marked resolved."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = ""
    return redirect(next_url or "wagtailadmin_home")
