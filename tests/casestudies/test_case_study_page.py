import datetime
import io

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage
from portal.factories import OrganisationFactory, TopicFactory
from tests.casestudies.conftest import Related, count_queries, english_home, preview_form_data
from tests.utils import PageTestCase, login_with_second_factor


class TestCaseStudyPageType(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("setup_site", stdout=io.StringIO())
        cls.related = related = Related(english_home())
        cls.index = CaseStudyIndexPageFactory(parent=related.home)
        cls.case_study = CaseStudyPageFactory(
            parent=cls.index,
            title="Developing reflection at the advice unit",
            organisations=[OrganisationFactory(name="Avtalsrådet")],
            methods_used=[related.method(title="Team reflection on working methods")],
            shareable_templates_used=[related.template(title="After-meeting reflection guide")],
            contact_persons=[related.person(title="Maja Lindqvist", job_title="Head of unit")],
            network=related.network(title="Knowledge-sharing network South"),
        )
        cls.superuser = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")

    def setUp(self):
        login_with_second_factor(self.client, self.superuser)

    def test_page_tree(self):
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_index_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)

    def test_case_study_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.case_study)
        self.assertPageIsRenderable(self.case_study)
        self.assertPageIsPreviewable(self.case_study, post_data=preview_form_data(self.client, self.case_study))

    def test_page_tells_the_whole_story(self):
        html = self.client.get(self.case_study.url).content.decode()
        for text in [
            "Developing reflection at the advice unit",
            "An advisory unit with specialists",  # context
            "Sharing what the specialists know",  # challenge
            "First reflection round",  # a milestone in what was done
            "Teams now choose a reflection",  # results
            "What do we do best when this happens?",
            "What can we learn?",
            "What do we keep or develop?",
            "Thinking together, and forward rather than back.",
            "Avtalsrådet",
            "January 2023 – December 2023",
        ]:
            assert text in html, text
        assert "A shared model for dialogue has been really valuable." in html
        assert "<figcaption>— Head of unit, Knowledge and support</figcaption>" in html

    def test_page_links_its_methods_templates_network_and_contacts(self):
        html = self.client.get(self.case_study.url).content.decode()
        method = self.case_study.methods_used.get()
        template = self.case_study.shareable_templates_used.get()
        person = self.case_study.contact_persons.get()
        assert f'href="{method.url}">Team reflection on working methods</a>' in html
        assert f'href="{template.url}">After-meeting reflection guide</a>' in html
        # The template's format by its name, not its stored code ("text_document").
        assert '<span class="meta">· Text document (Word, OpenDocument)</span>' in html and "text_document" not in html
        assert f'href="{self.case_study.network.url}">Knowledge-sharing network South</a>' in html
        # The compact person card, with the person's role.
        assert 'class="person-card"' in html
        assert f'<a href="{person.url}">Maja Lindqvist</a>' in html

    def test_preview_shows_what_is_in_the_form(self):
        # The preview is built from the editor's unsaved choices, not from the database.
        other = self.related.person(title="Ola Nordmann")
        data = preview_form_data(self.client, self.case_study)
        assert data.getlist("contact_persons") == [str(self.case_study.contact_persons.get().pk)]
        data.setlist("contact_persons", [str(other.pk)])
        data["quote_role"] = "Team leader"
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.case_study.pk])
        assert self.client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
        html = self.client.get(preview_url).content.decode()
        assert "Ola Nordmann" in html
        assert "Maja Lindqvist" not in html
        assert "— Team leader, Knowledge and support" in html
        assert "First reflection round" in html


@pytest.fixture
def full_case_study(index, related):
    return CaseStudyPageFactory(
        parent=index,
        methods_used=[related.method(title="Learning network method")],
        shareable_templates_used=[related.template(title="Before-meeting template")],
        contact_persons=[related.person(title="Sigrid Lunde")],
        network=related.network(title="Welfare technology network"),
    )


def relation_titles(page, client):
    html = client.get(page.url).content.decode()
    return {
        title: title in html
        for title in [
            "Learning network method",
            "Before-meeting template",
            "Sigrid Lunde",
            "Welfare technology network",
        ]
    }


@pytest.mark.django_db
def test_unpublished_related_pages_drop_out(full_case_study, employee_client):
    assert all(relation_titles(full_case_study, employee_client).values())
    for page in [
        full_case_study.methods_used.get(),
        full_case_study.shareable_templates_used.get(),
        full_case_study.contact_persons.get(),
        full_case_study.network,
    ]:
        page.unpublish()
    response = employee_client.get(full_case_study.url)
    assert response.status_code == 200
    assert not any(relation_titles(full_case_study, employee_client).values())


@pytest.mark.django_db
def test_deleted_related_pages_never_break_the_page(full_case_study, employee_client):
    for page in [
        full_case_study.methods_used.get(),
        full_case_study.shareable_templates_used.get(),
        full_case_study.contact_persons.get(),
        full_case_study.network,
    ]:
        page.delete()
    full_case_study.refresh_from_db()
    assert full_case_study.network is None
    response = employee_client.get(full_case_study.url)
    assert response.status_code == 200
    assert not any(relation_titles(full_case_study, employee_client).values())
    assert "What do we do best when this happens?" in response.content.decode()


@pytest.mark.django_db
def test_empty_case_study_renders_without_empty_sections(index, employee_client):
    page = CaseStudyPageFactory(
        parent=index,
        context="",
        challenge="",
        what_was_done=[],
        results="",
        lesson_what_we_do_best="",
        lesson_what_we_can_learn="",
        lesson_what_to_keep_or_develop="",
        quote_text="",
        period_start=None,
        period_end=None,
    )
    html = employee_client.get(page.url).content.decode()
    # The case study's own sections (the parts other apps add at the end, such as questions, have theirs).
    assert 'aria-labelledby="cs-' not in html
    assert "blockquote" not in html


@pytest.mark.django_db
def test_period_cannot_end_before_it_starts(index):
    page = CaseStudyPageFactory.build(period_start=datetime.date(2024, 5, 1), period_end=datetime.date(2024, 4, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "period_end" in error.value.message_dict


def make_case_study_with(index, related, count):
    """A case study with `count` contact persons (with photos), methods, templates and organisations."""
    topic = TopicFactory()
    return CaseStudyPageFactory(
        parent=index,
        topics=[topic],
        organisations=[OrganisationFactory() for _ in range(count)],
        methods_used=[related.method() for _ in range(count)],
        shareable_templates_used=[related.template() for _ in range(count)],
        contact_persons=[related.person(photo=wagtail_factories.ImageFactory(), topics=[topic]) for _ in range(count)],
        network=related.network(),
        content_owner=related.person(),
    )


@pytest.mark.django_db
def test_query_count_does_not_grow_with_relations(index, related, employee_client, django_assert_num_queries):
    few = make_case_study_with(index, related, 3)
    many = make_case_study_with(index, related, 30)
    expected = count_queries(employee_client, few.url)
    employee_client.get(many.url)  # Warm: renditions are made on the first view.
    with django_assert_num_queries(expected):
        html = employee_client.get(many.url).content.decode()
    assert html.count('class="person-card"') == 30
    # 4 of them are every page's (session, user, locale, view restrictions) and 1 the questions and
    # comments at its end (discussion.rules.threads). Its lists and cards come from the shared parts
    # (portal.fragments), and so do the restrictions the reader fails, which the cards are checked against.
    assert expected == 5
