"""Resource persons edit their own case studies and templates only; Wagtail's default groups are gone."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from casestudies.factories import CaseStudyPageFactory
from methods.factories import ShareableTemplatePageFactory
from people.factories import ResourcePersonPageFactory
from portal import roles
from tests.moderation.conftest import client_for


def test_wagtails_default_groups_are_gone_after_migrate_and_after_setup(db):
    # The test database is made by `migrate`, as a fresh installation is.
    assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()
    call_command("setup_site", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLE_PERMISSIONS)


def test_a_resource_person_edits_what_they_wrote_or_are_the_contact_of(
    resource_user, resource_profile, people_index, case_index, library, communications_user
):
    colleague = ResourcePersonPageFactory(parent=people_index, title="Signe Berg")
    own = [
        CaseStudyPageFactory(parent=case_index, title="Written by Rune", owner=resource_user),
        CaseStudyPageFactory(parent=case_index, title="Rune is a contact", contact_persons=[resource_profile]),
        CaseStudyPageFactory(parent=case_index, title="Rune owns the content", content_owner=resource_profile),
        ShareableTemplatePageFactory(parent=library, title="Rune's agenda", publisher=resource_profile),
        ShareableTemplatePageFactory(parent=library, title="Rune keeps it", content_owner=resource_profile),
    ]
    others = [
        CaseStudyPageFactory(
            parent=case_index, title="Signe's case", contact_persons=[colleague], content_owner=colleague
        ),
        ShareableTemplatePageFactory(parent=library, title="Signe's agenda", publisher=colleague),
    ]
    for page in own:
        permissions = page.permissions_for_user(resource_user)
        assert permissions.can_edit(), page.title
        assert not permissions.can_publish(), page.title
    for page in others:
        permissions = page.permissions_for_user(resource_user)
        assert not (permissions.can_edit() or permissions.can_copy() or permissions.can_move()), page.title
        assert page.permissions_for_user(communications_user).can_edit(), page.title
    # The index pages themselves are Communications' to edit; resource persons only add to them.
    assert not case_index.permissions_for_user(resource_user).can_edit()
    assert case_index.permissions_for_user(resource_user).can_add_subpage()

    # The explorer offers editing one's own case studies only.
    explorer = client_for(resource_user).get(reverse("wagtailadmin_explore", args=[case_index.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[own[1].pk]) in explorer
    assert "Signe&#x27;s case" in explorer
    assert reverse("wagtailadmin_pages:edit", args=[others[0].pk]) not in explorer


def test_even_a_broad_change_grant_does_not_open_someone_elses_case_study(
    resource_user, resource_profile, people_index, case_index
):
    """A grant an administrator adds by hand still stops at the own-pages rule, in every view and bulk action."""
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=roles.RESOURCE_PERSONS),
        page=case_index,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    colleague = ResourcePersonPageFactory(parent=people_index, title="Signe Berg")
    other = CaseStudyPageFactory(parent=case_index, title="Signe's case", contact_persons=[colleague], live=False)
    client = client_for(resource_user)
    home = reverse("wagtailadmin_home")
    for name in ["edit", "copy", "move", "delete", "history"]:
        response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[other.pk]))
        assert (response.status_code, response["Location"]) == (302, home), name
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    # Wagtail leaves out the pages the user may not delete, and says so by deleting nothing.
    client.post(f"{bulk_delete}?id={other.pk}&next=/admin/pages/", {})
    assert Page.objects.filter(pk=other.pk).exists()
