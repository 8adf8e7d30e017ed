from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import Organisation, Topic


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
