import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS, EMPLOYEES, RESOURCE_PERSONS
from tests.utils import login_with_second_factor


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def library(home):
    return ShareableTemplateIndexPageFactory(parent=home)


@pytest.fixture
def people_index(home):
    return ResourcePersonIndexPageFactory(parent=home)


@pytest.fixture
def roles(library, people_index):
    call_command("setup_roles", stdout=io.StringIO())


def member_of(group_name, username, **kwargs):
    user = UserFactory(username=username, email=f"{username}@example.org", **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def client_for(user):
    return login_with_second_factor(Client(), user)


@pytest.fixture
def owner_user(roles):
    return member_of(RESOURCE_PERSONS, "signe", first_name="Signe", last_name="Berg")


@pytest.fixture
def owner(owner_user, people_index):
    return ResourcePersonPageFactory(parent=people_index, title="Signe Berg", user=owner_user, email="")


@pytest.fixture
def other_writer(roles):
    return member_of(RESOURCE_PERSONS, "rune", first_name="Rune", last_name="Aasvik")


@pytest.fixture
def communications_user(roles):
    return member_of(COMMUNICATIONS, "kaja", first_name="Kaja", last_name="Verhoef")


@pytest.fixture
def readers(roles):
    return (
        member_of(EMPLOYEES, "elin", first_name="Elin", last_name="Sand"),
        member_of(EMPLOYEES, "jonas", first_name="Jonas", last_name="Lund"),
    )


@pytest.fixture
def agenda(library, owner):
    # Reviewed recently: not overdue, so only open reports bring it into a reminder.
    return ShareableTemplatePageFactory(
        parent=library, title="HR meeting agenda", content_owner=owner, last_reviewed=date.today()
    )
