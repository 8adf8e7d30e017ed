"""The root page and root collection are named "Erfa" in the admin, not Wagtail's English "Root"."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Collection, Page
from wagtail.users.models import UserProfile

from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_the_root_page_and_collection_are_named_erfa_in_a_danish_admin(client, site_tree):
    assert Page.get_first_root_node().title == "Erfa" and Collection.get_first_root_node().name == "Erfa"
    user = get_user_model().objects.create_superuser("ada", "ada@example.org", "x")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "da"})
    login_with_second_factor(client, user)
    for address in (reverse("wagtailadmin_explore_root"), reverse("wagtaildocs:index")):
        html = client.get(address).content.decode()
        assert "Erfa" in html and ">Root<" not in html and "»Root«" not in html and ": Root" not in html, address
