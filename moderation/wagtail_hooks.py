from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Locale

from moderation import translations
from moderation import views as moderation_views


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
    """ "Translate this page" and "Submit translation for review", for anyone who may edit the page.

    wagtail-localize shows its own "Translate this page" to holders of its site-wide permission
    (Communications); everyone else gets Erfa's, which checks the page (moderation/views.py).
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
