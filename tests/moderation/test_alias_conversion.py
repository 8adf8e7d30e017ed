"""Turning a page into an alias publishes the source's content past the review: only publishers may.

A resource person is offered "Convert to alias page" nowhere (the translation editor, the editor's
action menu) and its URL refuses them; Communications and administrators keep it.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.moderation.conftest import client_for
from tests.moderation.test_translation_flow import start_translation

pytestmark = pytest.mark.django_db

LABEL = "Convert to alias page"


@pytest.fixture
def swedish_profile(resource_user, resource_profile):
    """The resource person's own profile, translated into Swedish by themselves."""
    return start_translation(client_for(resource_user), resource_profile, url_name="erfa_translate_page")


def editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_translation_editor_offers_alias_conversion_to_publishers_only(
    swedish_profile, resource_user, communications_user, admin_client
):
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[swedish_profile.pk])
    assert convert_url not in editor(client_for(resource_user), swedish_profile)
    assert convert_url in editor(client_for(communications_user), swedish_profile)
    assert convert_url in editor(admin_client, swedish_profile)


def test_the_editors_menu_offers_alias_conversion_to_publishers_only(
    swedish_profile, resource_user, communications_user, admin_client
):
    # Once the translation no longer follows its source, the page opens in the ordinary editor.
    Translation.objects.filter(target_locale=swedish_profile.locale).update(enabled=False)
    html = editor(client_for(resource_user), swedish_profile)
    assert 'id="page-edit-form"' in html
    assert LABEL not in html and 'name="localize-convert-to-alias"' not in html
    assert 'name="localize-convert-to-alias"' in editor(client_for(communications_user), swedish_profile)
    assert 'name="localize-convert-to-alias"' in editor(admin_client, swedish_profile)


def test_the_convert_to_alias_url_refuses_a_resource_person(swedish_profile, resource_user, communications_user):
    url = reverse("wagtail_localize:convert_to_alias", args=[swedish_profile.pk])
    author = client_for(resource_user)
    assert author.get(url).status_code == 403
    assert author.post(url).status_code == 403
    assert Page.objects.get(pk=swedish_profile.pk).alias_of_id is None
    # Communications may: it asks for a confirmation first.
    response = client_for(communications_user).get(url)
    assert response.status_code == 200
    assert Page.objects.get(pk=swedish_profile.pk).alias_of_id is None


def test_wagtails_alias_to_page_conversion_follows_the_same_rule(resource_user, resource_profile, admin_client):
    alias = resource_profile.create_alias(update_slug="rune-aasvik-alias")
    url = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    response = client_for(resource_user).post(url)
    assert response.status_code in {302, 403}
    assert Page.objects.get(pk=alias.pk).alias_of_id == resource_profile.pk
    response = admin_client.post(url)
    assert response.status_code == 302
    assert Page.objects.get(pk=alias.pk).alias_of_id is None
