"""portal.together reads lists of different models as text in one query: every value must come back as
the ORM would read it, whatever its type, set or empty, and kept compiled or not."""

from datetime import UTC, datetime

import pytest

from home.models import HomePage
from networks.factories import GatheringFactory, NetworkIndexPageFactory, NetworkPageFactory
from networks.models import Gathering
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ResourcePersonPage
from portal import compiled
from portal.models import Organisation
from portal.together import Part, fetch_together, kept_together

pytestmark = pytest.mark.django_db

PERSON_FIELDS = ("title", "live", "locale", "organisation", "photo", "translation_key", "latest_revision_created_at")
GATHERING_FIELDS = ("page", "title", "start", "end", "place", "online_link", "translation_key")


@pytest.fixture
def rows(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    directory = ResourcePersonIndexPageFactory(parent=home)
    with_organisation = ResourcePersonPageFactory(parent=directory, title="Åsa Berg")
    without = ResourcePersonPageFactory(parent=directory, title="Noor Haddad", organisation=None)
    without.save_revision().publish()
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home))
    GatheringFactory(page=network, start=datetime(2031, 1, 2, 23, 30, tzinfo=UTC), online_link="")
    GatheringFactory(page=network, place="", online_link="https://meet.example.org/x")
    return with_organisation, without, network


def parts(network, people):
    return {
        "people": Part(ResourcePersonPage.objects.filter(pk__in=[person.pk for person in people]), PERSON_FIELDS),
        "gatherings": Part(Gathering.objects.filter(page=network), GATHERING_FIELDS),
        "organisations": Part(Organisation.objects.none(), ("name",)),
    }


def as_the_orm_reads(instances, fields):
    return [
        tuple(getattr(instance, instance._meta.get_field(name).attname) for name in fields) for instance in instances
    ]


@pytest.mark.parametrize("kept", [False, True])
def test_every_type_comes_back_as_the_orm_reads_it(rows, kept):
    with_organisation, without, network = rows
    compiled.forget()
    key = ("test-together", network.pk) if kept else None
    for _attempt in range(2):  # the second time, a kept query runs its compiled SQL
        found = kept_together(key, lambda: parts(network, [with_organisation, without]))

        people = ResourcePersonPage.objects.filter(pk__in=[with_organisation.pk, without.pk])
        assert as_the_orm_reads(found["people"], PERSON_FIELDS) == as_the_orm_reads(people, PERSON_FIELDS)
        gatherings = Gathering.objects.filter(page=network)
        assert as_the_orm_reads(found["gatherings"], GATHERING_FIELDS) == as_the_orm_reads(gatherings, GATHERING_FIELDS)
        assert found["organisations"] == []

    by_title = {person.title: person for person in found["people"]}
    assert by_title["Noor Haddad"].organisation_id is None
    assert by_title["Åsa Berg"].organisation_id == with_organisation.organisation_id
    assert type(by_title["Åsa Berg"].locale_id) is int and by_title["Åsa Berg"].live is True
    assert by_title["Noor Haddad"].latest_revision_created_at.tzinfo is not None
    by_link = {gathering.online_link: gathering for gathering in found["gatherings"]}
    assert by_link[""].start == datetime(2031, 1, 2, 23, 30, tzinfo=UTC)
    assert by_link["https://meet.example.org/x"].place == ""


def test_a_field_not_asked_for_is_deferred_never_wrong(rows, django_assert_num_queries):
    with_organisation, _without, network = rows
    found = fetch_together(people=Part(ResourcePersonPage.objects.filter(pk=with_organisation.pk), ("title",)))
    person = found["people"][0]
    with django_assert_num_queries(1):
        assert person.job_title == with_organisation.job_title
