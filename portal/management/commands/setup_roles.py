from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.moderation.workflow import setup_workflow
from portal.roles import ROLE_COLLECTION_PERMISSIONS, ROLE_PAGE_PERMISSIONS, ROLE_PERMISSIONS


def get_permission(dotted):
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise CommandError(f"Permission {dotted} does not exist. Run `manage.py migrate` first.") from error


def pages_for(model_label):
    """Every page of a model, in every locale; looked up by name because portal may not import higher apps."""
    if model_label == "root":
        root = Page.get_first_root_node()
        return [root] if root is not None else []
    return list(Page.objects.type(apps.get_model(model_label)))


def collection_named(name):
    root = Collection.get_first_root_node()
    if name == "root":
        return root
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(instance=Collection(name=name))


class Command(BaseCommand):
    help = (
        "Create or update Erfa's role groups, their page and collection permissions, and the "
        '"Communications review" workflow on every locale\'s home page. Safe to run again; run it '
        "after adding index pages or locales so that the roles reach them."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        groups = {}
        for name, permissions in ROLE_PERMISSIONS.items():
            group, created = Group.objects.get_or_create(name=name)
            group.permissions.set([get_permission(dotted) for dotted in permissions])
            groups[name] = group
            self.stdout.write(f"{'Created' if created else 'Updated'} group {name}")

        for name, grants in ROLE_PAGE_PERMISSIONS.items():
            count = 0
            for model_label, codenames in grants.items():
                for page in pages_for(model_label):
                    for codename in codenames:
                        GroupPagePermission.objects.get_or_create(
                            group=groups[name], page=page, permission=get_permission(f"wagtailcore.{codename}")
                        )
                        count += 1
            self.stdout.write(f"  {name}: {count} page permissions")

        if Collection.get_first_root_node() is not None:
            for name, grants in ROLE_COLLECTION_PERMISSIONS.items():
                for collection_name, permissions in grants.items():
                    collection = collection_named(collection_name)
                    for dotted in permissions:
                        GroupCollectionPermission.objects.get_or_create(
                            group=groups[name], collection=collection, permission=get_permission(dotted)
                        )

        if Page.get_first_root_node() is not None:
            workflow, home_pages = setup_workflow()
            self.stdout.write(f'Workflow "{workflow.name}" assigned to {len(home_pages)} home page(s)')
