""" "My pages in review": where each page an author submitted stands, and the landing page after submitting.

Wagtail sends an author who submits a page back to its parent's page list, which for a resource person
is an index they may add to but see nothing of. Instead they land here (the after_create_page and
after_edit_page hooks, for those who may not publish the page), with Wagtail's "submitted" message and
the state of each page they submitted: in review, changes requested, approved, published or withdrawn.
"""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState

# The newest submissions an author sees; older ones are in each page's history.
LIMIT = 100

STATE_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: gettext_lazy("In review"),
    WorkflowState.STATUS_NEEDS_CHANGES: gettext_lazy("Changes requested"),
    WorkflowState.STATUS_APPROVED: gettext_lazy("Approved"),
    WorkflowState.STATUS_CANCELLED: gettext_lazy("Withdrawn"),
}
PUBLISHED = gettext_lazy("Published")


def state_label(workflow_state, page):
    if workflow_state.status == WorkflowState.STATUS_APPROVED and page.live and not page.has_unpublished_changes:
        return PUBLISHED
    return STATE_LABELS.get(workflow_state.status, workflow_state.get_status_display())


def submissions_of(user):
    """[(page, workflow state, state label)] of the pages `user` submitted, the newest submission of each."""
    states = (
        WorkflowState.objects.filter(requested_by=user, base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("current_task_state__finished_by")
        .order_by("-created_at", "-pk")
    )
    newest = {}
    for state in states[: LIMIT * 3]:
        newest.setdefault(state.object_id, state)
    pages = Page.objects.in_bulk([int(object_id) for object_id in newest])
    rows = []
    for object_id, state in newest.items():
        page = pages.get(int(object_id))
        if page is not None:
            rows.append((page, state, state_label(state, page)))
    return rows[:LIMIT]


class MyPagesInReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/my_pages_in_review.html"
    page_title = gettext_lazy("My pages in review")
    header_icon = "list-ul"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            {
                "page": page,
                "state": state,
                "label": label,
                "needs_changes": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page, state, label in submissions_of(self.request.user)
        ]
        return context


class MyPagesInReviewMenuItem(MenuItem):
    """For those whose pages go through review: everyone in the admin who may not publish everything."""

    def is_shown(self, request):
        return not request.user.is_superuser


def land_after_submitting(request, page):
    """after_create_page / after_edit_page: an author who submitted lands on their pages in review."""
    if request.method != "POST" or not ({"action-submit", "action-restart-workflow"} & set(request.POST)):
        return None
    if page.permissions_for_user(request.user).can_publish() or not page.workflow_in_progress:
        return None
    return redirect("erfa_my_pages_in_review")
