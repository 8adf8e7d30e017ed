"""Who may edit a network and its updates in the admin: its facilitators and those who may publish."""

from wagtail.models import PagePermissionTester


class NetworkPermissionTester(PagePermissionTester):
    """Page permissions on a network or one of its updates, narrowed to the network's facilitators.

    The Network facilitators group holds add/change on every locale's network index (see
    portal/roles.py); this keeps them to the networks they facilitate, and the updates under them.
    Like profiles (people/permissions.py), anyone who may publish keeps their permissions, and so
    does a page's own creator, so a facilitator can finish a network they have just started.
    """

    def __init__(self, user, page, is_facilitator):
        """`is_facilitator()` tells whether the user facilitates the page's network; asked only when it matters."""
        super().__init__(user, page)
        if not user.is_active or user.is_superuser or "publish" in self.permissions:
            return
        if is_facilitator():
            return
        if page.owner_id and page.owner_id == user.pk:
            return
        self.permissions = set(self.permissions) - {"add", "change", "delete", "lock", "unlock"}
