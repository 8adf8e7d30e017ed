"""Translating a page and submitting the translation for review.

The rule (README, "Moderation"): anyone who may edit a page may translate it and submit the
translation for review; those who may publish it (Communications) may also publish it directly.

wagtail-localize lets only holders of its site-wide "submit translation" permission start a
translation, of any page. Erfa gives that permission to Communications only; everyone else starts a
translation of a page they may edit through TranslatePageView, wagtail-localize's own view with the
page's edit permission as the check. Its translation editor offers "Publish" only to those who may
publish; a translation is submitted into the page's workflow, "Communications review", here, with the
editor's text written into a draft revision first (moderation/translations.py).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import HiddenInput
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.views.pages import workflow as wagtail_workflow
from wagtail.admin.viewsets import pages
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.components import TranslationComponentManager
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitTranslationView

from moderation.decisions import confirm_decision
from moderation.translations import has_changes_to_review, save_translation_draft, untranslated_segments
from portal.i18n import synced_translation


def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    explorer_url = redirect("wagtailadmin_explore", page.get_parent().pk)
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("This page has no review workflow; ask Communications to publish it."))
        return explorer_url
    if page.workflow_in_progress:
        messages.warning(request, _("“%(title)s” is already waiting for review.") % {"title": page.title})
        return explorer_url
    if page.permissions_for_user(request.user).page_locked():
        message = _("“%(title)s” is locked: it can be submitted once it is unlocked.")
        messages.error(request, message % {"title": page.title})
        return explorer_url
    translation = synced_translation(page)
    changed = has_changes_to_review(page, translation) if translation else page.has_unpublished_changes
    if page.live and not changed:
        messages.warning(request, _("“%(title)s” has no changes to review.") % {"title": page.title})
        return explorer_url
    if request.method == "POST":
        if translation is not None:
            # What the translation editor holds, as the draft the review sees (moderation/translations.py).
            try:
                save_translation_draft(translation, request.user)
            except ValidationError as error:
                messages.error(
                    request,
                    _("The translation could not be saved for review: %(errors)s")
                    % {"errors": " ".join(error.messages)},
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
            page = Page.objects.get(pk=page.pk).specific  # with its new latest revision, which the review takes
        elif page.get_latest_revision() is None:
            page.save_revision(user=request.user, log_action=True)
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Sent back by a reviewer: resume the same review, as Wagtail's editor does on "Resubmit"
            # (a new one would break the one-open-review-per-page rule).
            state.resume(request.user)
        else:
            workflow.start(page, request.user)
        title = page.get_admin_display_title()  # the draft's, which may be newly translated
        messages.success(request, _("“%(title)s” has been submitted for review.") % {"title": title})
        if not page.permissions_for_user(request.user).can_publish():
            return redirect("erfa_my_pages_in_review")  # Where their review stands (my_pages.py).
        return explorer_url
    segments = untranslated_segments(translation, page.specific_class) if translation else []
    return TemplateResponse(
        request, "moderation/submit_translation.html", {"page": page, "untranslated_segments": segments}
    )


class TranslatePageView(SubmitPageTranslationView):
    """wagtail-localize's "Translate page" for anyone who may edit the page (its own asks a site-wide permission).

    The subtree option is left out: it would translate pages the user may not edit.
    """

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.object.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.components = TranslationComponentManager.from_request(request, source_object_instance=self.object)
        # Past SubmitTranslationView.dispatch, whose only addition is the site-wide permission check.
        return super(SubmitTranslationView, self).dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        form.fields["include_subtree"].widget = HiddenInput()
        return form

    def form_valid(self, form):
        form.cleaned_data["include_subtree"] = False
        return super().form_valid(form)


class CommentForm(TaskStateCommentForm):
    """Wagtail's comment form for a review decision, its label in the reviewer's language: Wagtail's is
    translated once, when it is imported, in the server's language."""

    comment = forms.CharField(
        label=pgettext_lazy("review decision", "Comment"), required=False, widget=forms.Textarea({"rows": 2})
    )


class CommentInReadersLanguageMixin:
    def get_form_class(self):
        form_class = super().get_form_class()
        return CommentForm if form_class is TaskStateCommentForm else form_class


class WorkflowActionView(CommentInReadersLanguageMixin, wagtail_workflow.WorkflowActionView):
    """Wagtail's approve/reject view, with a confirmation of the decision and a clear answer for a link to a
    review step already decided.

    When a page has a newer review in progress, Wagtail answers an old step's link (an old e-mail, a
    second reviewer) with a bare "permission denied". A reviewer instead learns that the step was
    decided, and where to act on the current one. Others get Wagtail's answer, which names nothing.

    Permission comes first: Wagtail names the page's latest (draft) title in its "not awaiting
    moderation" message before it checks anything, so someone who may neither act on the task nor edit
    the page is refused before any answer that names it.

    Its dialog is Wagtail's with the fields in a <div> rather than a <ul> of non-items (an accessibility fix).
    """

    template_name = "moderation/workflow_action_modal.html"

    def dispatch(self, request, *args, **kwargs):
        page = self.object
        may_act = bool(self.task.get_actions(page, request.user))
        if not may_act and not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        decided = self.task_state.status != TaskState.STATUS_IN_PROGRESS
        if decided and page.workflow_in_progress and may_act:
            messages.error(
                request,
                _(
                    "That review step of “%(title)s” has already been decided. "
                    "The page is waiting for a newer review: act on it from the page."
                )
                % {"title": page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        # Wagtail takes the decision silently; the reviewer is told what happened where they land.
        was_in_progress = self.task_state.status == TaskState.STATUS_IN_PROGRESS
        response = super().post(request, *args, **kwargs)
        decided = TaskState.objects.select_related("workflow_state__requested_by").get(pk=self.task_state.pk)
        now_decided = decided.status != TaskState.STATUS_IN_PROGRESS
        if was_in_progress and now_decided and decided.finished_by_id == request.user.pk:
            confirm_decision(request, self.object, decided)
        return response


class CollectWorkflowActionDataView(CommentInReadersLanguageMixin, wagtail_workflow.CollectWorkflowActionDataView):
    """The dialog that asks for a comment before a decision ("Request changes", "Approve with comment"),
    with the fields in a <div> rather than Wagtail's <ul> of non-items (an accessibility fix)."""

    template_name = "moderation/workflow_action_modal.html"


class PageViewSet(pages.PageViewSet):
    """Wagtail's page views for every page type, with Erfa's workflow action view.

    Registered through the register_admin_viewset hook after Wagtail's own base viewset (its hook
    runs first, with order=-1), so it replaces that for all pages.
    """

    workflow_action_view_class = WorkflowActionView
    collect_workflow_action_data_view_class = CollectWorkflowActionDataView
