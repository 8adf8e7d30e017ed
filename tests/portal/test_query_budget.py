"""What each page type costs in SQL, warm, as a signed-in employee: pinned per type, with few and many children.

Rendered twice, the second request counted, with the whole-page cache off (tests/conftest.py turns it
off for tests that count queries), so the count is that of a real render on a running server, where the
shared parts (portal/fragments.py: the site, the route, the navigation, the language versions, the
admin link) are already kept. Four queries are every page's own: the session, the user, the active
locale and the page's view restrictions. The rest is the page's, and must not grow with what it lists.

One table, page type -> (builder, exact count): a builder makes the page with `count` children or
listed items below the English home page and returns its URL and a title the page must show.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    MethodRatingFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from methods.models import FILE_FORMAT_CHOICES
from networks.factories import GatheringFactory, NetworkIndexPageFactory, NetworkMemberFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

COUNTS = (3, 30)


def owner(home):
    """A content owner, as every real index page has: its review footer names them."""
    return ResourcePersonPageFactory(parent=ResourcePersonIndexPageFactory(parent=home), title="Owner Olga")


def build_home(home, count):
    cases = CaseStudyIndexPageFactory(parent=home, show_in_menus=True)
    methods = MethodIndexPageFactory(parent=home, show_in_menus=True)
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home, show_in_menus=True))
    for number in range(count):
        CaseStudyPageFactory(parent=cases, title=f"Case {number}")
        MethodPageFactory(parent=methods, title=f"Method {number}")
        GatheringFactory(page=network, title=f"Gathering {number}", start=timezone.now() + timedelta(days=number + 1))
    return "/en/", "Gathering 0"


def build_case_study_index(home, count):
    index = CaseStudyIndexPageFactory(parent=home, show_in_menus=True, content_owner=owner(home))
    methods = MethodIndexPageFactory(parent=home)
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home))
    for number in range(count):
        CaseStudyPageFactory(
            parent=index,
            title=f"Case {number}",
            topics=[TopicFactory()],
            organisations=[OrganisationFactory(), OrganisationFactory()],
            methods_used=[MethodPageFactory(parent=methods), MethodPageFactory(parent=methods)],
            network=network,
        )
    return index.url, f"Case {count - 1}"  # Newest first.


def build_method_index(home, count):
    index = MethodIndexPageFactory(parent=home, show_in_menus=True, content_owner=owner(home))
    topics = [TopicFactory(), TopicFactory()]
    for number in range(count):
        method = MethodPageFactory(parent=index, title=f"Method {number:02d}")
        method.topics.set(topics)
        method.save()
        MethodRatingFactory(method=method, score=3)
    return index.url, "Method 00"


def build_templates_index(home, count):
    library = ShareableTemplateIndexPageFactory(parent=home, show_in_menus=True, content_owner=owner(home))
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home))
    topic = TopicFactory()
    formats = [value for value, _label in FILE_FORMAT_CHOICES]
    for number in range(count):
        template = ShareableTemplatePageFactory(
            parent=library, title=f"Template {number:02d}", related_method=method, file_format=formats[number % 3]
        )
        template.topics.add(topic)
        template.save()
    return library.url, "Template 00"



def build_network_index(home, count):
    index = NetworkIndexPageFactory(parent=home, show_in_menus=True, content_owner=owner(home))
    topic = TopicFactory()
    for number in range(count):
        network = NetworkPageFactory(parent=index, title=f"Network {number:02d}", region=f"Region {number % 4}")
        network.topics.add(topic)
        network.save()
        NetworkMemberFactory(page=network, organisation=OrganisationFactory())
        GatheringFactory(page=network, start=timezone.now() + timedelta(days=number + 1))
    return index.url, "Network 00"

# Page type -> (builder, warm queries). Four of them are every page's (see the module's docstring). An
# index's own: the ids of its page of results with the total (portal.listing); its cards are kept for the
# reader's class (IndexPage.page_cards), and so are its filter options (IndexPage.filter_options).
BUDGET = {
    "home": (build_home, 4),
    "case-study index": (build_case_study_index, 5),
    "method index": (build_method_index, 5),
    "network index": (build_network_index, 5),
    "templates index": (build_templates_index, 5),
}


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("page_type", sorted(BUDGET))
def test_warm_query_count_is_pinned_and_does_not_grow(
    page_type, count, site_tree, employee_client, django_assert_num_queries
):
    build, expected = BUDGET[page_type]
    url, shown = build(HomePage.objects.get(locale__language_code="en"), count)
    assert employee_client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        response = employee_client.get(url)
    assert response.status_code == 200
    assert shown in response.content.decode()
