from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from networks.factories import GatheringFactory, NetworkMemberFactory, NetworkPageFactory
from portal.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def add_networks(index, count, start=0):
    topic = TopicFactory()
    for number in range(start, start + count):
        network = NetworkPageFactory(parent=index, title=f"Network {number:02d}", region=f"Region {number % 4}")
        network.topics.add(topic)
        network.save()
        NetworkMemberFactory(page=network)
        NetworkMemberFactory(page=network)
        GatheringFactory(page=network, start=timezone.now() + timedelta(days=number + 1))


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_index_query_count_does_not_grow_with_networks(network_index, employee_client):
    add_networks(network_index, 3)
    few, html = count_queries(employee_client, network_index.url)
    assert "Network 02" in html

    add_networks(network_index, 27, start=3)
    many, html = count_queries(employee_client, network_index.url)
    assert "Network 11" in html and "Network 12" not in html  # the first page of twelve
    assert many == few
    # Wagtail's routing, the session and the header's permission check take about twelve of these.
    assert few <= 20


def test_index_lists_summary_and_key_facts(network_index, employee_client):
    network = NetworkPageFactory(
        parent=network_index, title="Coastal care network", region="Nordland", duration="two years"
    )
    NetworkMemberFactory(page=network)
    NetworkMemberFactory(page=network)
    NetworkMemberFactory(page=network, organisation=None)  # a deleted organisation is not counted
    GatheringFactory(page=network, start=datetime(2031, 5, 6, 9, tzinfo=UTC))
    html = employee_client.get(network_index.url).content.decode()
    card = html.split("Coastal care network", 1)[1].split("</article>", 1)[0]
    assert network.summary in card
    assert "Nordland" in card
    assert "two years" in card
    assert "<dd>2</dd>" in card
    assert 'datetime="2031-05-06' in card


def test_filters_by_topic_organisation_and_region(network_index, employee_client):
    care, tech = TopicFactory(name="Care"), TopicFactory(name="Technology")
    shared = OrganisationFactory(name="Shared member")
    north = NetworkPageFactory(parent=network_index, title="North network", region="North")
    north.topics.add(care)
    north.save()
    south = NetworkPageFactory(parent=network_index, title="South network", region="South")
    south.topics.add(tech)
    south.save()
    NetworkMemberFactory(page=north, organisation=shared)

    def titles(**params):
        html = employee_client.get(network_index.url, params).content.decode()
        return {title for title in ("North network", "South network") if f">{title}</a>" in html}

    assert titles() == {"North network", "South network"}
    assert titles(topic=care.pk) == {"North network"}
    assert titles(topic=tech.pk) == {"South network"}
    assert titles(organisation=shared.pk) == {"North network"}
    assert titles(region="South") == {"South network"}
    assert titles(region="North", topic=tech.pk) == set()


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "999999"},
        {"topic": "abc"},
        {"organisation": "-1"},
        {"region": "Atlantis"},
        {"sort": "nonsense"},
        {"page": "abc"},
        {"page": "9999"},
        {"page": "-3", "topic": "1.5", "organisation": "x"},
    ],
)
def test_bad_parameters_fall_back(network_index, employee_client, params):
    NetworkPageFactory(parent=network_index, title="Only network")
    response = employee_client.get(network_index.url, params)
    assert response.status_code == 200
    assert ">Only network</a>" in response.content.decode()


def test_sorts(network_index, employee_client):
    published = timezone.now() - timedelta(days=30)
    later = NetworkPageFactory(parent=network_index, title="Alpha network", first_published_at=published)
    sooner = NetworkPageFactory(
        parent=network_index, title="Beta network", first_published_at=published + timedelta(days=1)
    )
    GatheringFactory(page=later, start=timezone.now() + timedelta(days=60))
    GatheringFactory(page=sooner, start=timezone.now() + timedelta(days=5))

    def order(sort):
        html = employee_client.get(network_index.url, {"sort": sort}).content.decode()
        return html.index(">Alpha network<") < html.index(">Beta network<")

    assert order("title") is True
    assert order("next_gathering") is False
    assert order("newest") is False


def test_paginates_twelve_per_page(network_index, employee_client):
    for number in range(14):
        NetworkPageFactory(parent=network_index, title=f"Network {number:02d}")
    second = employee_client.get(network_index.url, {"page": 2}).content.decode()
    assert ">Network 12</a>" in second and ">Network 00</a>" not in second
    assert "Page 2 of 2" in second
