import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory, SpokenLanguageFactory
from people.models import ResourcePersonIndexPage, ResourcePersonPage
from tests.utils import PageTestCase, login_with_second_factor


@pytest.fixture
def directory(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    return ResourcePersonIndexPageFactory(parent=home)


@pytest.mark.django_db
class TestPageTree(PageTestCase):
    def test_directory_lives_under_home_and_holds_profiles(self):
        self.assertAllowedParentPageTypes(ResourcePersonIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourcePersonIndexPage, {ResourcePersonPage})
        self.assertAllowedSubpageTypes(ResourcePersonPage, set())


class TestProfilePage(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("setup_site", stdout=io.StringIO())
        home = HomePage.objects.get(locale__language_code="en")
        directory = ResourcePersonIndexPageFactory(parent=home)
        cls.person = ResourcePersonPageFactory(parent=directory, title="Sigrid Lunde", phone="+47 22 33 44 55")
        SpokenLanguageFactory(person=cls.person, language="nb")
        cls.superuser = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")

    def setUp(self):
        login_with_second_factor(self.client, self.superuser)

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.person)
        self.assertPageIsRenderable(self.person)
        self.assertPageIsPreviewable(self.person)

    def test_profile_shows_contact_links_and_languages(self):
        html = self.client.get(self.person.url).content.decode()
        assert "Sigrid Lunde" in html
        assert 'href="tel:+4722334455"' in html
        assert "Norwegian" in html


@pytest.mark.django_db
def test_hidden_people_are_left_out_of_the_directory(directory, employee_client):
    ResourcePersonPageFactory(parent=directory, title="Visible Person")
    ResourcePersonPageFactory(parent=directory, title="Hidden Person", hidden_from_directory=True)
    html = employee_client.get(directory.url).content.decode()
    assert "Visible Person" in html
    assert "Hidden Person" not in html


@pytest.mark.django_db
def test_review_due_follows_the_interval(directory):
    person = ResourcePersonPageFactory(parent=directory, last_reviewed=date(2025, 1, 31), review_interval_months=1)
    assert person.review_due == date(2025, 2, 28)
    assert person.is_review_overdue(today=date(2025, 3, 1))
    assert not person.is_review_overdue(today=date(2025, 2, 1))
