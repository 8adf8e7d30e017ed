import pytest

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal import roles
from portal.factories import TopicFactory, UserFactory


@pytest.fixture
def directory(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    return ResourcePersonIndexPageFactory(parent=home)


@pytest.fixture
def person(directory):
    """Someone to ask about reflection meetings."""
    reflection = TopicFactory(name="Reflection meetings")
    profile = ResourcePersonPageFactory(
        parent=directory,
        title="Sigrid Lunde",
        job_title="Care coordinator",
        ask_me_about="How we run reflection after difficult home visits.",
        email="sigrid.lunde@example.org",
        phone="+47 22 33 44 55",
    )
    profile.topics.add(reflection)
    profile.save_revision().publish()
    return profile


@pytest.fixture
def resource_user(db):
    return UserFactory(username="rasmus", role=roles.RESOURCE_PERSONS)
