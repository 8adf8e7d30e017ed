import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from casestudies.factories import CaseStudyIndexPageFactory
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory
from methods.models import ShareableTemplatePage
from people.factories import ResourcePersonPageFactory
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS, RESOURCE_PERSONS
from tests.moderation.conftest import client_for


def test_setup_roles_is_idempotent_and_reaches_every_locale(roles):
    sv_home = HomePage.objects.get(locale=Locale.objects.get(language_code="sv"))
    sv_library = ShareableTemplateIndexPageFactory(parent=sv_home, slug="mallar")
    call_command("setup_roles", stdout=io.StringIO())
    counts = (GroupPagePermission.objects.count(), WorkflowPage.objects.count(), Group.objects.count())
    call_command("setup_roles", stdout=io.StringIO())
    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count(), Group.objects.count()) == counts

    resource_persons = Group.objects.get(name=RESOURCE_PERSONS)
    assert GroupPagePermission.objects.filter(group=resource_persons, page=sv_library).exists()
    assert not GroupPagePermission.objects.filter(group=resource_persons, permission__codename="publish_page").exists()
    assigned = set(
        WorkflowPage.objects.filter(workflow__name="Communications review").values_list(
            "page__locale__language_code", flat=True
        )
    )
    assert assigned == {"en", "sv", "nb", "da", "nl"}


def wagtails_default_workflow():
    """ "Moderators approval" as Wagtail's migration 0048 leaves it once Erfa's migration removed the Moderators
    group: active, on the root page, its one task approved by no group. Made here if this database lacks it."""
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderators approval", active=True)
        task = GroupApprovalTask.objects.create(name="Moderators approval", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return workflow


def test_setup_roles_deactivates_wagtails_default_workflow_and_says_so_once(library, case_index, people_index):
    default = wagtails_default_workflow()
    assert default.active and WorkflowPage.objects.filter(workflow=default).exists()

    first = run_setup_roles()
    default.refresh_from_db()
    assert not default.active
    assert not WorkflowPage.objects.filter(workflow=default).exists()
    assert not default.tasks.filter(active=True).exists()
    ours = Workflow.objects.get(name="Communications review")
    assert ours.active
    assert WorkflowPage.objects.filter(workflow=ours).count() == 5
    assert first.count("Deactivated Wagtail's default workflow") == 1
    assert 'Deactivated Wagtail\'s default workflow "Moderators approval" (it was assigned to 1 page(s))' in first

    second = run_setup_roles()
    assert "Deactivated" not in second
    assert "Updated" not in second and "Created" not in second
    assert "assigned to" not in second
    assert "Group Communications unchanged" in second
    assert "Page permissions: 0 added, 0 removed" in second
    assert "Collection permissions: 0 added, 0 removed" in second
    assert 'Workflow "Communications review" unchanged; covers 5 home page(s)' in second


def test_setup_roles_reports_what_it_repairs(roles):
    communications = Group.objects.get(name=COMMUNICATIONS)
    communications.permissions.remove(Permission.objects.get(codename="add_topic"))
    WorkflowPage.objects.filter(page__locale__language_code="sv").delete()
    output = run_setup_roles()
    assert f"Updated group {COMMUNICATIONS}: 1 permission(s) added, 0 removed" in output
    assert f"Group {RESOURCE_PERSONS} unchanged" in output
    assert 'Workflow "Communications review" assigned to 1 more home page(s); covers 5 home page(s)' in output


def run_setup_roles():
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    return out.getvalue()


def test_employees_get_no_admin(employee_client, roles):
    for url in ["/admin/", reverse("wagtailadmin_pages:add_subpage", args=[2]), "/admin/documents/"]:
        response = employee_client.get(url)
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("wagtailadmin_login")), url


def test_a_resource_person_edits_their_own_profile_and_no_other(resource_profile, resource_user, people_index):
    other = ResourcePersonPageFactory(parent=people_index, title="Signe Berg")
    client = client_for(resource_user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[resource_profile.pk])).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert response.status_code in {302, 403}
    assert not other.permissions_for_user(resource_user).can_edit()
    assert not resource_profile.permissions_for_user(resource_user).can_publish()


def test_facilitators_edit_only_their_own_networks(home, facilitator_user, people_index):
    from networks.factories import NetworkIndexPageFactory, NetworkPageFactory, NetworkUpdatePageFactory
    from networks.models import NetworkFacilitator

    index = NetworkIndexPageFactory(parent=home)
    call_command("setup_roles", stdout=io.StringIO())
    profile = ResourcePersonPageFactory(parent=people_index, title="Frida Holmquist", user=facilitator_user)
    own = NetworkPageFactory(parent=index, title="Own network")
    NetworkFacilitator.objects.create(page=own, person=profile, locale=own.locale)
    other = NetworkPageFactory(parent=index, title="Other network")
    own_update = NetworkUpdatePageFactory(parent=own)
    other_update = NetworkUpdatePageFactory(parent=other)

    assert own.permissions_for_user(facilitator_user).can_edit()
    assert own_update.permissions_for_user(facilitator_user).can_edit()
    assert own.permissions_for_user(facilitator_user).can_add_subpage()
    assert not own.permissions_for_user(facilitator_user).can_publish()
    assert not other.permissions_for_user(facilitator_user).can_edit()
    assert not other_update.permissions_for_user(facilitator_user).can_edit()
    client = client_for(facilitator_user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in {302, 403}


def test_communications_see_the_site_history(communications_user, library):
    library.save_revision(user=communications_user, log_action=True)
    response = client_for(communications_user).get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "Templates" in response.content.decode()


def test_setup_roles_removes_grants_it_did_not_define(roles, library):
    resource_persons = Group.objects.get(name=RESOURCE_PERSONS)
    stray = GroupPagePermission.objects.create(
        group=resource_persons, page=library, permission=Permission.objects.get(codename="publish_page")
    )
    collection = Collection.get_first_root_node().add_child(name="Somewhere else")
    stray_collection = GroupCollectionPermission.objects.create(
        group=resource_persons, collection=collection, permission=Permission.objects.get(codename="add_document")
    )
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert not GroupPagePermission.objects.filter(pk=stray.pk).exists()
    assert not GroupCollectionPermission.objects.filter(pk=stray_collection.pk).exists()
    assert "Page permissions: 0 added, 1 removed" in out.getvalue()
    # What the roles declare is still there.
    assert GroupPagePermission.objects.filter(group=resource_persons, page=library, permission__codename="add_page")


def test_setup_roles_retires_wagtails_default_groups_and_keeps_their_members(roles):
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderator = UserFactory(username="mona")
    editor = UserFactory(username="eddie")
    moderator.groups.add(moderators)
    editor.groups.add(editors)
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert list(moderator.groups.values_list("name", flat=True)) == [COMMUNICATIONS]
    assert list(editor.groups.values_list("name", flat=True)) == [RESOURCE_PERSONS]
    assert "moved mona to Communications" in out.getvalue()
    assert "moved eddie to Resource persons" in out.getvalue()


def test_a_new_index_page_and_a_new_locale_get_the_roles_without_running_setup_roles(roles):
    resource_persons = Group.objects.get(name=RESOURCE_PERSONS)
    swedish_home = HomePage.objects.get(locale__language_code="sv")
    swedish_cases = CaseStudyIndexPageFactory(parent=swedish_home, slug="fall")
    assert set(
        GroupPagePermission.objects.filter(group=resource_persons, page=swedish_cases).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page"}

    # A sixth language: its home page is covered by the review as soon as it exists.
    finnish = Locale.objects.create(language_code="fi")
    english_home = HomePage.objects.get(locale__language_code="en")
    finnish_home = english_home.copy_for_translation(finnish)
    assert WorkflowPage.objects.get(page=finnish_home).workflow.name == "Communications review"


def test_only_a_reviewer_learns_that_an_old_review_step_was_decided(library, resource_user, facilitator_user):
    from tests.moderation.test_template_journey import template_form, upload

    author = client_for(resource_user)
    document = upload(author, "notes.txt", b"Notes")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document), "action-submit": "Submit"})
    page = ShareableTemplatePage.objects.get(title="Agenda for reflection meetings")
    task_state = page.current_workflow_task_state
    task_state.reject(user=None, comment="Shorter, please")
    author.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**template_form(document), "action-submit": "1"})
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client_for(facilitator_user).get(url, follow=True)
    assert "has already been decided" not in response.content.decode()
    assert "Agenda for reflection meetings" not in response.content.decode()
