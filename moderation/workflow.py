"""The one workflow every page goes through: "Communications review".

It is assigned to the home page of every locale, so it covers new pages, edits and translations
(a translation lives under its own locale's home page, not under the default one's). A locale's home
page is its top-level page (depth 2): portal finds it by place in the tree, not by model, because the
home page type belongs to a higher app.
"""

from django.utils.translation import gettext_noop
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

# Stored in English (the msgid) and shown in each reader's language: see names.py.
WORKFLOW_NAME = gettext_noop("Communications review")
TASK_NAME = gettext_noop("Communications approval")
HOME_PAGE_DEPTH = 2


def setup_workflow(moderators):
    """Create (or repair) the workflow with `moderators` approving, and assign it to each locale's home page."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([moderators])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    # Through WorkflowTask's own manager: the ParentalKey manager on the workflow defers writes.
    if list(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True)) != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    home_pages = list(Page.objects.filter(depth=HOME_PAGE_DEPTH).order_by("path"))
    for page in home_pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow, home_pages


def cover_with_workflow(home_page):
    """Assign the review workflow to a new home page, once setup_roles has created the workflow."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": workflow})
