import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_is_open_and_reports_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "search": "ok"}}


def test_healthz_names_an_unreachable_search_engine(client, closed_port):
    closed = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [f"http://127.0.0.1:{closed_port}"],
            "INDEX_PREFIX": "erfa_health_",
            "TIMEOUT": 1,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=closed):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["search"].startswith("down")


def test_healthz_reports_a_reachable_search_engine(client, opensearch_url):
    backend = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [opensearch_url],
            "INDEX_PREFIX": "erfa_health_",
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backend):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["search"] == "ok"
