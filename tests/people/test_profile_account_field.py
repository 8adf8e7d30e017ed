"""Only administrators choose which account a profile belongs to (people/admin_forms.py).

The account link is what lets someone edit a profile, so a resource person sees only their own account
in the field, and a forged choice of another is refused with a message that says why.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal import roles
from portal.factories import UserFactory
from tests.people.test_own_profile import edit_post_data
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_profile(directory, person, resource_user, site_tree):
    call_command("setup_roles", stdout=io.StringIO())
    person.user = resource_user
    person.save_revision().publish()
    return person


@pytest.fixture
def someone_else(db):
    return UserFactory(username="signe", first_name="Signe", last_name="Berg", role=roles.EMPLOYEES)


def account_choices(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    return {user.username for user in form.fields["user"].queryset}


def test_a_resource_person_sees_only_their_own_account(client, own_profile, resource_user, someone_else):
    client.force_login(resource_user)
    assert account_choices(client, own_profile) == {"rasmus"}


def test_an_administrator_chooses_from_every_account(admin_client, admin_user, own_profile, someone_else):
    assert {"rasmus", "signe", admin_user.username} <= account_choices(admin_client, own_profile)


def test_communications_do_not_choose_other_accounts_either(client, own_profile, someone_else):
    editor = UserFactory(username="kaja", role=roles.COMMUNICATIONS)
    login_with_second_factor(client, editor)
    assert account_choices(client, own_profile) == {"rasmus", "kaja"}


def test_a_forged_account_is_refused_with_a_message(client, own_profile, resource_user, someone_else):
    client.force_login(resource_user)
    url = reverse("wagtailadmin_pages:edit", args=[own_profile.pk])
    response = client.post(url, edit_post_data(own_profile, user=someone_else.pk, job_title="Taken over"))
    assert response.status_code == 200
    assert "You can link a profile only to your own account" in response.content.decode()
    own_profile.refresh_from_db()
    assert own_profile.get_latest_revision_as_object().user_id == resource_user.pk
    assert own_profile.get_latest_revision_as_object().job_title != "Taken over"


def test_leaving_the_field_empty_keeps_the_owner(client, own_profile, resource_user):
    client.force_login(resource_user)
    url = reverse("wagtailadmin_pages:edit", args=[own_profile.pk])
    response = client.post(url, edit_post_data(own_profile, user="", job_title="Senior care coordinator"))
    assert response.status_code == 302
    own_profile.refresh_from_db()
    draft = own_profile.get_latest_revision_as_object()
    assert draft.job_title == "Senior care coordinator"
    assert draft.user_id == resource_user.pk


def test_an_administrator_links_another_account(admin_client, own_profile, someone_else):
    url = reverse("wagtailadmin_pages:edit", args=[own_profile.pk])
    response = admin_client.post(url, edit_post_data(own_profile, user=someone_else.pk))
    assert response.status_code == 302
    own_profile.refresh_from_db()
    assert own_profile.get_latest_revision_as_object().user_id == someone_else.pk
