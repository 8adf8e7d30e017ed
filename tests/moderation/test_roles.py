import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, WorkflowPage

from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory
from people.factories import ResourcePersonPageFactory
from portal.roles import RESOURCE_PERSONS
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
