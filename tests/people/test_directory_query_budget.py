"""What one warm view of the people directory costs in SQL, pinned: the same with 3 people or 30.

The directory's own work is a fixed number of queries whatever it lists or how it is asked
(search words, filters, a letter, a later page): its filter options and A–Z links (one query, kept
for the reader's permission class after the first view, portal.fragments), the page's ids with the
total (one query, portal.listing), the page's people with their topics (kept for the reader's class too,
IndexPage.page_cards), and the photos' renditions as they are now (one query).
The rest is the frame every page pays (session, user, the active locale and view restrictions; the
Site, routing, navigation and permissions come from shared parts, caching/fragments.py).
Today: 6 (21 before issue 12, with options, organisations, networks and letters one query each).
"""

import pytest
import wagtail_factories

from networks.factories import NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonPageFactory, SpokenLanguageFactory
from portal.factories import OrganisationFactory, TopicFactory
from portal.listing import PAGE_SIZE

pytestmark = pytest.mark.django_db

# Serving the directory page at all: session, user, the active locale and view restrictions.
FRAME = 4
# The directory's own: the ids and total, the renditions; the options and letters (one UNION) and the
# cards (the page's people and their topics) come from the shared parts when warm.
DIRECTORY = 2

# (case, GET parameters; "<topic>", "<organisation>" and "<network>" stand for the shared ones' ids)
CASES = [
    ("everyone", {}),
    ("search words", {"q": "person care"}),
    ("topic", {"topic": "<topic>"}),
    ("organisation", {"organisation": "<organisation>"}),
    ("language spoken", {"language": "sv"}),
    ("letter", {"letter": "p"}),
    ("network", {"network": "<network>"}),
    ("second page", {"page": "2"}),
    ("everything at once", {"q": "person", "topic": "<topic>", "organisation": "<organisation>", "language": "sv"}),
]


@pytest.fixture
def shared(directory):
    """What every person shares, so that each filter keeps all of them."""
    topic = TopicFactory(name="Shared topic")
    organisation = OrganisationFactory(name="Care home")
    network_index = NetworkIndexPageFactory(parent=directory.get_parent())
    network = NetworkPageFactory(parent=network_index, title="Learning network")
    return {"<topic>": topic, "<organisation>": organisation, "<network>": network}


def add_people(directory, shared, count):
    for _ in range(count):
        number = directory.get_children().count()
        person = ResourcePersonPageFactory(
            parent=directory,
            title=f"Person {number:02}",
            job_title="Care coordinator",
            organisation=shared["<organisation>"],
            photo=wagtail_factories.ImageFactory(),
        )
        person.topics.add(shared["<topic>"], TopicFactory())
        person.save()
        SpokenLanguageFactory(person=person, language="sv")
        NetworkFacilitatorFactory(page=shared["<network>"], person=person)


def params_for(params, shared):
    return {name: str(shared[value].pk) if value in shared else value for name, value in params.items()}


@pytest.mark.parametrize(("case", "params"), CASES, ids=[case for case, _params in CASES])
def test_a_directory_view_costs_the_same_with_3_and_30_people(
    case, params, directory, shared, employee_client, django_assert_num_queries
):
    params = params_for(params, shared)
    for count, shown in ((3, 3), (27, PAGE_SIZE)):
        add_people(directory, shared, count)
        employee_client.get(directory.url, params)  # warm: content types, site root paths, renditions
        # A second page of 3 people lies past the end: Django's paginator counts them and finds the first
        # page's ids instead (two more queries).
        past_the_end = 2 if case == "second page" and count == 3 else 0
        with django_assert_num_queries(FRAME + DIRECTORY + past_the_end):
            response = employee_client.get(directory.url, params)
        assert response.status_code == 200
        people = response.context["people"]
        # Every filter keeps everyone; a second page of 3 people falls back to the first.
        assert len(people) == shown
        assert people.paginator.count == directory.get_children().count()
