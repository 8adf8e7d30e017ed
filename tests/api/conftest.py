"""A small portal for the API tests: pages in English and Swedish, a page only Communications may see,
a person hidden from the directory, a network with gatherings, and documents and images in an open
and a private collection; an employee and a Communications member, each with a token."""

from dataclasses import dataclass

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import APIToken, Collection, CollectionViewRestriction, PageViewRestriction

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from networks.factories import (
    GatheringFactory,
    NetworkFacilitatorFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
)
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal import roles
from portal.factories import EmployeeFactory, UserFactory


@dataclass
class World:
    employee: object
    communications: object
    employee_token: str
    communications_token: str
    open_method: object
    restricted_method: object
    password_method: object
    person: object
    hidden_person: object
    swedish_person: object
    network: object
    swedish_network: object
    open_document: object
    private_document: object
    open_image: object
    private_image: object


def token_client(raw):
    """A client that sends the token as a program would: no session, no cookies."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def world(site_tree):
    english = HomePage.objects.get(locale__language_code="en")
    swedish = HomePage.objects.get(locale__language_code="sv")
    communications_group = Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0]

    methods = MethodIndexPageFactory(parent=english)
    open_method = MethodPageFactory(parent=methods, title="Open method")
    restricted_method = MethodPageFactory(parent=methods, title="Communications method")
    restriction = PageViewRestriction.objects.create(page=restricted_method, restriction_type="groups")
    restriction.groups.add(communications_group)
    password_method = MethodPageFactory(parent=methods, title="Password method")
    PageViewRestriction.objects.create(page=password_method, restriction_type="password", password="sesame")

    people = ResourcePersonIndexPageFactory(parent=english)
    person = ResourcePersonPageFactory(parent=people, title="Sigrid Lunde", job_title="Nurse")
    hidden_person = ResourcePersonPageFactory(parent=people, title="Hilda Hidden", hidden_from_directory=True)
    swedish_people = ResourcePersonIndexPageFactory(parent=swedish, title="Resurspersoner", slug="personer")
    swedish_person = ResourcePersonPageFactory(parent=swedish_people, title="Sven Svensson", job_title="Sjuksköterska")

    networks = NetworkIndexPageFactory(parent=english)
    network = NetworkPageFactory(parent=networks, title="Norrvik network")
    GatheringFactory(page=network, title="Kick-off")
    GatheringFactory(page=network, title="Second gathering")
    NetworkFacilitatorFactory(page=network, person=person, role_title="Course leader")
    NetworkFacilitatorFactory(page=network, person=hidden_person, role_title="Process facilitator")
    NetworkMemberFactory(page=network, team="Home care North")
    swedish_networks = NetworkIndexPageFactory(parent=swedish, title="Nätverk", slug="natverk")
    swedish_network = NetworkPageFactory(parent=swedish_networks, title="Norrviks nätverk")
    GatheringFactory(page=swedish_network, title="Uppstart")

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    private = root.add_child(name="Communications only")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    collection_restriction.groups.add(communications_group)
    # A collection below the private one is private too.
    private_below = private.add_child(name="Communications drafts")

    def document(title, collection):
        file = ContentFile(f"{title}\n".encode(), name=f"{title.lower().replace(' ', '-')}.txt")
        return wagtail_factories.DocumentFactory(title=title, collection=collection, file=file)

    employee = EmployeeFactory(username="elin")
    communications = UserFactory(username="carla", role=roles.COMMUNICATIONS)
    return World(
        employee=employee,
        communications=communications,
        employee_token=APIToken.create_token(user=employee, name="Reports")[1],
        communications_token=APIToken.create_token(user=communications, name="Intranet sync")[1],
        open_method=open_method,
        restricted_method=restricted_method,
        password_method=password_method,
        person=person,
        hidden_person=hidden_person,
        swedish_person=swedish_person,
        network=network,
        swedish_network=swedish_network,
        open_document=document("Progress plan", root),
        private_document=document("Budget draft", private_below),
        open_image=wagtail_factories.ImageFactory(title="Team photo", collection=root),
        private_image=wagtail_factories.ImageFactory(title="Board photo", collection=private),
    )


@pytest.fixture
def employee_api(world):
    return token_client(world.employee_token)


@pytest.fixture
def communications_api(world):
    return token_client(world.communications_token)
