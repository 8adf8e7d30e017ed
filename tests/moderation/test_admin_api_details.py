"""The translation editor names a linked page through the admin API: details of the live pages an editor may
see on the site, nothing more (portal/admin_api.py)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from methods.factories import MethodIndexPageFactory, MethodPageFactory
from tests.moderation.conftest import client_for

pytestmark = pytest.mark.django_db


def details(client, page):
    return client.get(f"/admin/api/main/pages/{page.pk}/")


def test_a_writer_gets_the_details_of_a_page_they_may_read_but_not_explore(home, resource_user):
    methods = MethodIndexPageFactory(parent=home, title="Methods")
    linked = MethodPageFactory(parent=methods, title="Reflection rounds")
    draft = MethodPageFactory(parent=methods, title="Unpublished method", live=False)
    private = MethodPageFactory(parent=methods, title="Leaders only")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Leaders"))
    writer = client_for(resource_user)

    response = details(writer, linked)
    assert response.status_code == 200
    assert response.json()["title"] == "Reflection rounds"
    # Nothing the site would not show them: not a draft, not a page restricted to others.
    for hidden in (draft, private):
        # A 404 the admin's script can read (JSON), not a redirect to a front-end page under /en/.
        response = details(writer, hidden)
        assert response.status_code == 404
        assert "message" in response.json()
    # The explorer's listings stay with the pages they may explore.
    # (Wagtail refuses a listing under a page they may not explore: 400, and no items.)
    for parent in (methods, home):
        listing = writer.get("/admin/api/main/pages/", {"child_of": parent.pk}).json()
        assert "Reflection rounds" not in [item["title"] for item in listing.get("items", [])]


def test_an_admin_address_that_names_nothing_is_not_sent_to_a_language_prefix(communications_user):
    response = client_for(communications_user).get("/admin/pages/999999/edit/")
    assert response.status_code == 404
    assert not response.has_header("Location")
