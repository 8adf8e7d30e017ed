"""Who may edit which page in the admin: the one rule for people's own pages.

Roles that write content (Resource persons, Network facilitators) hold only "add" on their section's
index pages (portal/roles.py). With that alone, Wagtail lets them edit the pages they created
(page.owner) and nothing else: not the index page itself, nor anyone else's page, and the reports and
listings Wagtail builds from group grants (workflow, locked pages) show them nothing of others'. The
specific page models widen that through `permissions_for_user`, which Wagtail asks wherever it checks a
page (it hands a plain `Page` on to its specific model), to the pages that are theirs in another way:
case studies and templates that list them as a contact, networks they facilitate, their own profile.

Anyone who may publish (Communications) and superusers keep their permissions unchanged.

A resource person's account is linked to their profile through ResourcePersonPage.user (every
translation of a profile points to the same account); that link is what makes them a page's contact.
"""

from django.db.models import Q
from wagtail.models import PagePermissionTester

# What a writer loses on a page that is not theirs: they may still see it, but not change it.
EDITING = frozenset({"add", "change", "delete", "lock", "unlock"})


def is_writer(tester):
    """An active, non-super user who may not publish here (Wagtail gives superusers no permission set)."""
    user = tester.user
    return user.is_active and not user.is_superuser and "publish" not in tester.permissions


class OwnPagePermissionTester(PagePermissionTester):
    """Page permissions for a writer: full editing (as drafts) on their own pages, none on others'.

    `is_own()` tells whether the page is the user's own beyond having created it (a listed contact, a
    facilitator); it is asked only when it matters. A page's creator always counts as its owner, so a
    writer can finish a page they have just started.
    """

    def __init__(self, user, page, is_own):
        super().__init__(user, page)
        if not is_writer(self):
            return
        if "add" in self.permissions and (page.owner_id == user.pk or is_own()):
            # "change" rather than Wagtail's owner rule, so a contact who did not create it edits it too.
            self.permissions = set(self.permissions) | {"change"}
        else:
            self.permissions = set(self.permissions) - EDITING


def names_as_contact(page, user, relations):
    """Whether the stored page names one of the user's profiles through one of `relations`.

    `relations` are the page model's foreign keys or many-to-many fields to profiles. The stored row
    is asked, not the instance: the admin often holds a revision's copy, whose relations live in memory.
    """
    if not page.pk or not relations:
        return False
    condition = Q()
    for relation in relations:
        condition |= Q(**{f"{relation}__user_id": user.pk})
    return type(page).objects.filter(pk=page.pk).filter(condition).exists()


class ContactPermissionTester(OwnPagePermissionTester):
    """Own pages of a resource person: those they created, or where they are a listed contact.

    The page model names its contact fields in `contact_relations` (case studies: their contact
    persons and content owner; templates: their publisher and content owner).
    """

    def __init__(self, user, page):
        super().__init__(user, page, is_own=lambda: names_as_contact(page, user, page.contact_relations))


class ProfilePermissionTester(PagePermissionTester):
    """A profile is edited by its linked user (as drafts) and by those who may publish it.

    No role holds a group permission on the directory, so the link, not a grant, is what lets a
    resource person edit their profile; a group permission to change pages counts on profiles only
    together with the permission to publish them.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser:
            return
        if page.is_owned_by(user):
            # Owners save drafts; publishing stays with those who hold "publish".
            self.permissions = set(self.permissions) | {"change"}
        elif "publish" not in self.permissions:
            self.permissions = set(self.permissions) - EDITING
