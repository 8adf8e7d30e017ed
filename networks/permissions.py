"""Who may edit a network and its updates in the admin: its facilitators and those who may publish."""

from people.permissions import OwnPagePermissionTester


class NetworkPermissionTester(OwnPagePermissionTester):
    """Page permissions on a network or one of its updates, for the network's facilitators.

    The Network facilitators group holds "add" on every locale's network index (portal/roles.py);
    the shared own-pages rule (people/permissions.py) gives them editing, as drafts, on the networks
    they facilitate and the updates under them, and none on other networks. Anyone who may publish
    keeps their permissions, and a page's creator counts as its owner.
    """

    def __init__(self, user, page, is_facilitator):
        """`is_facilitator()` tells whether the user facilitates the page's network; asked only when it matters."""
        super().__init__(user, page, is_own=is_facilitator)
