from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Locale

from moderation import action_menu, aliases, decisions, history, my_pages, translations
from moderation import views as moderation_views


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return moderation_views.PageViewSet(name="erfa_pages")


# After Wagtail's own register_log_actions hook (order 0; Erfa's apps come first in INSTALLED_APPS, so
# without the order Wagtail's would run last and win): the workflow's names in history, translated.
hooks.register("register_log_actions", history.register_translated_workflow_actions, order=1)

# Before wagtail-localize's own before_edit_page hook (order 0), which publishes the translation and
# restarts a stopped one ("Start Synced translation", for those who may publish: moderation/aliases.py).
hooks.register("before_edit_page", translations.confirm_before_publishing_incomplete, order=-10)
hooks.register("before_edit_page", aliases.refuse_restarting_sync, order=-10)


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
        path("moderation/my-pages/", my_pages.MyPagesInReviewView.as_view(), name="erfa_my_pages_in_review"),
    ]


@hooks.register("register_admin_menu_item")
def register_my_pages_in_review_menu_item():
    return my_pages.MyPagesInReviewMenuItem(
        _("My pages in review"),
        reverse_lazy("erfa_my_pages_in_review"),
        name="my-pages-in-review",  # named, or Wagtail names it from the label in the first editor's language
        icon_name="list-ul",
        order=160,
    )


# The review as its people see it: a confirmation for the reviewer, the author's next step and place to
# land, "Withdraw from review" after the primary actions, and no alias conversion past the review.
hooks.register("construct_page_action_menu", action_menu.arrange_review_actions)
hooks.register("after_edit_page", decisions.confirm_decision_from_editor)
hooks.register("after_edit_page", my_pages.land_after_submitting)
hooks.register("after_create_page", my_pages.land_after_submitting)
hooks.register("before_convert_alias_page", aliases.refuse_alias_conversion)


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
