"""A small media library for the media tests: documents and photos in a public and a private collection,
a profile that shows a photo, an employee and a member of the group the private collection is for."""

from dataclasses import dataclass

import wagtail_factories
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory

PROFILE_PHOTO_SPEC = "fill-200x200"  # what templates/people/resource_person_page.html asks for


@dataclass
class MediaLibrary:
    public_document: object
    private_document: object
    photo: object
    private_photo: object
    profile: object
    employee: object
    member: object

    @property
    def photo_rendition(self):
        return self.photo.get_rendition(PROFILE_PHOTO_SPEC)


def build_media_library():
    """Needs the site tree (the `site_tree` fixture): the profile lives under the English home page."""
    # Wagtail caches renditions by image id; another test's, rolled back since, would be found there.
    cache.clear()
    # A transactional test before this one (test_media_nginx.py) flushes the root the migration made.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    steering = Group.objects.create(name="Steering group")
    private = root.add_child(name="Steering group only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(steering)

    photo = wagtail_factories.ImageFactory(
        title="Sigrid Lunde", collection=root, file__filename="sigrid-lunde.png", file__color="teal"
    )
    directory = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    profile = ResourcePersonPageFactory(parent=directory, title="Sigrid Lunde", photo=photo)
    profile.save_revision().publish()

    member = EmployeeFactory(username="maja")
    member.groups.add(steering)
    return MediaLibrary(
        public_document=wagtail_factories.DocumentFactory(
            title="Progress plan",
            collection=root,
            file=ContentFile(b"Progress plan: three gatherings and a final report.\n", name="progress-plan.txt"),
        ),
        private_document=wagtail_factories.DocumentFactory(
            title="Salary review",
            collection=private,
            file=ContentFile(b"Confidential: the steering group's salary review.\n", name="salary-review.txt"),
        ),
        photo=photo,
        private_photo=wagtail_factories.ImageFactory(
            title="Board retreat", collection=private, file__filename="board-retreat.png", file__color="navy"
        ),
        profile=profile,
        employee=EmployeeFactory(username="elin"),
        member=member,
    )
