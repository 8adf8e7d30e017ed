from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import Organisation, Topic
from portal.moderation import translations
from portal.moderation import views as moderation_views
from portal.security import views as security_views


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "locale"]
    search_fields = ["name"]
    # The lists are short: the database's "contains" finds any text in any order of the columns, where the
    # search backend fails on SQLite (its full-text columns are not the model's fields) and on sorting.
    search_backend_name = None


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "kind", "region", "locale"]
    list_filter = ["kind"]
    search_fields = ["name", "region"]
    search_backend_name = None  # As for topics.


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


# Before wagtail-localize's own before_edit_page hook (order 0), which publishes the translation.
hooks.register("before_edit_page", translations.confirm_before_publishing_incomplete, order=-10)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "moderation/translations/<int:page_id>/submit/",
            moderation_views.submit_translation_for_review,
            name="erfa_submit_translation",
        ),
        path(
            "moderation/translations/<int:page_id>/translate/",
            moderation_views.TranslatePageView.as_view(),
            name="erfa_translate_page",
        ),
    ]


def has_locale_to_translate_into(page):
    translated = page.get_translations(inclusive=True).filter(alias_of__isnull=True).values_list("locale_id")
    return Locale.objects.exclude(pk__in=translated).exists()


def translation_buttons(page, user, next_url=None, view_name=None):
    """"Translate this page" and "Submit translation for review", for anyone who may edit the page.

    wagtail-localize shows its own "Translate this page" to holders of its site-wide permission
    (Communications); everyone else gets Erfa's, which checks the page (portal/moderation/views.py).
    """
    if page.is_root() or page.alias_of_id:
        return
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        return
    if not user.has_perm("wagtail_localize.submit_translation") and has_locale_to_translate_into(page):
        yield Button(
            _("Translate this page"),
            reverse("erfa_translate_page", args=[page.pk]),
            icon_name="wagtail-localize-language",
            priority=60,
        )
    if translations.may_submit_for_review(page, user):
        yield Button(
            _("Submit translation for review"),
            reverse("erfa_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=30,
        )


hooks.register("register_page_listing_more_buttons", translation_buttons)
hooks.register("register_page_header_buttons", translation_buttons)


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
