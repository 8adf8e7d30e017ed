"""Rules of a learning draft: who may see and edit it, how often one may save or submit, what state it is in."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, TaskState, WorkflowState

from casestudies.models import LearningDraft
from moderation.my_pages import state_label
from portal.languages import base_code

# Submissions: as many as contact messages (people/contact.py); a resubmission counts as one.
SUBMIT_LIMIT = 10
SUBMIT_WINDOW = timedelta(hours=1)
# Autosave posts a few seconds after typing stops: 30 a minute is far above a fast typist's pauses.
AUTOSAVE_LIMIT = 30
AUTOSAVE_WINDOW_SECONDS = 60
# New drafts and invitations an hour: enough for a workshop, not for a script.
NEW_DRAFT_LIMIT = 30
INVITE_LIMIT = 20
HOUR = 3600

# In context: unmarked, "Draft" would also be Wagtail's, and the admin would say it two ways in Danish.
DRAFT = pgettext_lazy("a learning's state", "Draft")
SUBMITTED = _("Submitted")


def start_draft(author, *, language, method=None, network=None, **fields):
    language = base_code(language) if language else settings.LANGUAGE_CODE
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = settings.LANGUAGE_CODE
    fields = {name: value for name, value in fields.items() if value is not None}
    return LearningDraft.objects.create(author=author, language=language, method=method, network=network, **fields)


def draft_for(user, pk):
    """The draft `pk` if `user` wrote it or was invited to it; 404 otherwise (its existence stays private)."""
    draft = LearningDraft.objects.editable_by(user).filter(pk=pk).select_related("author").first()
    if draft is None:
        raise Http404
    return draft


def _over_limit(key, limit, seconds):
    """Count one more use of `key` in a window of `seconds`; true once `limit` is passed."""
    if cache.add(key, 1, seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # Expired in between.
        cache.set(key, 1, seconds)
        return False
    return count > limit


def autosave_limited(user):
    return _over_limit(f"erfa:learning:autosave:{user.pk}", AUTOSAVE_LIMIT, AUTOSAVE_WINDOW_SECONDS)


def new_draft_limited(user):
    since = timezone.now() - timedelta(hours=1)
    return LearningDraft.objects.filter(author=user, created__gte=since).count() >= NEW_DRAFT_LIMIT


def invite_limited(user):
    return _over_limit(f"erfa:learning:invite:{user.pk}", INVITE_LIMIT, HOUR)


def submit_limited(user):
    since = timezone.now() - SUBMIT_WINDOW
    return LearningDraft.objects.filter(author=user, submitted_at__gte=since).count() >= SUBMIT_LIMIT


class Status:
    """Where a draft stands for its author: its label, the reviewer's comment, whether it may be edited."""

    def __init__(self, draft, workflow_state=None, rejection=None):
        self.draft = draft
        self.page = draft.case_study
        self.workflow_state = workflow_state
        self.rejection = rejection

    @property
    def key(self):
        if self.draft.state == LearningDraft.State.DRAFT or self.page is None:
            return "draft"
        if self.workflow_state is None:
            return "submitted"
        if self.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return "changes_requested"
        if self.page.live and not self.page.has_unpublished_changes:
            return "published"
        return {
            WorkflowState.STATUS_IN_PROGRESS: "in_review",
            WorkflowState.STATUS_APPROVED: "approved",
            WorkflowState.STATUS_CANCELLED: "withdrawn",
        }.get(self.workflow_state.status, "submitted")

    @property
    def label(self):
        if self.key == "draft":
            return DRAFT
        if self.workflow_state is None:
            return SUBMITTED
        return state_label(self.workflow_state, self.page)

    @property
    def comment(self):
        return self.rejection.comment if self.rejection is not None and self.key == "changes_requested" else ""

    @property
    def editable(self):
        """Before submission, and again when the reviewer asked for changes (or the review was withdrawn)."""
        return self.key in {"draft", "changes_requested", "withdrawn"}


def statuses(drafts):
    """A Status for each draft, with the newest review of each submitted page read in two queries."""
    drafts = list(drafts)
    page_ids = [str(draft.case_study_id) for draft in drafts if draft.case_study_id]
    newest, rejections = {}, {}
    if page_ids:
        page_type = ContentType.objects.get_for_model(Page)
        for state in WorkflowState.objects.filter(base_content_type=page_type, object_id__in=page_ids).order_by(
            "-created_at", "-pk"
        ):
            newest.setdefault(state.object_id, state)
        # The reviewer's comment: the newest task state of a review that ended in "changes requested"
        # (moderation.decisions.latest_request_for_changes, for many pages at once).
        for task_state in (
            TaskState.objects.filter(workflow_state__in=[state.pk for state in newest.values()])
            .select_related("finished_by")
            .order_by("-started_at", "-pk")
        ):
            rejections.setdefault(task_state.workflow_state_id, task_state)
    result = []
    for draft in drafts:
        state = newest.get(str(draft.case_study_id)) if draft.case_study_id else None
        latest_task = rejections.get(state.pk) if state is not None else None
        rejection = latest_task if latest_task is not None and latest_task.status == TaskState.STATUS_REJECTED else None
        result.append(Status(draft, state, rejection))
    return result


def status_of(draft):
    return statuses([draft])[0]
