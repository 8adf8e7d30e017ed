"""Every endpoint answers with what the front end would show the token's owner, and nothing else."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(client, url, key="title"):
    return sorted(item[key] for item in items(client, url))


def test_pages_leave_out_restricted_and_password_pages_for_an_employee(world, employee_api, communications_api):
    url = "/api/v2/pages/?type=methods.MethodPage"
    assert titles(employee_api, url) == ["Open method"]
    # Communications pass the group restriction; nobody gets a page behind a password through the API.
    assert titles(communications_api, url) == ["Communications method", "Open method"]

    restricted = f"/api/v2/pages/{world.restricted_method.pk}/"
    assert employee_api.get(restricted).status_code == 404
    detail = communications_api.get(restricted)
    assert detail.status_code == 200
    assert detail.json()["title"] == "Communications method"
    assert employee_api.get(f"/api/v2/pages/{world.password_method.pk}/").status_code == 404
    assert communications_api.get(f"/api/v2/pages/{world.password_method.pk}/").status_code == 404


def test_a_passed_page_password_in_the_session_opens_nothing_in_the_api(world, client):
    client.force_login(world.employee)
    session = client.session
    passed = list(world.password_method.view_restrictions.values_list("pk", flat=True))
    session[PageViewRestriction.passed_view_restrictions_session_key] = passed
    session.save()
    assert client.get(f"/api/v2/pages/{world.password_method.pk}/").status_code == 404


def test_the_page_filters_cannot_reach_a_restricted_page(world, employee_api):
    secret = world.restricted_method.pk
    for parameter in ("child_of", "descendant_of", "ancestor_of", "translation_of"):
        response = employee_api.get(f"/api/v2/pages/?{parameter}={secret}")
        assert response.status_code == 400, parameter
        assert "Communications" not in response.content.decode()
    found = employee_api.get(f"/api/v2/pages/find/?id={secret}")
    assert found.status_code == 404
    # Every field the endpoint offers, and still not the page.
    everything = items(employee_api, "/api/v2/pages/?type=methods.MethodPage&fields=*")
    assert [page["title"] for page in everything] == ["Open method"]
    assert all("alias_of" not in page["meta"] for page in everything)


def test_the_page_search_keeps_to_the_visible_pages(world, employee_api, communications_api):
    assert "Communications method" not in titles(employee_api, "/api/v2/pages/?search=method")
    assert "Communications method" in titles(communications_api, "/api/v2/pages/?search=method")


def test_documents_and_images_of_a_private_collection_only_for_its_group(world, employee_api, communications_api):
    assert titles(employee_api, "/api/v2/documents/") == ["Progress plan"]
    assert titles(communications_api, "/api/v2/documents/") == ["Budget draft", "Progress plan"]
    assert titles(employee_api, "/api/v2/images/") == ["Team photo"]
    assert titles(communications_api, "/api/v2/images/") == ["Board photo", "Team photo"]
    assert employee_api.get(f"/api/v2/documents/{world.private_document.pk}/").status_code == 404
    assert employee_api.get(f"/api/v2/images/{world.private_image.pk}/").status_code == 404
    assert employee_api.get(f"/api/v2/documents/find/?id={world.private_document.pk}").status_code == 404
    assert communications_api.get(f"/api/v2/documents/{world.private_document.pk}/").status_code == 200


def test_people_are_those_the_directory_shows_with_their_public_fields(world, employee_api, communications_api):
    for client in (employee_api, communications_api):
        assert titles(client, "/api/v2/people/", key="name") == ["Sigrid Lunde", "Sven Svensson"]
        assert client.get(f"/api/v2/people/{world.hidden_person.pk}/").status_code == 404
    # Not through the pages endpoint either.
    assert employee_api.get(f"/api/v2/pages/{world.hidden_person.pk}/").status_code == 404
    assert "Hilda Hidden" not in titles(employee_api, "/api/v2/pages/?type=people.ResourcePersonPage")

    person = employee_api.get(f"/api/v2/people/{world.person.pk}/").json()
    assert person["name"] == "Sigrid Lunde"
    assert person["job_title"] == "Nurse"
    assert person["email"] == world.person.email
    assert person["html_url"].endswith(world.person.url)
    assert person["detail_url"].endswith(f"/api/v2/people/{world.person.pk}/")
    assert not {"user", "hidden_from_directory", "last_reviewed", "content_owner"} & set(person)


def test_people_and_networks_on_a_restricted_page_stay_hidden(world, employee_api):
    PageViewRestriction.objects.create(page=world.network, restriction_type="login")
    assert employee_api.get(f"/api/v2/networks/{world.network.pk}/").status_code == 200
    world.network.view_restrictions.all().delete()
    PageViewRestriction.objects.create(page=world.network, restriction_type="password", password="x")
    assert employee_api.get(f"/api/v2/networks/{world.network.pk}/").status_code == 404
    assert "Norrvik network" not in titles(employee_api, "/api/v2/networks/")


def test_networks_carry_their_gatherings_and_only_findable_facilitators(world, employee_api):
    network = employee_api.get(f"/api/v2/networks/{world.network.pk}/").json()
    assert network["title"] == "Norrvik network"
    assert [gathering["title"] for gathering in network["gatherings"]] == ["Kick-off", "Second gathering"]
    assert network["gatherings"][0]["place"] == "Town hall, room 2"
    assert [(row["name"], row["role"]) for row in network["facilitators"]] == [("Sigrid Lunde", "Course leader")]
    assert network["facilitators"][0]["detail_url"].endswith(f"/api/v2/people/{world.person.pk}/")
    assert [member["team"] for member in network["members"]] == ["Home care North"]
