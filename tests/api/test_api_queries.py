"""What a listing costs: a fixed number of queries, however many items it lists."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks.factories import GatheringFactory, NetworkFacilitatorFactory, NetworkPageFactory
from people.factories import ResourcePersonPageFactory, SpokenLanguageFactory

pytestmark = pytest.mark.django_db

# The token, the count, the rows, then one query per prefetched relation (tags; topics and languages;
# gatherings, facilitators and members). The token's "last used" stamp is written at most once a minute:
# the first requests below take it, so the counted ones do not.
BUDGET = {
    "/api/v2/pages/?limit=100": 3,
    "/api/v2/documents/?limit=100": 4,
    "/api/v2/images/?limit=100": 4,
    "/api/v2/people/?limit=100": 5,
    "/api/v2/networks/?limit=100": 6,
}


def counts(client):
    for url in BUDGET:
        client.get(url)  # The first request stamps the token and fills Wagtail's site cache.
    found = {}
    for url in BUDGET:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        found[url] = len(queries)
    return found


def test_listing_queries_do_not_grow_with_items(world, employee_api):
    few = counts(employee_api)
    people = world.person.get_parent()
    images = world.open_image.collection
    for number in range(5):
        wagtail_factories.ImageFactory(title=f"Photo {number}", collection=images).tags.add("team", f"photo {number}")
        person = ResourcePersonPageFactory(parent=people, title=f"Person {number}")
        SpokenLanguageFactory(person=person, language="nb")
        network = NetworkPageFactory(parent=world.network.get_parent())
        GatheringFactory(page=network)
        NetworkFacilitatorFactory(page=network, person=person)
    many = counts(employee_api)
    assert many == few
    assert many == BUDGET
