from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.roles import COMMUNICATIONS, ROLE_PERMISSIONS

# Communications may do everything to every page and every collection.
COMMUNICATIONS_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
COMMUNICATIONS_COLLECTION_PERMISSIONS = [
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
]


def get_permission(dotted):
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise CommandError(f"Permission {dotted} does not exist. Run `manage.py migrate` first.") from error


class Command(BaseCommand):
    help = "Create or update Erfa's role groups and their permissions. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        for name, permissions in ROLE_PERMISSIONS.items():
            group, created = Group.objects.get_or_create(name=name)
            group.permissions.add(*[get_permission(dotted) for dotted in permissions])
            self.stdout.write(f"{'Created' if created else 'Updated'} group {name}")

        communications = Group.objects.get(name=COMMUNICATIONS)
        root_page = Page.get_first_root_node()
        if root_page is not None:
            for dotted in COMMUNICATIONS_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=communications, page=root_page, permission=get_permission(f"wagtailcore.{dotted}")
                )
        root_collection = Collection.get_first_root_node()
        if root_collection is not None:
            for dotted in COMMUNICATIONS_COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=communications, collection=root_collection, permission=get_permission(dotted)
                )
