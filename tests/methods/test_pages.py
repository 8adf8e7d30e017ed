import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, rich_text, streamfield

from home.models import HomePage
from methods.factories import (
    MethodHandbookFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateFileFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from tests.utils import PageTestCase, login_with_second_factor


def method_form_data(page):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "description": rich_text("<p>Look back together.</p>"),
            "motives_for_organisation": streamfield([("motive", "Fewer repeated mistakes")]),
            "motives_for_employees": streamfield([("motive", "Support from colleagues")]),
            "steps": streamfield(
                [("step", {"title": "Describe", "what_to_do": rich_text("<p>Tell.</p>"), "time_needed": "5 min"})]
            ),
            "facilitator_role": "",
            "participants_role": "",
            "group_size": "",
            "duration": "",
            "category": "methodology",
            "cost": "free",
            "cost_note": "",
            "summary": "",
            "review_interval_months": 12,
            "handbooks": inline_formset([{"title": "Handbook", "link": "https://example.org/h", "document": ""}]),
            "comments": inline_formset([]),
        }
    )


@pytest.mark.django_db
class TestPageTree(PageTestCase):
    def test_methods_live_in_the_method_index_under_home(self):
        self.assertAllowedParentPageTypes(MethodIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MethodIndexPage, {MethodPage})
        self.assertAllowedParentPageTypes(MethodPage, {MethodIndexPage})
        self.assertAllowedSubpageTypes(MethodPage, set())

    def test_templates_live_in_the_template_library_under_home(self):
        self.assertAllowedParentPageTypes(ShareableTemplateIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ShareableTemplateIndexPage, {ShareableTemplatePage})
        self.assertAllowedParentPageTypes(ShareableTemplatePage, {ShareableTemplateIndexPage})
        self.assertAllowedSubpageTypes(ShareableTemplatePage, set())


class TestPagesRenderAndPreview(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("setup_site", stdout=io.StringIO())
        home = HomePage.objects.get(locale__language_code="en")
        directory = ResourcePersonIndexPageFactory(parent=home)
        cls.owner = ResourcePersonPageFactory(parent=directory, title="Maja Holm")
        cls.method_index = MethodIndexPageFactory(parent=home)
        cls.method = MethodPageFactory(parent=cls.method_index, title="Reflection meeting", content_owner=cls.owner)
        MethodHandbookFactory(page=cls.method, title="The reflection handbook")
        cls.library = ShareableTemplateIndexPageFactory(parent=home)
        cls.template = ShareableTemplatePageFactory(
            parent=cls.library, title="Before-meeting agenda", related_method=cls.method, publisher=cls.owner
        )
        ShareableTemplateFileFactory(page=cls.template, label="Agenda (text)")
        cls.superuser = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")

    def setUp(self):
        login_with_second_factor(self.client, self.superuser)

    def test_every_type_is_routable_renderable_and_previewable(self):
        for page in (self.method_index, self.method, self.library, self.template):
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsRoutable(page)
                # Wagtail's assertions sign the client out when they finish.
                self.assertPageIsRenderable(page, user=self.superuser)
                # The edit form renders StreamFields with JavaScript, so Wagtail cannot read
                # a method's form data from the HTML: give it the data instead.
                post_data = method_form_data(page) if page.pk == self.method.pk else None
                if page.pk == self.template.pk:
                    post_data = self.template_form_data(page)
                self.assertPageIsPreviewable(page, post_data=post_data, user=self.superuser)

    def template_form_data(self, page):
        """The template's edit form as the admin sends it, with its (empty) meeting pair StreamField."""
        login_with_second_factor(self.client, self.superuser)
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form").copy()
        data.update(nested_form_data({"meeting_pair": streamfield([])}))
        return data

    def test_admin_edit_forms_show_the_tabs_and_help_text(self):
        for page, tabs in ((self.method, ["Content", "Details"]), (self.template, ["Content", "Details", "Relations"])):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200
            html = response.content.decode()
            for tab in tabs + ["Promote", "Summary and review"]:
                assert f">{tab}<" in html or f"{tab}\n" in html, tab
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.template.pk])).content.decode()
        assert "The language the files are written in" in html

    def test_routes_of_the_routable_pages_resolve(self):
        self.assertPageIsRoutable(self.method, "rate/")
        file_id = self.template.files.get().pk
        self.assertPageIsRoutable(self.template, f"download/{file_id}/")

    def test_method_page_shows_its_parts_and_related_shareable_templates(self):
        html = self.client.get(self.method.url).content.decode()
        assert "Describe what happened" in html
        assert "15 min" in html
        assert "Fewer repeated mistakes" in html
        assert "Support from colleagues" in html
        assert "The reflection handbook" in html
        assert "Before-meeting agenda" in html
        assert "No votes yet" in html
        assert "Maja Holm" in html  # the review footer names the content owner

    def test_template_page_shows_facts_file_and_preview(self):
        html = self.client.get(self.template.url).content.decode()
        assert "Agenda (text)" in html
        assert "What went well?" in html  # the text file's excerpt
        assert "Reflection meeting" in html
        assert "Maja Holm" in html
