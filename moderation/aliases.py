"""Who may change what a translation follows: turn it into an alias of its source (or an alias into an
ordinary page), and stop or restart a synced translation.

wagtail-localize's "Convert to alias page" replaces a translation by the source page's published
content and publishes it at once, past the review workflow; it asks only that one may edit the page.
Erfa lets only those who may publish the page (Communications, administrators) do it: the menu item is
left out for everyone else (moderation/action_menu.py, the translation editor's template), and its URL
refuses them (AliasConversionGuardMiddleware: wagtail-localize's view has no hook). Wagtail's own
conversion of an alias into an ordinary page follows the same rule through its
before_convert_alias_page hook.

Stopping a synced translation ("Stop Synced translation" in the translation editor) cuts it loose from
its source: Communications' "Sync translated pages" passes it by from then on, and it is edited as a page
of its own. Restarting it ("Start Synced translation" in the page editor's menu) ties it to the source
again. Both decide how a page's translations are kept, which is Communications' (README, "Roles": a
translator translates in the translation editor and submits for review), so the same rule applies:
wagtail-localize asks only that one may edit the page, and has no hook in either. Its stop view's URL is
refused by the same middleware, and its button is hidden (the translation editor's template); the restart
arrives as a POST to the page editor, refused in a before_edit_page hook that runs before
wagtail-localize's own, and its menu item is left out (moderation/action_menu.py).
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.models import Translation

CONVERT_TO_ALIAS_ACTION = "localize-convert-to-alias"
CONVERT_TO_ALIAS_VIEW = "wagtail_localize:convert_to_alias"
RESTART_TRANSLATION_ACTION = "localize-restart-translation"
STOP_TRANSLATION_VIEW = "wagtail_localize:stop_translation"


def may_convert_to_alias(user, page):
    return user.is_active and (user.is_superuser or page.permissions_for_user(user).can_publish())


def may_stop_or_restart_syncing(user, page):
    """Stopping or restarting a synced translation: those who may publish the page, as for an alias."""
    return may_convert_to_alias(user, page)


def refuse_alias_conversion(request, page):
    """before_convert_alias_page: Wagtail's "Convert this alias into an ordinary page"."""
    if not may_convert_to_alias(request.user, page):
        raise PermissionDenied


def refuse_restarting_sync(request, page):
    """before_edit_page, before wagtail-localize's: its "Start Synced translation" posts to the page editor."""
    if request.method != "POST" or RESTART_TRANSLATION_ACTION not in request.POST:
        return None
    if not may_stop_or_restart_syncing(request.user, page):
        raise PermissionDenied
    return None


def stop_translation_target(view_kwargs):
    """The page a stop-translation URL would cut loose, or None for a snippet (wagtail-localize's check holds)."""
    translation = get_object_or_404(Translation, pk=view_kwargs.get("translation_id"))
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as gone:
        raise Http404 from gone
    return target if isinstance(target, Page) else None


# wagtail-localize's views without a hook, and the page each works on and who may use it.
GUARDED_VIEWS = {
    CONVERT_TO_ALIAS_VIEW: (
        lambda view_kwargs: get_object_or_404(Page, pk=view_kwargs.get("page_id")).specific,
        may_convert_to_alias,
    ),
    STOP_TRANSLATION_VIEW: (stop_translation_target, may_stop_or_restart_syncing),
}


class AliasConversionGuardMiddleware:
    """Refuses wagtail-localize's convert-to-alias and stop-translation URLs to those who may not (above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in GUARDED_VIEWS:
            return None
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return None  # The admin sends whoever may not use it to its login page itself.
        find_page, may = GUARDED_VIEWS[match.view_name]
        page = find_page(view_kwargs)
        if page is not None and not may(request.user, page):
            raise PermissionDenied
        return None
