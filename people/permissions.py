"""Who may edit a profile in the admin: its owner (as drafts) and the editors who may publish it.

A resource person's account is linked to their profile through ResourcePersonPage.user. That link,
not a group permission on the directory, is what lets them edit it, so no role ever hands out
"change" on every profile. A group permission to change pages is honoured on profiles only together
with the permission to publish them, i.e. for editors such as Communications; anyone else with a
broad "change" grant (for their case studies, say) still cannot edit someone else's profile.
"""

from wagtail.models import PagePermissionTester


class ProfilePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser:
            return
        if page.is_owned_by(user):
            # Owners save drafts; publishing stays with those who hold "publish".
            self.permissions = set(self.permissions) | {"change"}
        elif "publish" not in self.permissions:
            self.permissions = set(self.permissions) - {"add", "change", "delete", "lock", "unlock"}
