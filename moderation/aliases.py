"""Who may turn a page into an alias of its source, or an alias into an ordinary page.

wagtail-localize's "Convert to alias page" replaces a translation by the source page's published
content and publishes it at once, past the review workflow; it asks only that one may edit the page.
Erfa lets only those who may publish the page (Communications, administrators) do it: the menu item is
left out for everyone else (moderation/action_menu.py, the translation editor's template), and its URL
refuses them (AliasConversionGuardMiddleware: wagtail-localize's view has no hook). Wagtail's own
conversion of an alias into an ordinary page follows the same rule through its
before_convert_alias_page hook.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page

CONVERT_TO_ALIAS_ACTION = "localize-convert-to-alias"
CONVERT_TO_ALIAS_VIEW = "wagtail_localize:convert_to_alias"


def may_convert_to_alias(user, page):
    return user.is_active and (user.is_superuser or page.permissions_for_user(user).can_publish())


def refuse_alias_conversion(request, page):
    """before_convert_alias_page: Wagtail's "Convert this alias into an ordinary page"."""
    if not may_convert_to_alias(request.user, page):
        raise PermissionDenied


class AliasConversionGuardMiddleware:
    """Refuses wagtail-localize's convert-to-alias URL to those who may not publish the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != CONVERT_TO_ALIAS_VIEW:
            return None
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return None  # The admin sends whoever may not use it to its login page itself.
        page = get_object_or_404(Page, pk=view_kwargs.get("page_id")).specific
        if not may_convert_to_alias(request.user, page):
            raise PermissionDenied
        return None
