"""Building blocks for the case study tests: an index under the English home page, and the
methods, networks, templates and people a case study points to."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from casestudies.factories import CaseStudyIndexPageFactory
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory


class Related:
    """Creates related pages on demand, each under its own index below the given home page."""

    def __init__(self, home):
        self.home = home
        self._parents = {}

    def _parent(self, factory):
        if factory not in self._parents:
            self._parents[factory] = factory(parent=self.home)
        return self._parents[factory]

    def method(self, **kwargs):
        return MethodPageFactory(parent=self._parent(MethodIndexPageFactory), **kwargs)

    def network(self, **kwargs):
        return NetworkPageFactory(parent=self._parent(NetworkIndexPageFactory), **kwargs)

    def template(self, **kwargs):
        return ShareableTemplatePageFactory(parent=self._parent(ShareableTemplateIndexPageFactory), **kwargs)

    def person(self, **kwargs):
        return ResourcePersonPageFactory(parent=self._parent(ResourcePersonIndexPageFactory), **kwargs)


def english_home():
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def home(site_tree):
    return english_home()


@pytest.fixture
def related(home):
    return Related(home)


@pytest.fixture
def index(home):
    return CaseStudyIndexPageFactory(parent=home)


def count_queries(client, url):
    """Queries for one warm request: the URL is fetched once first, so caches and renditions exist."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def preview_form_data(client, page):
    """The edit form's data as an editor would post it.

    The StreamField is drawn by JavaScript, so its fields are not in the HTML; they are added here.
    """
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    story = streamfield(
        [
            ("paragraph", rich_text("<p>Forty employees trained in three digital sessions.</p>")),
            (
                "milestone",
                {"title": "First reflection round", "when": "Spring 2023", "description": rich_text("<p>Groups.</p>")},
            ),
            ("quote", {"text": "We all stand on the same ground now.", "attribution": "Adviser"}),
        ]
    )
    for key, value in nested_form_data({"what_was_done": story}).items():
        data[key] = value
    return data


# "Share a learning" (tests/casestudies/learning_fixtures.py).
from tests.casestudies.learning_fixtures import author, colleague, indexes, reviewer, roles  # noqa: E402, F401
