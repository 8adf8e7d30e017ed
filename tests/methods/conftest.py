import pytest

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, ShareableTemplateIndexPageFactory


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def method_index(home):
    return MethodIndexPageFactory(parent=home)


@pytest.fixture
def library(home):
    return ShareableTemplateIndexPageFactory(parent=home)
