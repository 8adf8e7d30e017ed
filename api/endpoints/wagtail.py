"""Wagtail's own endpoints (pages, documents, images), held to the front end's visibility rules.

Wagtail's versions decide visibility from the request's session (a page password passed there opens
a page here too) and filter restricted pages one clause per restriction; these use api.access
instead. Pages drop `alias_of`, which would name an alias's original even where that is restricted,
and the `site` parameter (Erfa has one site, with a tree per language). A listing costs the same
number of queries however many items it holds: locales and tags come with it, not one query an item.
"""

from django.http import Http404
from django.utils import translation
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from api.access import in_open_collections, visible_pages
from api.endpoints.base import ApiAccess, LocaleFilter, SearchFilter
from portal.languages import base_code


class PrefetchedTagsField(TagsField):
    """The tags prefetched with the listing, sorted here: Wagtail's field asks the database per item."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTags:
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs


class DocumentWithTagsSerializer(PrefetchedTags, DocumentSerializer):
    pass


class ImageWithTagsSerializer(PrefetchedTags, ImageSerializer):
    pass


class PagesEndpoint(ApiAccess, PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SearchFilter,  # Last: it orders by relevance.
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"site"}
    meta_fields = [name for name in PagesAPIViewSet.meta_fields if name != "alias_of"]

    def get_base_queryset(self):
        # Every language's tree, without the tree's root (depth 1), which no reader ever sees.
        return visible_pages(Page.objects.filter(depth__gt=1), self.request).order_by("path")

    def get_queryset(self):
        return super().get_queryset().select_related("locale").order_by("id")

    def find_object(self, queryset, request):
        """`find/?html_path=` with a reader's address, language prefix and all (/sv/natverk/…).

        Wagtail routes the path from the site's root page in the API's own language, so "/sv/" found the
        English home page and "/sv/natverk/…" the English network; the prefix names the tree to route in.
        """
        components = [part for part in request.GET.get("html_path", "").split("/") if part]
        language = base_code(components[0]) if components else None
        site = Site.find_for_request(request)
        if language is None or components[0] != language or site is None:
            return super().find_object(queryset, request)
        with translation.override(language):
            try:
                page, _args, _kwargs = site.root_page.localized.specific.route(request, components[1:])
            except Http404:
                return None
        return page if queryset.filter(id=page.id).exists() else None


class DocumentsEndpoint(ApiAccess, DocumentsAPIViewSet):
    base_serializer_class = DocumentWithTagsSerializer
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return in_open_collections(self.model.objects.prefetch_related("tags").order_by("id"), self.request)


class ImagesEndpoint(ApiAccess, ImagesAPIViewSet):
    base_serializer_class = ImageWithTagsSerializer
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return in_open_collections(self.model.objects.prefetch_related("tags").order_by("id"), self.request)
