"""Languages, paging, wrong parameters (400 with a message, never a 500), the rate limit and the schema."""

import pytest

from api.throttling import check_rate
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def test_locale_picks_one_language_on_every_endpoint(world, employee_api):
    people = employee_api.get("/api/v2/people/?locale=sv").json()["items"]
    assert [(person["name"], person["locale"]) for person in people] == [("Sven Svensson", "sv")]
    networks = employee_api.get("/api/v2/networks/?locale=sv").json()["items"]
    assert [(network["title"], [g["title"] for g in network["gatherings"]]) for network in networks] == [
        ("Norrviks nätverk", ["Uppstart"])
    ]
    pages = employee_api.get("/api/v2/pages/?locale=sv").json()["items"]
    assert pages and {page["meta"]["locale"] for page in pages} == {"sv"}
    assert "Norrvik network" in [n["title"] for n in employee_api.get("/api/v2/networks/?locale=en").json()["items"]]


def test_pages_are_listed_in_slices_with_the_total(world, employee_api):
    total = employee_api.get("/api/v2/pages/?limit=1").json()["meta"]["total_count"]
    assert total > 3
    seen = []
    for offset in range(total):
        answer = employee_api.get(f"/api/v2/pages/?limit=1&offset={offset}").json()
        assert answer["meta"]["total_count"] == total
        seen += [page["id"] for page in answer["items"]]
    assert len(seen) == len(set(seen)) == total
    assert employee_api.get("/api/v2/people/?limit=1&offset=1").json()["items"][0]["name"] == "Sven Svensson"


BAD_REQUESTS = [
    ("/api/v2/pages/?limit=1000", "limit cannot be higher than 100"),
    ("/api/v2/pages/?limit=-1", "limit must be a positive integer"),
    ("/api/v2/people/?offset=x", "offset must be a positive integer"),
    ("/api/v2/networks/?limit=x", "limit must be a positive integer"),
    ("/api/v2/pages/?locale=xx", "locale must be one of"),
    ("/api/v2/people/?locale=xx", "locale must be one of"),
    ("/api/v2/networks/?locale=", "locale must be one of"),
    ("/api/v2/pages/?type=nothing.Here", "type doesn't exist"),
    ("/api/v2/pages/?child_of=abc", "child_of must be a positive integer"),
    ("/api/v2/pages/?descendant_of=-4", "descendant_of must be a positive integer"),
    ("/api/v2/pages/?fields=secret_field", "unknown fields: secret_field"),
    ("/api/v2/pages/?fields=(((", "fields error"),
    ("/api/v2/pages/?order=password", "cannot order by"),
    ("/api/v2/pages/?site=1", "query parameter is not an operation"),
    ("/api/v2/pages/?search=%00", "search needs some words"),
    ("/api/v2/pages/?search=a&search_operator=xor", "search_operator"),
    ("/api/v2/documents/?search=" + "a" * 300, "search can be at most"),
    ("/api/v2/people/?user=1", "query parameter is not an operation or a recognised field: user"),
    ("/api/v2/people/?organisation=abc", "organisation must be a positive integer"),
    ("/api/v2/networks/?fields=*", "query parameter is not an operation"),
    ("/api/v2/images/?title=%00", "null characters are not allowed"),
    ("/api/v2/pages/find/?id=abc", "id must be a positive integer"),
    ("/api/v2/documents/find/?id=1e9", "id must be a positive integer"),
    ("/api/v2/pages/?offset=99999999999999999999", "offset must be a positive integer"),
    ("/api/v2/pages/?rich_text_format=bogus", "rich_text_format must be one of"),
]


def test_bad_parameters_get_a_400_that_says_why(world, employee_api):
    # One test over every case: the portal behind them takes seconds to build.
    answers = {url: employee_api.get(url) for url, _message in BAD_REQUESTS}
    assert {url: answer.status_code for url, answer in answers.items()} == {url: 400 for url, _ in BAD_REQUESTS}
    for url, message in BAD_REQUESTS:
        assert message in answers[url].json()["message"], url


def test_an_unknown_address_under_the_api_is_a_json_404(world, employee_api):
    response = employee_api.get("/api/v2/secrets/")
    assert response.status_code == 404
    assert "/api/v2/schema/" in response.json()["message"]


def test_the_rate_limit_answers_429_with_retry_after_per_token(world, settings):
    settings.API_RATE_LIMIT = "3/minute"
    employee, communications = token_client(world.employee_token), token_client(world.communications_token)
    assert [employee.get("/api/v2/networks/").status_code for _ in range(3)] == [200, 200, 200]
    refused = employee.get("/api/v2/networks/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another token has its own allowance.
    assert communications.get("/api/v2/networks/").status_code == 200


def test_the_schema_parses_and_names_every_endpoint(world, client):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for endpoint in ("pages", "documents", "images", "people", "networks"):
        assert f"/api/v2/{endpoint}/" in paths
        assert f"/api/v2/{endpoint}/{{id}}/" in paths
        listing = paths[f"/api/v2/{endpoint}/"]["get"]
        assert {"limit", "offset"} <= {parameter["name"] for parameter in listing["parameters"]}
    person = paths["/api/v2/people/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"name", "job_title", "email", "topics"} <= set(person["properties"])
    assert "user" not in person["properties"]
    assert "locale" in {p["name"] for p in paths["/api/v2/networks/"]["get"]["parameters"]}
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


def test_a_rate_limit_the_api_cannot_read_stops_start_up(settings):
    settings.API_RATE_LIMIT = "lots"
    assert [error.id for error in check_rate()] == ["api.E001"]
    settings.API_RATE_LIMIT = "10/minute"
    assert check_rate() == []


def test_a_search_engine_that_does_not_answer_is_a_503_to_retry(world, employee_api, settings, closed_port):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": [f"http://127.0.0.1:{closed_port}"],
            "INDEX_PREFIX": "erfa_api_test_",
            "TIMEOUT": 1,
        }
    }
    response = employee_api.get("/api/v2/pages/?search=method")
    assert response.status_code == 503
    assert "search engine is not answering" in response.json()["detail"]
    # Listing without search still works.
    assert employee_api.get("/api/v2/pages/?type=methods.MethodPage").status_code == 200


def test_find_by_address_routes_in_the_language_of_its_prefix(world, employee_api):
    """A reader's address, with its language prefix, finds that language's page (it found the English one)."""
    for page in (world.swedish_network, world.network):
        answer = employee_api.get(f"/api/v2/pages/find/?html_path={page.url}")
        assert answer.status_code == 302 and f"/api/v2/pages/{page.pk}/" in answer["Location"], page.url
    swedish_home = world.swedish_network.get_parent().get_parent()
    answer = employee_api.get("/api/v2/pages/find/?html_path=/sv/")
    assert f"/api/v2/pages/{swedish_home.pk}/" in answer["Location"]
    assert employee_api.get("/api/v2/pages/find/?html_path=/sv/no-such-page/").status_code == 404
    # A page the reader may not see is not found, under a prefix as without one.
    restricted = employee_api.get(f"/api/v2/pages/find/?html_path={world.restricted_method.url}")
    assert restricted.status_code == 404
