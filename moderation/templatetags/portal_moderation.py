"""Template tags for Erfa's workflow e-mails (templates/wagtailadmin/notifications/), the translation editor
and the page editor's review banner."""

import re

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page, TaskState

from moderation import aliases, decisions, reader, translations

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
def may_submit_from_editor(page, user):
    """For the translation editor (templates/wagtail_localize/admin/edit_translation.html)."""
    return translations.may_submit_from_editor(page, user)


@register.simple_tag
def may_stop_syncing(instance, user):
    """Whether the translation editor keeps its "Stop Synced translation" for `user` (aliases.py); snippets keep it."""
    return not isinstance(instance, Page) or aliases.may_stop_or_restart_syncing(user, instance)


# wagtail-localize's translation editor gets its "Convert to alias page" link in its JSON props.
ALIAS_LINK = re.compile(r"(&quot;convertToAliasUrl&quot;:\s*)&quot;[^&]*&quot;")


@register.simple_tag
def without_alias_conversion(content, instance, user):
    """The translation editor's markup, without "Convert to alias page" for those who may not (aliases.py)."""
    if not isinstance(instance, Page) or aliases.may_convert_to_alias(user, instance):
        return content
    return mark_safe(ALIAS_LINK.sub(r"\1null", str(content)))  # noqa: S308 - escaped markup, one value replaced.


@register.simple_tag
def latest_request_for_changes(page):
    """The reviewer's latest "request changes" while the author has not resubmitted (decisions.py)."""
    return decisions.latest_request_for_changes(page)


@register.simple_tag
def awaiting_decision_by(page, user):
    """The review step `user` may decide on `page` now, and its actions (decisions.py), or None."""
    return decisions.awaiting_decision_by(page, user)
