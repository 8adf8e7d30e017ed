"""What a reviewer and an author are told about a review decision, in their own admin language.

- `confirm_decision`: the reviewer's confirmation after approving, approving with a comment or
  requesting changes, whether they decided from the review dialog (moderation/views.py) or from the
  editor's action menu (the after_edit_page hook). Wagtail itself says nothing, or only "Page … has
  been updated.", so a reviewer could not tell whether the decision was taken.
- `awaiting_decision_by`: the review step a reviewer may decide now, for the translation editor, which
  (unlike the page editor) has no review actions of its own.
- `latest_request_for_changes`: the reviewer's latest "request changes" on a page whose newest review
  ended there, for the banner on the author's edit page. It is gone once the author submits again:
  the newest review is then in progress (or decided) again.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState


def decision_message(page, task_state):
    """The reviewer's confirmation of `task_state`'s decision on `page`, or None when it is no decision."""
    title = page.get_admin_display_title()
    requested_by = task_state.workflow_state.requested_by
    values = {"title": title, "author": get_user_display_name(requested_by) if requested_by else _("the author")}
    if task_state.status == TaskState.STATUS_REJECTED:
        return (
            _(
                "You requested changes to “%(title)s”. %(author)s receives your comment, "
                "and the page waits for their next submission."
            )
            % values
        )
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    published = task_state.workflow_state.status == WorkflowState.STATUS_APPROVED and page.live
    if task_state.comment and published:
        return (
            _("You approved “%(title)s” with a comment. It is now published, and %(author)s receives your comment.")
            % values
        )
    if task_state.comment:
        return _("You approved “%(title)s” with a comment; it goes on to the next review step.") % values
    if published:
        return _("You approved “%(title)s”. It is now published.") % values
    return _("You approved “%(title)s”; it goes on to the next review step.") % values


def latest_decision_by(page, user):
    """The newest task state of `page` that `user` approved or rejected."""
    return (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
            finished_by=user,
            status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
        )
        .select_related("workflow_state__requested_by")
        .order_by("-finished_at", "-pk")
        .first()
    )


def confirm_decision(request, page, task_state=None):
    """Add the reviewer's confirmation as a success message, shown where they land."""
    page = Page.objects.get(pk=page.pk).specific  # The decision may just have published it.
    task_state = task_state or latest_decision_by(page, request.user)
    if task_state is None:
        return
    message = decision_message(page, task_state)
    if message:
        messages.success(request, message)


def confirm_decision_from_editor(request, page):
    """after_edit_page: a decision taken from the editor's action menu ("Approve", "Request changes")."""
    if request.method == "POST" and "action-workflow-action" in request.POST:
        confirm_decision(request, page)


def latest_request_for_changes(page):
    """The rejected task state that ended the page's newest review, or None.

    Only while the author has not submitted again: a newer review (in progress, approved, cancelled
    after a resubmission) starts with a newer task state, which is what this looks at.
    """
    if not page.pk:
        return None
    latest = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
        )
        .select_related("finished_by")
        .order_by("-started_at", "-pk")
        .first()
    )
    if latest is None or latest.status != TaskState.STATUS_REJECTED:
        return None
    return latest


def awaiting_decision_by(page, user):
    """(The task state of `page`'s review in progress, its actions for `user`), when `user` may decide it now.

    wagtail-localize's translation editor replaces the page editor for a synced translation, and offers
    "Publish" but no "Approve" or "Request changes": a reviewer who published from it would end the review
    undecided ("cancelled"), and the translator would read that their translation was withdrawn.
    """
    if not page.pk or not page.workflow_in_progress:
        return None
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    actions = task_state.task.specific.get_actions(page, user)
    return (task_state, actions) if actions else None
