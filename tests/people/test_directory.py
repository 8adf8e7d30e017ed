import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.factories import ResourcePersonPageFactory, SpokenLanguageFactory
from people.models import ResourcePersonPage
from portal.factories import OrganisationFactory, TopicFactory
from portal.listing import PAGE_SIZE
from tests.utils import follow_link, link_href

pytestmark = pytest.mark.django_db


def names(response):
    return [person.title for person in response.context["people"]]


def test_search_finds_expertise_in_ask_me_about_and_topics(directory, person, employee_client):
    ResourcePersonPageFactory(parent=directory, title="Olle Berg", ask_me_about="Budgets and rotas.")
    by_text = employee_client.get(directory.url, {"q": "reflection"})
    assert names(by_text) == ["Sigrid Lunde"]
    by_topic_and_title = employee_client.get(directory.url, {"q": "meetings coordinator"})
    assert names(by_topic_and_title) == ["Sigrid Lunde"]
    assert "Olle Berg" not in by_text.content.decode()


def test_search_by_name_job_title_and_organisation(directory, employee_client):
    municipality = OrganisationFactory(name="Malmö stad")
    ResourcePersonPageFactory(parent=directory, title="Anna Ek", job_title="Nurse", organisation=municipality)
    ResourcePersonPageFactory(parent=directory, title="Bo Ekström", job_title="Manager")
    ResourcePersonPageFactory(parent=directory, title="Cecilia Dahl", job_title="Physiotherapist")
    assert names(employee_client.get(directory.url, {"q": "ek"})) == ["Anna Ek", "Bo Ekström"]
    assert names(employee_client.get(directory.url, {"q": "physio"})) == ["Cecilia Dahl"]
    assert names(employee_client.get(directory.url, {"q": "malmö"})) == ["Anna Ek"]


def test_empty_search_lists_everyone_paginated(directory, employee_client):
    for number in range(30):
        ResourcePersonPageFactory(parent=directory, title=f"Person {number:02}")
    first = employee_client.get(directory.url)
    assert first.context["people"].paginator.count == 30
    assert len(names(first)) == PAGE_SIZE
    assert link_href(first.content.decode(), rel="next") == "?page=2"
    second = follow_link(employee_client, directory.url, first.content.decode(), rel="next")
    assert names(second) == [f"Person {number:02}" for number in range(PAGE_SIZE, min(2 * PAGE_SIZE, 30))]


def test_filters_topic_organisation_language_and_letter(directory, employee_client):
    topic = TopicFactory(name="Quality")
    organisation = OrganisationFactory(name="Region Skåne")
    anna = ResourcePersonPageFactory(parent=directory, title="Anna Ek", organisation=organisation)
    anna.topics.add(topic)
    anna.save()
    bo = ResourcePersonPageFactory(parent=directory, title="Bo Berg")
    SpokenLanguageFactory(person=bo, language="da")
    ResourcePersonPageFactory(parent=directory, title="Ceda Ali")

    assert names(employee_client.get(directory.url, {"topic": topic.pk})) == ["Anna Ek"]
    assert names(employee_client.get(directory.url, {"organisation": organisation.pk})) == ["Anna Ek"]
    assert names(employee_client.get(directory.url, {"language": "da"})) == ["Bo Berg"]
    response = employee_client.get(directory.url, {"letter": "c"})
    assert names(response) == ["Ceda Ali"]
    assert response.context["letters"] == ["A", "B", "C"]
    # The letter bar's links keep the other filters and drop the page; "All" drops the letter.
    page = directory.url + f"?topic={topic.pk}&page=1"
    html = employee_client.get(page).content.decode()
    assert link_href(html, text="A") == f"?topic={topic.pk}&letter=A"
    assert names(follow_link(employee_client, page, html, text="A")) == ["Anna Ek"]
    lettered = employee_client.get(directory.url + "?letter=C").content.decode()
    assert link_href(lettered, text="All") == "?"
    assert names(follow_link(employee_client, directory.url + "?letter=C", lettered, text="All")) == [
        "Anna Ek",
        "Bo Berg",
        "Ceda Ali",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "9999"},
        {"topic": "999999"},
        {"topic": "abc"},
        {"organisation": "-1"},
        {"network": "nonsense"},
        {"language": "xx"},
        {"letter": "too long"},
        {"q": "x" * 5000},
        {"q": "%_\\'\"<script>"},
    ],
)
def test_bad_parameters_fall_back(directory, person, employee_client, params):
    response = employee_client.get(directory.url, params)
    assert response.status_code == 200
    if "q" not in params:
        # The bad filter is ignored: everyone is listed.
        assert names(response) == ["Sigrid Lunde"]
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_hidden_people_are_left_out_of_search_and_autocomplete(directory, person, employee_client, settings):
    settings.PAGE_CACHE = False  # The last check reads the render's context, which a cached copy has not.
    ResourcePersonPageFactory(parent=directory, title="Hidden Helga", hidden_from_directory=True)
    assert "Hidden Helga" not in employee_client.get(directory.url).content.decode()
    assert names(employee_client.get(directory.url, {"q": "Helga"})) == []
    assert names(employee_client.get(directory.url, {"q": "reflection"})) == ["Sigrid Lunde"]
    suggestions = employee_client.get(f"{directory.url}autocomplete/", {"q": "helg"}).json()["results"]
    assert [row["name"] for row in suggestions] == []
    assert "H" not in employee_client.get(directory.url).context["letters"]


def test_hidden_people_are_left_out_of_site_search(directory, person, employee_client):
    from wagtail.models import Page

    helga = ResourcePersonPageFactory(parent=directory, title="Helga Hidden")
    assert Page.objects.live().search("Helga").count() == 1
    helga.hidden_from_directory = True
    helga.save_revision().publish()
    assert Page.objects.live().search("Helga").count() == 0


def test_autocomplete_suggests_names_without_contact_data(directory, person, employee_client):
    response = employee_client.get(f"{directory.url}autocomplete/", {"q": "refl"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response.json() == {
        "results": [
            {
                "name": "Sigrid Lunde",
                "job_title": "Care coordinator",
                "organisation": person.organisation.name,
                "url": person.url,
            }
        ]
    }
    assert "example.org" not in response.content.decode()
    assert "22 33" not in response.content.decode()
    # One letter is too little to suggest anything.
    assert employee_client.get(f"{directory.url}autocomplete/", {"q": "s"}).json() == {"results": []}


def test_network_filter_finds_facilitators_spokespersons_and_members(directory, employee_client):
    import networks.factories as networks
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    network_index = networks.NetworkIndexPageFactory(parent=home)
    network = networks.NetworkPageFactory(parent=network_index, title="Reflective care")
    member_org = OrganisationFactory(name="Member workplace")
    facilitator = ResourcePersonPageFactory(parent=directory, title="Fia Facilitator")
    spokesperson = ResourcePersonPageFactory(parent=directory, title="Sam Spokes")
    ResourcePersonPageFactory(parent=directory, title="Mia Member", organisation=member_org)
    ResourcePersonPageFactory(parent=directory, title="Otto Outsider")
    networks.NetworkFacilitatorFactory(page=network, person=facilitator)
    networks.NetworkSpokespersonFactory(page=network, person=spokesperson)
    networks.NetworkMemberFactory(page=network, organisation=member_org)

    response = employee_client.get(directory.url, {"network": network.pk})
    assert names(response) == ["Fia Facilitator", "Mia Member", "Sam Spokes"]
    assert (network.pk, "Reflective care") in response.context["filter_form"].fields["network"].choices


def add_people(directory, count, topic):
    for _ in range(count):
        profile = ResourcePersonPageFactory(parent=directory, title=f"Person {ResourcePersonPage.objects.count():02}")
        profile.topics.add(topic, TopicFactory())
        profile.save()
        SpokenLanguageFactory(person=profile, language="sv")


def count_queries(client, url, params):
    client.get(url, params)  # warm the per-process caches (site root paths, content types) like any later request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


# Serving any page costs 4 queries (session, user, locale, view restrictions); the directory adds its
# options and A–Z, count, page and the cards' topics and photos (tests/people/test_directory_query_budget.py).
DIRECTORY_MAX_QUERIES = 9


def test_directory_query_count_is_the_same_for_3_and_30_people(directory, employee_client):
    topic = TopicFactory(name="Shared topic")
    params = {"q": "person", "topic": topic.pk, "language": "sv"}
    add_people(directory, 3, topic)
    for_three, response = count_queries(employee_client, directory.url, params)
    assert len(response.context["people"]) == 3
    add_people(directory, 27, topic)
    for_thirty, response = count_queries(employee_client, directory.url, params)
    assert len(response.context["people"]) == PAGE_SIZE
    assert for_three == for_thirty <= DIRECTORY_MAX_QUERIES


def test_autocomplete_query_count_is_the_same_for_3_and_30_people(directory, employee_client):
    url = f"{directory.url}autocomplete/"
    topic = TopicFactory(name="Shared topic")
    add_people(directory, 3, topic)
    for_three, response = count_queries(employee_client, url, {"q": "pe"})
    assert len(response.json()["results"]) == 3
    add_people(directory, 27, topic)
    for_thirty, response = count_queries(employee_client, url, {"q": "pe"})
    assert len(response.json()["results"]) == 8
    assert for_three == for_thirty <= 10


def test_search_finds_other_forms_of_a_word_in_the_readers_language(directory, employee_client):
    from people.directory import matching

    ResourcePersonPageFactory(parent=directory, title="Saga Holm", ask_me_about="Reflektion efter svåra möten.")
    ResourcePersonPageFactory(parent=directory, title="Olle Berg", ask_me_about="Scheman och budgetar.")
    people = ResourcePersonPage.objects.filter(pk__in=directory.get_children().values("pk"))
    # "reflektioner" is found as the site's search finds it, by its Swedish stem "reflektion".
    assert [p.title for p in matching(people, "reflektioner", "sv")] == ["Saga Holm"]
    assert [p.title for p in matching(people, "reflections", "en")] == []  # no English stem of a Swedish word
    # The English directory stems English: "meetings" finds "meeting".
    ResourcePersonPageFactory(parent=directory, title="Ada Lind", ask_me_about="Running a good meeting.")
    assert names(employee_client.get(directory.url, {"q": "meetings"})) == ["Ada Lind"]
    # A stem too short to tell words apart is not used: "möten" looks for itself.
    assert [p.title for p in matching(people, "möten", "sv")] == ["Saga Holm"]
