"""The admin API's page details, for a page an editor may read on the site but not explore in the admin.

wagtail-localize's translation editor names the page a chooser segment links to (a network's members,
a case study's method) by fetching that page's details from the admin API. Wagtail answers only for
pages the editor may explore, so a facilitator translating their network got a 404 for every member's
page, an error in the browser's console, and an empty box where the linked page's title belongs.

Details (never the explorer's listings) are also given for the live pages the editor may see on the
site (portal.visibility): nothing the site would not show them. Registered through Wagtail's
construct_admin_api hook (portal/wagtail_hooks.py) under Wagtail's own name, "pages".
"""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page

from portal.visibility import visible_to


class ReadablePagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        explorable = super().get_base_queryset()
        if self.action != "detail_view":
            return explorable
        return explorable | visible_to(Page.objects.live(), self.request.user)
