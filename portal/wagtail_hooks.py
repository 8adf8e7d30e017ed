from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_localize.models import Translation

from portal.models import Organisation, Topic
from portal.moderation import views as moderation_views
from portal.security import views as security_views


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "locale"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "kind", "region", "locale"]
    list_filter = ["kind"]
    search_fields = ["name", "region"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, OrganisationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Topics and organisations")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


# --- Moderation -------------------------------------------------------------
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return moderation_views.PageViewSet(name="erfa_pages")


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "moderation/translations/<int:page_id>/submit/",
            moderation_views.submit_translation_for_review,
            name="erfa_submit_translation",
        )
    ]


def is_synced_translation(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, next_url=None):
    # Only for those whom wagtail-localize's editor does not let publish; see portal/moderation/views.py.
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit() or permissions.can_publish() or page.workflow_in_progress:
        return
    if page.live and not page.has_unpublished_changes:
        return
    if is_synced_translation(page):
        yield Button(
            _("Submit translation for review"),
            reverse("erfa_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=30,
        )


# --- Login protection (portal/security/) ------------------------------------
@hooks.register("register_admin_urls")
def register_login_protection_urls():
    return [
        path("two-factor/enrol/", security_views.enrol, name="erfa_two_factor_enrol"),
        path("two-factor/verify/", security_views.verify, name="erfa_two_factor_verify"),
        path("lockouts/", security_views.LockoutsView.as_view(), name="erfa_lockouts"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return AdminOnlyMenuItem(_("Login lock-outs"), reverse("erfa_lockouts"), icon_name="lock", order=900)
