"""Shared set-up of the gathering tests: a gathering at a time relative to now, a facilitator, a client."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from networks.factories import GatheringFactory, NetworkFacilitatorFactory
from people.factories import ResourcePersonPageFactory
from portal.factories import EmployeeFactory


def gathering_in(network, days, **fields):
    """A gathering of `network` starting `days` from now (negative: in the past), three hours long."""
    start = timezone.now() + timedelta(days=days)
    return GatheringFactory(page=network, start=start, end=start + timedelta(hours=3), **fields)


def page_of(network, gathering):
    return f"{network.url}gatherings/{gathering.translation_key}/"


def facilitator_of(network, directory, username="frida"):
    user = EmployeeFactory(username=username, first_name="Frida", last_name="Holmquist")
    person = ResourcePersonPageFactory(parent=directory, title="Frida Holmquist", user=user)
    NetworkFacilitatorFactory(page=network, person=person)
    return user


def client_of(user):
    client = Client()
    client.force_login(user)
    return client
