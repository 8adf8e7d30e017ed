"""Erfa's own workflow e-mails, replacing Wagtail's.

Wagtail's notifications leave the reviewer's comment out (wagtail#7542) and render in the language
of whoever clicked, when the recipient has not chosen one. Ours include the comment and use the
recipient's preferred admin language, falling back to settings.LANGUAGE_CODE. Wagtail's handlers are
switched off by `install()`, which portal/wagtail_hooks.py calls when Wagtail loads the hooks.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

# Wagtail's own workflow e-mail notifiers (wagtail/admin/signal_handlers.py).
WAGTAIL_NOTIFIERS = [
    "task_submission_email_notifier",
    "workflow_submission_email_notifier",
    "workflow_approval_email_notifier",
    "workflow_rejection_email_notifier",
]


def preferred_language(user):
    """The user's admin language; owners without an account carry one of their own (see reminders.py)."""
    if getattr(user, "language", None):
        return user.language
    profile = UserProfile.get_for_user(user)
    return profile.preferred_language or settings.LANGUAGE_CODE


def admin_url(view_name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(view_name, args=args)


def send_in_language(user, template, context):
    """Render templates/portal/moderation/<template>_subject.txt and .txt in the user's language and send."""
    with translation.override(preferred_language(user)):
        context = {**context, "recipient": user}
        subject = " ".join(render_to_string(f"portal/moderation/{template}_subject.txt", context).split())
        body = render_to_string(f"portal/moderation/{template}.txt", context).strip() + "\n"
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        # A failing mail server must not undo a reviewer's decision.
        logger.exception("Could not send the %s e-mail to %s", template, user.email)
        return False
    return True


def page_context(page, user):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    return {
        "page": page,
        "page_title": page.get_admin_display_title(),
        "locale": page.locale.get_display_name(),
        "actor": user,
        "actor_name": (user.get_full_name() or user.get_username()) if user else "",
        "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
    }


def on_task_submitted(sender, instance, user=None, **kwargs):
    """Tell the reviewing group (Communications) that something waits for them."""
    if not isinstance(instance, TaskState):
        return
    task = instance.task.specific
    if not isinstance(task, GroupApprovalTask):
        return
    page = instance.workflow_state.content_object
    if page is None:
        return
    recipients = (
        get_user_model()
        .objects.filter(groups__in=task.groups.all(), is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    context = {**page_context(page, user), "task": task, "review_url": admin_url("wagtailadmin_home")}
    for recipient in recipients:
        if user is not None and recipient.pk == user.pk:
            continue
        send_in_language(recipient, "submitted", context)


def decision_context(workflow_state, user):
    page = workflow_state.content_object
    task_state = workflow_state.current_task_state
    return {
        **page_context(page, user),
        "comment": (task_state.comment if task_state is not None else "") or "",
        "history_url": admin_url("wagtailadmin_pages:history", page.pk),
    }


def notify_submitter(workflow_state, user, template):
    submitter = workflow_state.requested_by
    if submitter is None or not submitter.is_active or not submitter.email:
        return
    if workflow_state.content_object is None:
        return
    send_in_language(submitter, template, decision_context(workflow_state, user))


def on_workflow_approved(sender, instance, user=None, **kwargs):
    notify_submitter(instance, user, "approved")


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    notify_submitter(instance, user, "rejected")


_installed = False


def install():
    """Swap Wagtail's workflow e-mails for Erfa's. Idempotent."""
    global _installed
    if _installed:
        return
    # Wagtail may load the hooks before wagtail.admin's ready() connects its notifiers, so they are
    # switched off rather than disconnected: the notifiers only send what they "can handle".
    from wagtail.admin import signal_handlers

    for name in WAGTAIL_NOTIFIERS:
        getattr(signal_handlers, name).can_handle = lambda instance, **kwargs: False
    task_submitted.connect(on_task_submitted, dispatch_uid="erfa_task_submitted_email")
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="erfa_workflow_approved_email")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="erfa_workflow_rejected_email")
    _installed = True
