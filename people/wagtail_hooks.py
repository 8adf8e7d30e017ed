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
from portal.i18n import source_language, synced_translation
from portal.languages import base_code


def own_profile(user):
    """The version of the user's profile they edit: the one in the admin's language, unless wagtail-localize
    keeps that one as a translation of another. Its editor only translates the text, and says the photo
    and contact details come from the original ("uses the version in ..."), so the owner, who keeps
    those current, edits the original; Communications keep the translations in step."""
    versions = ResourcePersonPage.objects.filter(user=user).select_related("locale")
    profiles = {profile.locale.language_code: profile for profile in versions}
    if not profiles:
        return None
    mine = profiles.get(base_code(get_language()))
    if mine is not None and synced_translation(mine) is None:
        return mine
    return profiles.get(source_language(next(iter(profiles.values())))) or mine or next(iter(profiles.values()))


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
    return OwnProfileMenuItem(
        _("My profile"), reverse_lazy("people_edit_own_profile"), name="my-profile", icon_name="user", order=150
    )


@hooks.register("register_log_actions")
def register_review_reminder_log_action(actions):
    # Each review reminder is written to the page's history (people/review_reminders.py).
    actions.register_action(REMINDER_ACTION, _("Review reminder"), _("Review reminder sent"))
