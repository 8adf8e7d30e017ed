"""A resource person edits their own profile in the admin, as a draft, and nobody else's."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from people.factories import ResourcePersonPageFactory
from portal import roles
from portal.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles_set_up(site_tree):
    call_command("setup_roles", stdout=io.StringIO())


@pytest.fixture
def own_profile(directory, person, resource_user, roles_set_up):
    person.user = resource_user
    person.save_revision().publish()
    return person


@pytest.fixture
def resource_client(client, resource_user):
    client.force_login(resource_user)
    return client


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def edit_post_data(page, **changes):
    """The edit form as a browser sends it back, with some fields changed."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "job_title": page.job_title,
        "ask_me_about": page.ask_me_about,
        "unit": page.unit,
        "bio": rich_text(""),
        "email": page.email,
        "phone": page.phone,
        "location": page.location,
        "summary": page.summary,
        "review_interval_months": page.review_interval_months,
        "spoken_languages": inline_formset([]),
        "comments": inline_formset([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


def test_owner_can_open_their_profile_in_the_admin(own_profile, resource_client):
    response = resource_client.get(edit_url(own_profile))
    assert response.status_code == 200
    menu = resource_client.get("/admin/my-profile/")
    assert menu.status_code == 302
    assert menu["Location"] == edit_url(own_profile)


def test_resource_person_cannot_edit_someone_elses_profile(own_profile, directory, resource_client):
    other = ResourcePersonPageFactory(parent=directory, title="Someone Else")
    response = resource_client.get(edit_url(other))
    assert response.status_code in (302, 403)
    assert "Someone Else" not in response.content.decode()
    response = resource_client.post(edit_url(other), {"title": "Hijacked"})
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.title == "Someone Else"
    assert other.get_latest_revision_as_object().title == "Someone Else"


def test_a_broad_change_grant_still_does_not_reach_other_profiles(own_profile, directory, resource_client):
    # Should the role ever get "change" on the whole tree (for case studies, say), profiles stay personal.
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=roles.RESOURCE_PERSONS),
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    other = ResourcePersonPageFactory(parent=directory, title="Someone Else")
    resource_user = own_profile.user
    assert not other.permissions_for_user(resource_user).can_edit()
    assert own_profile.permissions_for_user(resource_user).can_edit()


def test_owner_changes_are_saved_as_drafts(own_profile, resource_client):
    perms = own_profile.permissions_for_user(own_profile.user)
    assert perms.can_edit()
    assert not perms.can_publish()
    data = edit_post_data(own_profile, job_title="Senior care coordinator")
    data["action-publish"] = "action-publish"
    response = resource_client.post(edit_url(own_profile), data)
    assert response.status_code in (200, 302)
    own_profile.refresh_from_db()
    # Publishing was not theirs to do: the live page is unchanged, the change waits as a draft.
    assert own_profile.job_title == "Care coordinator"
    data.pop("action-publish")
    response = resource_client.post(edit_url(own_profile), data)
    assert response.status_code == 302
    own_profile.refresh_from_db()
    assert own_profile.job_title == "Care coordinator"
    assert own_profile.has_unpublished_changes
    assert own_profile.get_latest_revision_as_object().job_title == "Senior care coordinator"


def test_the_profile_offers_its_owner_the_admin_only_when_the_admin_lets_them_edit_it(
    own_profile, resource_client, client
):
    html = resource_client.get(own_profile.url).content.decode()
    assert '<a href="/admin/my-profile/">Edit your profile</a>' in html
    # "No" leads to the owner's own profile in the admin (the version in their admin language), not to the
    # page being read: from a translation that opened wagtail-localize's translation editor.
    assert '<a href="/admin/my-profile/">No, edit my profile</a>' in html
    # An employee who owns a profile (a spokesperson, say) would meet the admin's login page: no link.
    employee = UserFactory(username="tove", role=roles.EMPLOYEES)
    own_profile.user = employee
    own_profile.save_revision().publish()
    client.force_login(employee)
    html = client.get(own_profile.url).content.decode()
    assert "Please confirm your details" in html and "/admin/my-profile/" not in html


def test_employees_without_a_profile_see_no_profile_menu(own_profile, employee_client):
    assert employee_client.get(edit_url(own_profile)).status_code in (302, 403)


def test_my_profile_opens_the_version_whose_photo_and_details_the_owner_can_change(
    own_profile, directory, resource_user, resource_client
):
    # A Danish-speaking owner whose profile was written in English and is kept translated into Danish:
    # the Danish version's editor only translates text ("uses the English version" for the photo and
    # contact details), so "My profile" and the profile's "Edit your profile" open the English original.
    danish = Locale.objects.get(language_code="da")
    directory.copy_for_translation(danish).save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(own_profile)
    translation = Translation.objects.create(source=source, target_locale=danish)
    translation.save_target(publish=True)
    danish_profile = own_profile.get_translation(danish)
    profile = UserProfile.get_for_user(resource_user)
    profile.preferred_language = "da"
    profile.save()

    html = resource_client.get(danish_profile.url).content.decode()
    assert '<a href="/admin/my-profile/">' in html
    menu = resource_client.get("/admin/my-profile/")
    assert menu["Location"] == edit_url(own_profile)
    assert resource_client.get(menu["Location"]).status_code == 200
    # Once the Danish version is no longer synced ("stop syncing"), the owner edits it in their language.
    translation.enabled = False
    translation.save()
    assert resource_client.get("/admin/my-profile/")["Location"] == edit_url(danish_profile)
