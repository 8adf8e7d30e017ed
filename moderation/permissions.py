"""Applying the roles declared in portal/roles.py: groups, page and collection grants, and the workflow.

`apply_roles()` converges: after it, each Erfa role has exactly the grants declared for it (grants it
did not define are removed), Wagtail's default groups are gone, their members moved to a role, and
Wagtail's default workflow is deactivated. What it reports is what it changed ("unchanged" otherwise).
`manage.py setup_roles` runs it. Pages created later (a new locale's home and index pages, a new index
page) get their grants and the review workflow as they are created (`connect_signals`), so nobody has
to remember to re-run the command.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, get_page_models

from moderation.workflow import cover_with_workflow, retire_wagtail_workflow, setup_workflow
from portal import roles


class RoleSetupError(Exception):
    """Something the roles need is missing; the message says what to do."""


def get_permission(dotted):
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise RoleSetupError(f"Permission {dotted} does not exist. Run `manage.py migrate` first.") from error


def granting_page_models():
    """Page models that declare role grants on their pages (the roles.PAGE_PERMISSIONS_ATTRIBUTE protocol)."""
    return [model for model in get_page_models() if getattr(model, roles.PAGE_PERMISSIONS_ATTRIBUTE, None)]


def declared_page_grants(groups):
    """{(group id, page id, permission id)} that the roles declare, over the pages that exist now."""
    grants = set()
    root = Page.get_first_root_node()
    if root is not None:
        for name, codenames in roles.ROLE_ROOT_PAGE_PERMISSIONS.items():
            grants |= {(groups[name].pk, root.pk, get_permission(f"wagtailcore.{c}").pk) for c in codenames}
    for model in granting_page_models():
        page_ids = list(model.objects.values_list("pk", flat=True))
        for name, codenames in getattr(model, roles.PAGE_PERMISSIONS_ATTRIBUTE).items():
            permission_ids = [get_permission(f"wagtailcore.{codename}").pk for codename in codenames]
            grants |= {(groups[name].pk, page_id, pid) for page_id in page_ids for pid in permission_ids}
    return grants


def collection_named(name):
    root = Collection.get_first_root_node()
    if name == "root":
        return root
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(instance=Collection(name=name))


def declared_collection_grants(groups):
    grants = set()
    if Collection.get_first_root_node() is None:
        return grants
    for name, by_collection in roles.ROLE_COLLECTION_PERMISSIONS.items():
        for collection_name, permissions in by_collection.items():
            collection = collection_named(collection_name)
            grants |= {(groups[name].pk, collection.pk, get_permission(dotted).pk) for dotted in permissions}
    return grants


def converge(model, object_field, declared, group_ids):
    """Make `model`'s rows for Erfa's groups exactly `declared`; returns (added, removed)."""
    existing = {
        (group_id, object_id, permission_id): pk
        for pk, group_id, object_id, permission_id in model.objects.filter(group_id__in=group_ids).values_list(
            "pk", "group_id", f"{object_field}_id", "permission_id"
        )
    }
    stray = [pk for key, pk in existing.items() if key not in declared]
    model.objects.filter(pk__in=stray).delete()
    missing = declared - existing.keys()
    model.objects.bulk_create(
        model(group_id=group_id, permission_id=permission_id, **{f"{object_field}_id": object_id})
        for group_id, object_id, permission_id in missing
    )
    return len(missing), len(stray)


def retire_wagtail_groups(groups, report):
    for old_name, role in roles.WAGTAIL_DEFAULT_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        members = list(old.user_set.all())
        groups[role].user_set.add(*members)
        old.delete()
        names = ", ".join(sorted(user.get_username() for user in members)) or "no members"
        report(f"Removed Wagtail's default group {old_name}; moved {names} to {role}")


@transaction.atomic
def apply_roles(report=lambda line: None):
    """Create or update the groups and make their grants exactly what portal/roles.py declares."""
    groups = {}
    for name, permissions in roles.ROLE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=name)
        had = set(group.permissions.values_list("pk", flat=True))
        wanted = {get_permission(dotted).pk for dotted in permissions}
        group.permissions.set(wanted)
        groups[name] = group
        if created:
            report(f"Created group {name}")
        elif had != wanted:
            report(f"Updated group {name}: {len(wanted - had)} permission(s) added, {len(had - wanted)} removed")
        else:
            report(f"Group {name} unchanged")
    retire_wagtail_groups(groups, report)
    group_ids = [group.pk for group in groups.values()]
    added, removed = converge(GroupPagePermission, "page", declared_page_grants(groups), group_ids)
    report(f"Page permissions: {added} added, {removed} removed")
    added, removed = converge(GroupCollectionPermission, "collection", declared_collection_grants(groups), group_ids)
    report(f"Collection permissions: {added} added, {removed} removed")
    if Page.get_first_root_node() is not None:
        workflow, home_pages, changes = setup_workflow(groups[roles.MODERATORS])
        covers = f"covers {len(home_pages)} home page(s)"
        report(
            f'Workflow "{workflow.name}" ' + (f"{', '.join(changes)}; {covers}" if changes else f"unchanged; {covers}")
        )
        retire_wagtail_workflow(workflow, report)
    return groups


def grant_on_new_page(sender, instance, created, raw=False, **kwargs):
    """A new page whose model declares grants gets them at once, if the roles exist (setup_roles ran)."""
    if not created or raw:
        return
    declared = getattr(type(instance), roles.PAGE_PERMISSIONS_ATTRIBUTE)
    for group in Group.objects.filter(name__in=declared):
        for codename in declared[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=instance, permission=get_permission(f"wagtailcore.{codename}")
            )


def review_new_home_page(sender, instance, created, raw=False, **kwargs):
    """A new top-level page is a locale's home page (a new locale, or a translation): the review covers it."""
    if created and not raw and instance.depth == 2:
        cover_with_workflow(instance)


def connect_signals():
    """Apply the roles to what is created later: each new granting page and each locale's new home page.

    A new locale needs nothing by itself; its home page and index pages are created after it, and each
    is covered as it is created, so nobody has to remember to re-run setup_roles.
    """
    for model in granting_page_models():
        post_save.connect(grant_on_new_page, sender=model, dispatch_uid=f"erfa_roles_{model._meta.label}")
    for model in get_page_models():
        post_save.connect(review_new_home_page, sender=model, dispatch_uid=f"erfa_review_{model._meta.label}")
