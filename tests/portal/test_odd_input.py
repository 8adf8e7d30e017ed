"""Numbers that only look like numbers, and NUL bytes in paths: the answer a plain wrong value gets, never a 500.

str.isdigit() is true for "²" and "①", which int() refuses; int() takes "٣" but no link of Erfa's writes it.
"""

import pytest
from django.http import QueryDict

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import TopicFactory
from portal.i18n import translated_queries
from portal.listing import paginate
from portal.models import Topic

pytestmark = pytest.mark.django_db

ODD_NUMBERS = ["²", "٣", "①", "1²", "1" * 5000]
PARAMETERS = ["page", "topic", "organisation", "network", "method"]


@pytest.fixture
def pages(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    networks = NetworkIndexPageFactory(parent=home)
    people = ResourcePersonIndexPageFactory(parent=home)
    methods = MethodIndexPageFactory(parent=home)
    return [
        home,
        networks,
        people,
        methods,
        NetworkPageFactory(parent=networks),
        ResourcePersonPageFactory(parent=people, title="Olle Berg"),
        MethodPageFactory(parent=methods),
    ]


@pytest.mark.parametrize("number", ODD_NUMBERS)
def test_an_odd_page_number_gives_the_first_page(number):
    TopicFactory(name="Reflection")
    page = paginate(Topic.objects.all(), number)
    assert page.number == 1 and [topic.name for topic in page] == ["Reflection"]


@pytest.mark.parametrize("number", ODD_NUMBERS)
def test_the_language_switcher_carries_an_odd_filter_as_it_carries_any_text(number):
    query = QueryDict(f"topic={number}&q=x")
    assert translated_queries(query)["sv"] == query.urlencode()


@pytest.mark.parametrize("parameter", PARAMETERS)
def test_listings_and_pages_answer_odd_numbers_in_every_parameter(pages, employee_client, parameter):
    for page in pages:
        for number in ODD_NUMBERS:
            response = employee_client.get(page.url, {parameter: number})
            assert response.status_code == 200, (page.url, parameter, number[:10])


@pytest.mark.parametrize(
    "path", ["/media/original_images/%00.png", "/media/images/a%00.png", "/media/documents/%00", "/media/%00"]
)
def test_a_media_path_with_a_nul_byte_is_not_found(site_tree, employee_client, path):
    assert employee_client.get(path).status_code == 404


@pytest.mark.parametrize("length", ["²", "٣", "abc"])
def test_a_violation_report_with_an_odd_length_is_refused(client, length):
    response = client.post("/csp-report/", b"{}", content_type="application/csp-report", CONTENT_LENGTH=length)
    assert response.status_code == 413
