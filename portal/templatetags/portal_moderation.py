"""Template tags for Erfa's versions of Wagtail's workflow e-mails (templates/wagtailadmin/notifications/)."""

from django import template
from wagtail.models import TaskState

register = template.Library()


@register.simple_tag
def last_review(page):
    """The page's most recently decided review step, whose reviewer and comment the approval e-mail names.

    Wagtail's approval e-mail context has the workflow but not the task state that approved it.
    """
    return (
        TaskState.objects.filter(workflow_state__in=page.workflow_states.all(), finished_at__isnull=False)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
