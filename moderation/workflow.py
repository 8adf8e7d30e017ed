"""The one workflow every page goes through: "Communications review".

It is assigned to the home page of every locale, so it covers new pages, edits and translations
(a translation lives under its own locale's home page, not under the default one's). A locale's home
page is its top-level page (depth 2): portal finds it by place in the tree, not by model, because the
home page type belongs to a higher app. Wagtail's own default workflow, "Moderators approval", which
its Moderators group approved, is deactivated: Erfa has no such group, so nobody could approve it.
"""

from django.utils.translation import gettext_noop
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

# Stored in English (the msgid) and shown in each reader's language: see names.py.
WORKFLOW_NAME = gettext_noop("Communications review")
TASK_NAME = gettext_noop("Communications approval")
HOME_PAGE_DEPTH = 2
# The workflow Wagtail's migration creates from its default "Moderators" group (see retire_wagtail_workflow).
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def setup_workflow(moderators):
    """Create (or repair) the workflow with `moderators` approving, and assign it to each locale's home page.

    Returns (workflow, home pages, what changed): the list of changes is empty when all was already so.
    """
    changes = []
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        changes.append("task created")
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
        changes.append("task reactivated")
    if set(task.groups.values_list("pk", flat=True)) != {moderators.pk}:
        task.groups.set([moderators])
        changes.append(f"approved by {moderators.name}")

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        changes.append("workflow created")
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        changes.append("workflow reactivated")
    # Through WorkflowTask's own manager: the ParentalKey manager on the workflow defers writes.
    if list(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True)) != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changes.append("task set")

    home_pages = list(Page.objects.filter(depth=HOME_PAGE_DEPTH).order_by("path"))
    covered = set(WorkflowPage.objects.filter(workflow=workflow).values_list("page_id", flat=True))
    uncovered = [page for page in home_pages if page.pk not in covered]
    for page in uncovered:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    if uncovered:
        changes.append(f"assigned to {len(uncovered)} more home page(s)")
    return workflow, home_pages, changes


def is_wagtail_default_workflow(workflow):
    """Wagtail's migration 0048 made it: named after its one group-approval task, itself named after the
    groups that could publish ("Moderators" on the root page, hence "Moderators approval")."""
    tasks = list(WorkflowTask.objects.filter(workflow=workflow).select_related("task"))
    return (
        workflow.name == WAGTAIL_DEFAULT_WORKFLOW
        and len(tasks) == 1
        and tasks[0].task.name == WAGTAIL_DEFAULT_WORKFLOW
        and tasks[0].task.specific_class is GroupApprovalTask
    )


def retire_wagtail_workflow(ours, report):
    """Deactivate Wagtail's default workflow, which nobody can approve in Erfa (its Moderators group is gone).

    Wagtail's own deactivate() cancels what is in progress in it and unassigns it from its pages; its
    task goes too, unless another active workflow uses it. Returns the workflows deactivated.
    """
    retired = []
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).exclude(pk=ours.pk):
        if not is_wagtail_default_workflow(workflow):
            continue
        pages = WorkflowPage.objects.filter(workflow=workflow).count()
        workflow.deactivate(user=None)
        for task in workflow.tasks.filter(active=True):
            if not WorkflowTask.objects.filter(task=task, workflow__active=True).exists():
                task.specific.deactivate(user=None)
        report(f'Deactivated Wagtail\'s default workflow "{workflow.name}" (it was assigned to {pages} page(s))')
        retired.append(workflow)
    return retired


def cover_with_workflow(home_page):
    """Assign the review workflow to a new home page, once setup_roles has created the workflow."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": workflow})
