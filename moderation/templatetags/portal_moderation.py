"""Template tags for Erfa's workflow e-mails (templates/wagtailadmin/notifications/) and translation editor."""

from django import template
from wagtail.models import TaskState

from moderation import reader, translations

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


@register.filter
def title_for_reader(page):
    """The page's title in the active (the recipient's) language's version, when there is one."""
    return reader.title_for_reader(page)


@register.simple_tag
def may_submit_for_review(page, user):
    """For the translation editor (templates/wagtail_localize/admin/edit_translation.html)."""
    return translations.may_submit_for_review(page, user)
