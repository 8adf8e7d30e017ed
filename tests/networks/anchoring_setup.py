"""A network with two member units, their spokespersons and a facilitator, for the anchoring tests."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from networks.factories import (
    GatheringFactory,
    NetworkFacilitatorFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkSpokespersonFactory,
)
from networks.models import Anchoring, Example
from people.factories import ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory


@dataclass
class Cast:
    network: object
    gathering: object
    unit_a: object
    unit_b: object
    speaker_a: object  # speaks for unit A
    speaker_a2: object  # A's second spokesperson
    speaker_b: object
    facilitator: object
    other_facilitator: object  # facilitates another network
    other_network: object


def person(directory, user, **kwargs):
    return ResourcePersonPageFactory(parent=directory, user=user, **kwargs)


def build(network, network_index, directory):
    unit_a = OrganisationFactory(name="Björken ward")
    unit_b = OrganisationFactory(name="Home care West")
    NetworkMemberFactory(page=network, organisation=unit_a)
    NetworkMemberFactory(page=network, organisation=unit_b)
    users = {name: EmployeeFactory(username=name, email=f"{name}@example.org") for name in ("a1", "a2", "b1", "f", "g")}
    for name, unit in (("a1", unit_a), ("a2", unit_a), ("b1", unit_b)):
        NetworkSpokespersonFactory(page=network, person=person(directory, users[name]), organisation=unit)
    NetworkFacilitatorFactory(page=network, person=person(directory, users["f"]))
    other_network = NetworkPageFactory(parent=network_index, title="Another network")
    NetworkFacilitatorFactory(page=other_network, person=person(directory, users["g"]))
    gathering = GatheringFactory(
        page=network, title="First gathering", start=timezone.now() - timedelta(days=40), end=timezone.now()
    )
    gathering.end = gathering.start + timedelta(hours=6)
    gathering.save()
    return Cast(
        network,
        gathering,
        unit_a,
        unit_b,
        users["a1"],
        users["a2"],
        users["b1"],
        users["f"],
        users["g"],
        other_network,
    )



def example(network, title="Refused evening medicine", age=timedelta(days=1), language="en", gathering=None):
    made = Example.objects.create(
        network_key=network.translation_key,
        gathering_key=gathering.translation_key if gathering else None,
        title=title,
        description="Three evenings in a row; the staff finally asked the daughter.",
        language=language,
    )
    Example.objects.filter(pk=made.pk).update(created=timezone.now() - age)
    made.refresh_from_db()
    return made


def anchor(example, unit, said="We went through it at the staff meeting.", **kwargs):
    return Anchoring.objects.create(
        example=example,
        unit_key=unit.translation_key,
        taken_up_on=timezone.localdate(),
        group_said=said,
        language=kwargs.pop("language", "en"),
        **kwargs,
    )
