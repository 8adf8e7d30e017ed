"""The admin side of "own profile": a "My profile" menu item that opens the user's profile for editing.

The rule itself (owners may edit their own profile and no other) is in people/permissions.py.
"""

from django.shortcuts import redirect
from django.urls import path, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people.models import ResourcePersonPage
from people.review_reminders import REMINDER_ACTION


def own_profile(user):
    """The user's profile, preferably in the admin's language."""
    profiles = list(ResourcePersonPage.objects.filter(user=user).select_related("locale"))
    language = (get_language() or "").split("-")[0]
    return next((p for p in profiles if p.locale.language_code == language), profiles[0] if profiles else None)


def edit_own_profile(request):
    profile = own_profile(request.user)
    if profile is None:
        return redirect("wagtailadmin_home")
    return redirect("wagtailadmin_pages:edit", profile.pk)


class OwnProfileMenuItem(MenuItem):
    def is_shown(self, request):
        return ResourcePersonPage.objects.filter(user=request.user).exists()


@hooks.register("register_admin_urls")
def register_own_profile_url():
    return [path("my-profile/", edit_own_profile, name="people_edit_own_profile")]


@hooks.register("register_admin_menu_item")
def register_own_profile_menu_item():
    return OwnProfileMenuItem(_("My profile"), reverse_lazy("people_edit_own_profile"), icon_name="user", order=150)


@hooks.register("register_log_actions")
def register_review_reminder_log_action(actions):
    # Each review reminder is written to the page's history (people/review_reminders.py).
    actions.register_action(REMINDER_ACTION, _("Review reminder"), _("Review reminder sent"))
