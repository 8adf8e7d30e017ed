"""A method and a case study under the English home page, their owner and contact person with accounts."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.users.models import UserProfile

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal import roles
from portal.factories import EmployeeFactory, UserFactory


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def directory(home):
    return ResourcePersonIndexPageFactory(parent=home)


@pytest.fixture
def owner(directory):
    user = EmployeeFactory(username="olle", first_name="Olle", last_name="Berg", email="olle@example.org")
    ResourcePersonPageFactory(parent=directory, title="Olle Berg", user=user, email="olle.berg@example.org")
    return user


@pytest.fixture
def owner_profile(owner):
    return owner.resource_person_profiles.get()


@pytest.fixture
def method(home, owner_profile):
    index = MethodIndexPageFactory(parent=home)
    return MethodPageFactory(parent=index, title="Reflection meeting", content_owner=owner_profile)


@pytest.fixture
def contact(directory):
    user = EmployeeFactory(username="karin", first_name="Karin", last_name="Lind", email="karin@example.org")
    ResourcePersonPageFactory(parent=directory, title="Karin Lind", user=user, email="karin.lind@example.org")
    return user


@pytest.fixture
def case_study(home, owner_profile, contact):
    index = CaseStudyIndexPageFactory(parent=home)
    return CaseStudyPageFactory(
        parent=index,
        title="Reflection after customer meetings",
        content_owner=owner_profile,
        contact_persons=[contact.resource_person_profiles.get()],
    )


@pytest.fixture
def reader(db):
    return EmployeeFactory(username="rut", first_name="Rut", last_name="Nyberg", email="rut@example.org")


@pytest.fixture
def reader_client(reader):
    return client_of(reader)


@pytest.fixture
def other_reader(db):
    # In the same groups as `reader`: the same permission class in the page cache.
    return EmployeeFactory(username="sam", first_name="Sam", last_name="Ek", email="sam@example.org")


@pytest.fixture
def moderator(db):
    # The roles' groups with their permissions (admin access for Communications).
    call_command("setup_roles", stdout=io.StringIO())
    return UserFactory(username="cecilia", first_name="Cecilia", last_name="Moe", role=roles.COMMUNICATIONS)


def discussion_url(page, language="en"):
    return f"/{language}/discussion/{page.pk}/"
