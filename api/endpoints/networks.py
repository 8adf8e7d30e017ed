"""/api/v2/networks/: the networks the client may see, each with its gatherings, facilitators and members.

A facilitator hidden from the directory is left out, as on the network's page (portal.visibility's
unlisted people). `?locale=` picks one language's networks; the rows are that language version's own.
"""

from django.db.models import Prefetch
from django.urls import path
from rest_framework import serializers
from wagtail.api.v2.views import BaseAPIViewSet

from api.access import visible_pages
from api.endpoints.base import ApiAccess, check_known_parameters, detail_url, requested_locale
from networks.models import Gathering, NetworkFacilitator, NetworkMember, NetworkPage
from people.models import ResourcePersonPage


class GatheringSerializer(serializers.Serializer):
    title = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    place = serializers.CharField()
    online_link = serializers.CharField()
    agenda = serializers.CharField()
    assignment = serializers.CharField()


class NetworkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    region = serializers.CharField()
    number_of_gatherings = serializers.IntegerField(allow_null=True)
    team_size = serializers.CharField()
    duration = serializers.CharField()
    locale = serializers.CharField(source="locale.language_code")
    html_url = serializers.CharField(source="full_url")
    detail_url = serializers.SerializerMethodField()
    gatherings = GatheringSerializer(many=True, source="gatherings.all")
    facilitators = serializers.SerializerMethodField()
    members = serializers.SerializerMethodField()

    def get_detail_url(self, network):
        return detail_url(self.context["request"], "networks", network.pk)

    def get_facilitators(self, network):
        request = self.context["request"]
        return [
            {
                "id": row.person_id,
                "name": row.person.title,
                "role": row.role_title,
                "detail_url": detail_url(request, "people", row.person_id),
            }
            for row in network.facilitators.all()
        ]

    def get_members(self, network):
        return [
            {"organisation": row.organisation.name if row.organisation else None, "team": row.team}
            for row in network.members.all()
        ]


def networks_for(request):
    networks = visible_pages(NetworkPage.objects.all(), request)
    code = requested_locale(request)
    if code is not None:
        networks = networks.filter(locale__language_code=code)
    # Only the facilitators the client may find in the directory, in the same query as the rows.
    people = visible_pages(ResourcePersonPage.objects.all(), request)
    facilitators = NetworkFacilitator.objects.filter(person__in=people.values("pk")).select_related("person")
    return (
        networks.order_by("title", "pk")
        .select_related("locale")
        .prefetch_related(
            Prefetch("gatherings", queryset=Gathering.objects.order_by("start", "pk")),
            Prefetch("facilitators", queryset=facilitators.order_by("sort_order", "pk")),
            Prefetch("members", queryset=NetworkMember.objects.select_related("organisation").order_by("sort_order")),
        )
    )


class NetworksEndpoint(ApiAccess, BaseAPIViewSet):
    name = "networks"
    model = NetworkPage
    schema_serializer = NetworkSerializer
    known_query_parameters = frozenset({"limit", "offset", "locale", "format", "_"})

    def get_queryset(self):
        return networks_for(self.request)

    def check_query_parameters(self, queryset):
        check_known_parameters(self.request, self.known_query_parameters)

    def get_serializer_class(self):
        return NetworkSerializer

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]
