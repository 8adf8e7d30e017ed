from datetime import UTC, datetime, timedelta

import factory
import wagtail_factories

from networks.models import (
    Gathering,
    NetworkDocument,
    NetworkExpectation,
    NetworkFacilitator,
    NetworkIndexPage,
    NetworkMember,
    NetworkPage,
    NetworkSpokesperson,
    NetworkUpdatePage,
)
from people.factories import ResourcePersonPageFactory
from portal.factories import OrganisationFactory


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkIndexPage

    title = "Networks"
    slug = "networks"


class NetworkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkPage

    title = factory.Sequence(lambda n: f"Learning network {n}")
    summary = "Care units that meet to share what they have learned."
    purpose = "<p>To learn from each other’s experience of difficult situations.</p>"
    region = "Skåne"
    number_of_gatherings = 4
    team_size = "3–5 per workplace"
    duration = "one year"


class NetworkUpdatePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkUpdatePage

    title = factory.Sequence(lambda n: f"Network update {n}")
    summary = "What happened at the conference."
    kind = NetworkUpdatePage.Kind.NEWS
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Teams presented their projects.</p>"), ("quote", {"text": "We learnt a lot."})]
    )


class NetworkFacilitatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkFacilitator

    page = factory.SubFactory(NetworkPageFactory)
    person = factory.SubFactory(ResourcePersonPageFactory)
    role_title = "Course leader"


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMember

    page = factory.SubFactory(NetworkPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    team = factory.Sequence(lambda n: f"Work group {n}")


class NetworkSpokespersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkSpokesperson

    page = factory.SubFactory(NetworkPageFactory)
    person = factory.SubFactory(ResourcePersonPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class GatheringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gathering

    page = factory.SubFactory(NetworkPageFactory)
    title = factory.Sequence(lambda n: f"Gathering {n + 1}")
    start = factory.Sequence(lambda n: datetime(2030, 3, 1, 8, 30, tzinfo=UTC) + timedelta(weeks=6 * n))
    end = factory.LazyAttribute(lambda gathering: gathering.start + timedelta(hours=6))
    place = "Town hall, room 2"
    agenda = "<p>Welcome and team presentations.</p>"
    assignment = "<p>Write down one concrete example with your team.</p>"


class NetworkExpectationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkExpectation

    page = factory.SubFactory(NetworkPageFactory)
    phrase = factory.Sequence(lambda n: f"learn from others {n}")
    weight = 1


class NetworkDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkDocument

    page = factory.SubFactory(NetworkPageFactory)
    # A name without a stored file: rows link to documents, they never read them.
    document = factory.SubFactory(
        wagtail_factories.DocumentFactory, title="Progress plan", file="documents/progress-plan.pdf"
    )
    kind = NetworkDocument.Kind.PROGRESS_PLAN
