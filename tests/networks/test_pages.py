"""Wagtail's own page checks for every network page type."""

import io
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from home.models import HomePage
from networks.factories import (
    GatheringFactory,
    NetworkDocumentFactory,
    NetworkExpectationFactory,
    NetworkFacilitatorFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkSpokespersonFactory,
    NetworkUpdatePageFactory,
)
from networks.models import NetworkIndexPage, NetworkPage, NetworkUpdatePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from tests.utils import PageTestCase, login_with_second_factor

UPDATE_BODY = streamfield(
    [
        ("paragraph", rich_text("<p>The teams presented their projects.</p>")),
        ("quote", {"text": "We learnt from each other.", "attribution": "Nurse, Ålesund"}),
    ]
)


class TestNetworkPageTypes(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("setup_site", stdout=io.StringIO())
        home = HomePage.objects.get(locale__language_code="en")
        directory = ResourcePersonIndexPageFactory(parent=home)
        cls.index = NetworkIndexPageFactory(parent=home)
        cls.network = NetworkPageFactory(parent=cls.index, title="Welfare technology network")
        person = ResourcePersonPageFactory(parent=directory, title="Astrid Holm")
        member = NetworkMemberFactory(page=cls.network, team="Home care North")
        NetworkFacilitatorFactory(page=cls.network, person=person)
        NetworkSpokespersonFactory(
            page=cls.network,
            person=ResourcePersonPageFactory(parent=directory, title="Bo Ek"),
            organisation=member.organisation,
        )
        GatheringFactory(page=cls.network, start=datetime(2030, 3, 1, 8, tzinfo=UTC))
        NetworkExpectationFactory(page=cls.network, phrase="share experience", weight=4)
        NetworkDocumentFactory(page=cls.network)
        cls.update = NetworkUpdatePageFactory(parent=cls.network, title="Experience conference")
        cls.superuser = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")

    def setUp(self):
        login_with_second_factor(self.client, self.superuser)

    def test_page_tree(self):
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, {NetworkUpdatePage})
        self.assertAllowedParentPageTypes(NetworkUpdatePage, {NetworkPage})
        self.assertAllowedSubpageTypes(NetworkUpdatePage, set())
        self.assertCanNotCreateAt(HomePage, NetworkPage)
        self.assertCanNotCreateAt(NetworkIndexPage, NetworkUpdatePage)

    def test_index_is_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)

    def test_network_is_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.network)
        self.assertPageIsRoutable(self.network, route_path="calendar/")
        self.assertPageIsRenderable(self.network)
        self.assertPageIsRenderable(self.network, route_path="calendar/")
        self.assertPageIsPreviewable(self.network)

    def test_update_is_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.update)
        self.assertPageIsRenderable(self.update)
        self.assertPageIsPreviewable(self.update, post_data=self.edit_form_data(self.update, body=UPDATE_BODY))

    def edit_form_data(self, page, **fields):
        """The edit form as the admin sends it; a StreamField is drawn by JavaScript, so it is added here."""
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form").copy()
        data.update(nested_form_data(fields))
        return data

    def test_unknown_route_is_not_found(self):
        with self.assertRaises(AssertionError):
            self.assertPageIsRoutable(self.network, route_path="no-such-route/")

    def test_preview_shows_the_rows_being_edited(self):
        # The preview is built from the form, not the database: its rows must render too.
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.network.pk])).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.network.pk])
        assert self.client.post(preview_url, data).json()["is_valid"]
        preview = self.client.get(preview_url).content.decode()
        assert "Astrid Holm" in preview
        assert "Home care North" in preview
        assert "share experience" in preview
