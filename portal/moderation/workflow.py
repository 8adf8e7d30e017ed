"""The one workflow every page goes through: "Communications review".

It is assigned to the home page of every locale, so it covers new pages, edits and translations
(a translation lives under its own locale's home page, not under the default one's).
"""

from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from portal.roles import MODERATORS

WORKFLOW_NAME = "Communications review"
TASK_NAME = "Communications approval"


def setup_workflow():
    """Create (or repair) the workflow and assign it to each locale's home page. Safe to run again."""
    moderators = Group.objects.get(name=MODERATORS)
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

    home_pages = home_pages_of_every_locale()
    for page in home_pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow, home_pages


def home_pages_of_every_locale():
    """One home page per locale, as setup_site creates them (found by model: portal may not import home)."""
    home_page = apps.get_model("home", "HomePage")
    return list(Page.objects.type(home_page).order_by("path"))
