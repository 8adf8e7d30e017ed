"""Every section index page shares portal's base: where it may be created, and a listing that never breaks."""

import re

import pytest

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from methods.models import MethodIndexPage, ShareableTemplateIndexPage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from networks.models import NetworkIndexPage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ResourcePersonIndexPage
from portal.listing import PAGE_SIZE
from portal.models import IndexPage

pytestmark = pytest.mark.django_db

INDEX_PAGES = [
    CaseStudyIndexPage,
    MethodIndexPage,
    NetworkIndexPage,
    ResourcePersonIndexPage,
    ShareableTemplateIndexPage,
]

# Each index page with the factory of the pages it lists and the query parameters it filters by.
LISTINGS = [
    (CaseStudyIndexPageFactory, CaseStudyPageFactory, ["topic", "organisation", "network", "method"]),
    (MethodIndexPageFactory, MethodPageFactory, ["topic", "category"]),
    (NetworkIndexPageFactory, NetworkPageFactory, ["topic", "organisation", "region"]),
    (ResourcePersonIndexPageFactory, ResourcePersonPageFactory, ["topic", "organisation", "network", "language"]),
    (ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory, ["topic", "format", "language", "method"]),
]


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.mark.parametrize("model", INDEX_PAGES)
def test_index_pages_are_created_under_a_home_page_only(model, home):
    assert issubclass(model, IndexPage)
    assert model.allowed_parent_page_models() == [HomePage]
    other_index = (
        MethodIndexPageFactory(parent=home) if model is not MethodIndexPage else NetworkIndexPageFactory(parent=home)
    )
    assert model.can_create_at(other_index) is False


@pytest.mark.parametrize("model", INDEX_PAGES)
def test_one_index_page_of_each_kind_per_home_page(model, home):
    assert model.can_create_at(home) is True
    factory = {factories[0]._meta.model: factories[0] for factories in LISTINGS}[model]
    factory(parent=home)
    assert model.can_create_at(home) is False


def listed(response):
    """The titles of the listed pages a response shows."""
    return set(re.findall(r"Listed page \d\d", response.content.decode()))


@pytest.mark.parametrize(("index_factory", "page_factory", "params"), LISTINGS)
def test_listing_ignores_values_that_do_not_fit(index_factory, page_factory, params, home, employee_client):
    index = index_factory(parent=home)
    for number in range(PAGE_SIZE + 1):
        page_factory(parent=index, title=f"Listed page {number:02d}")
    first = listed(employee_client.get(index.url))
    assert len(first) == PAGE_SIZE
    for value in ["99999999999999999999", "-99999999999999999999", "abc", "1.5", "0"]:
        for query in [{param: value} for param in params] + [{"page": value}, {"sort": value}]:
            response = employee_client.get(index.url, query)
            assert response.status_code == 200, query
            assert listed(response) == first, query
    assert len(listed(employee_client.get(index.url, {"page": 2}))) == 1
