"""/api/v2/people/: the people the directory shows a signed-in employee, with what their profile shows them.

Nobody hidden from the directory, nobody on a page the client may not see (portal.visibility, through
api.access). Only the profile's public fields: never the linked account, review dates or moderation state.
`?search=` matches as the directory's search does (people.directory), `?locale=` picks one language's
directory, `?organisation=<id>` one organisation.
"""

from django.db.models import Prefetch
from django.urls import path
from rest_framework import serializers
from wagtail.api.v2.views import BaseAPIViewSet

from api.access import visible_pages
from api.endpoints.base import ApiAccess, check_known_parameters, detail_url, requested_locale, whole_number
from people.directory import matching
from people.models import ResourcePersonPage, SpokenLanguage
from portal.models import Topic


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="title")
    job_title = serializers.CharField()
    organisation = serializers.SerializerMethodField()
    unit = serializers.CharField()
    ask_me_about = serializers.CharField()
    topics = serializers.SerializerMethodField()
    languages_spoken = serializers.SerializerMethodField()
    email = serializers.EmailField()
    phone = serializers.CharField()
    location = serializers.CharField()
    photo = serializers.IntegerField(source="photo_id", allow_null=True)
    locale = serializers.CharField(source="locale.language_code")
    html_url = serializers.CharField(source="full_url")
    detail_url = serializers.SerializerMethodField()

    def get_organisation(self, person):
        organisation = person.organisation
        return {"id": organisation.pk, "name": organisation.name} if organisation else None

    def get_topics(self, person):
        return [topic.name for topic in person.topics.all()]

    def get_languages_spoken(self, person):
        return [language.language for language in person.spoken_languages.all()]

    def get_detail_url(self, person):
        return detail_url(self.context["request"], "people", person.pk)


def people_for(request):
    people = visible_pages(ResourcePersonPage.objects.all(), request)
    code = requested_locale(request)
    if code is not None:
        people = people.filter(locale__language_code=code)
    organisation = whole_number(request, "organisation")
    if organisation is not None:
        people = people.filter(organisation_id=organisation)
    people = matching(people, request.GET.get("search", ""))
    return people.select_related("organisation", "locale").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        Prefetch("spoken_languages", queryset=SpokenLanguage.objects.order_by("sort_order")),
    )


class PeopleEndpoint(ApiAccess, BaseAPIViewSet):
    name = "people"
    model = ResourcePersonPage
    schema_serializer = PersonSerializer
    known_query_parameters = frozenset({"limit", "offset", "locale", "search", "organisation", "format", "_"})

    def get_queryset(self):
        return people_for(self.request)

    def check_query_parameters(self, queryset):
        check_known_parameters(self.request, self.known_query_parameters)

    def get_serializer_class(self):
        return PersonSerializer

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]
