from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from portal import admin_menus, page_chooser, view_restrictions
from portal.admin_api import ReadablePagesAdminAPIViewSet
from portal.document_privacy import documents_the_user_may_open
from portal.languages import base_code
from portal.models import Organisation, Topic


class InEditorsLanguageIndexView(IndexView):
    """A translatable snippet's listing opens on the editor's language, not on all five mixed.

    The plain address (the menu, the breadcrumbs) adds Wagtail's own locale filter, so the editor sees
    it as a filter they may widen to "All"; any other query (a search, a sort, "All") is left as it is.
    The menu's link keeps the plain address: the sidebar marks the active item by matching it.
    """

    def get(self, request, *args, **kwargs):
        code = base_code(get_language())
        if not self.results_only and not request.GET and code and Locale.objects.filter(language_code=code).exists():
            return redirect(f"{request.path}?locale={code}")
        return super().get(request, *args, **kwargs)


class TaxonomyViewSet(SnippetViewSet):
    """Wagtail's SnippetViewSet names its first breadcrumb with gettext while the URLs load, so "Home"
    stayed English in every admin language; named lazily, it follows the editor's language."""

    index_view_class = InEditorsLanguageIndexView
    # The lists are short: the database's "contains" finds any text in any order of the columns, where the
    # search backend fails on SQLite (its full-text columns are not the model's fields) and on sorting.
    search_backend_name = None

    @property
    def breadcrumbs_items(self):
        home, *rest = super().breadcrumbs_items
        return [{**home, "label": _("Home")}, *rest]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "locale"]
    search_fields = ["name"]


class OrganisationViewSet(TaxonomyViewSet):
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

# Two items Wagtail and wagtail-localize label once per process, in the first editor's language, are labelled
# again in each editor's own (portal/admin_menus.py).
hooks.register("construct_reports_menu", admin_menus.translations_report_in_editors_language)
hooks.register("construct_help_menu", admin_menus.whats_new_in_editors_language)

# Private-collection documents are offered only to those who may open them (portal/document_privacy.py).
hooks.register("construct_document_chooser_queryset", documents_the_user_may_open)

# The page chooser's search in the language it browses: the edited page's unless the editor picks another
# (portal/page_chooser.py, with its middleware).
hooks.register("construct_page_chooser_queryset", page_chooser.search_in_chooser_language)

# A signed-in reader kept out by a "groups" restriction is refused (403), not sent to sign in again
# (portal/view_restrictions.py); the order puts each ahead of Wagtail's own check.
hooks.register("on_serve_page", view_restrictions.refuse_signed_in_readers_of_pages, order=view_restrictions.ORDER)
hooks.register(
    "before_serve_document", view_restrictions.refuse_signed_in_readers_of_documents, order=view_restrictions.ORDER
)


@hooks.register("construct_admin_api")
def page_details_for_readers(router):
    """Details of the live pages an editor may see on the site, for the translation editor (portal/admin_api.py)."""
    router.register_endpoint("pages", ReadablePagesAdminAPIViewSet)


@hooks.register("insert_global_admin_css")
def erfa_admin_colours():
    """Erfa's colours in the admin, through the colour custom properties Wagtail documents for theming."""
    return format_html('<link rel="stylesheet" href="{}">', static("portal/admin.css"))


# Wagtail's own messages (its catalogues and Erfa's admin catalogues translate them), for the toggle that
# wagtail-localize names in English and the header's navigation Wagtail's template names in English; held
# in names so that makemessages does not copy them into Erfa's.
WAGTAILS_MORE_ACTIONS = "More actions"
WAGTAILS_ACTIONS = "Actions"


@hooks.register("insert_global_admin_js")
def erfa_admin_field_names():
    """Accessible names for the inputs Wagtail and wagtail-localize draw without one (portal/admin-names.js).
    The labels travel in the tag so the script says them in the editor's own language."""
    return format_html(
        '<script src="{}" data-upload-label="{}" data-more-actions="{}" data-actions="{}" defer></script>',
        static("portal/admin-names.js"),
        _("Upload a translation file (PO)"),
        _(WAGTAILS_MORE_ACTIONS),
        _(WAGTAILS_ACTIONS),
    )
