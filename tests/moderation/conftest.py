import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from casestudies.factories import CaseStudyIndexPageFactory
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS, NETWORK_FACILITATORS, RESOURCE_PERSONS


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def library(home):
    return ShareableTemplateIndexPageFactory(parent=home)


@pytest.fixture
def case_index(home):
    return CaseStudyIndexPageFactory(parent=home)


@pytest.fixture
def people_index(home):
    return ResourcePersonIndexPageFactory(parent=home)


@pytest.fixture
def roles(library, case_index, people_index):
    """The roles and the workflow, granted on the index pages that exist, as `make run` leaves them."""
    call_command("setup_roles", stdout=io.StringIO())


def member_of(group_name, username, **kwargs):
    user = UserFactory(username=username, email=f"{username}@example.org", **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def resource_user(roles):
    return member_of(RESOURCE_PERSONS, "rune", first_name="Rune", last_name="Aasvik")


@pytest.fixture
def resource_profile(resource_user, people_index):
    return ResourcePersonPageFactory(parent=people_index, title="Rune Aasvik", user=resource_user)


@pytest.fixture
def communications_user(roles):
    return member_of(COMMUNICATIONS, "kaja", first_name="Kaja", last_name="Verhoef")


@pytest.fixture
def facilitator_user(roles):
    return member_of(NETWORK_FACILITATORS, "frida", first_name="Frida", last_name="Holmquist")


def client_for(user):
    from django.test import Client

    from tests.utils import login_with_second_factor

    return login_with_second_factor(Client(), user)
