"""Personal tokens: made and revoked on the account page, shown once, stored as a hash, required by the API."""

import pytest
from django.test import Client
from wagtail.models import APIToken

from caching import readers
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def test_without_credentials_the_api_answers_401_with_a_bearer_challenge(world):
    response = Client().get("/api/v2/pages/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    # Not the intranet's login redirect: a program gets an answer it can read.
    assert response["Content-Type"] == "application/json"
    for bad in ("Bearer", "Bearer not-a-token", "Bearer wagtail_" + "A" * 40, "Bearer one two"):
        assert Client(HTTP_AUTHORIZATION=bad).get("/api/v2/people/").status_code == 401, bad


def test_a_token_made_on_the_account_page_is_shown_once_and_reads_the_api(world, client):
    client.force_login(world.employee)
    page = client.post("/en/account/", {"section": "api-tokens", "action": "create", "name": "Report script"})
    assert page.status_code == 200
    body = page.content.decode()
    token = APIToken.objects.get(user=world.employee, name="Report script")
    secret = body.split('id="api-token-secret">', 1)[1].split("<", 1)[0]
    assert secret.startswith(token.prefix)
    # Only a hash is stored; the page lists the token by name and prefix, never the secret again.
    assert secret not in {token.key_hash, token.prefix}
    listed = client.get("/en/account/").content.decode()
    assert "Report script" in listed
    assert token.prefix in listed
    assert secret not in listed

    response = token_client(secret).get("/api/v2/people/")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused(world, client, employee_api):
    assert employee_api.get("/api/v2/pages/").status_code == 200
    token = APIToken.objects.get(user=world.employee)
    client.force_login(world.employee)
    assert "Reports <code>" in client.get("/en/account/").content.decode()
    response = client.post("/en/account/", {"section": "api-tokens", "action": "revoke", "token": token.pk})
    assert response.status_code == 302
    assert employee_api.get("/api/v2/pages/").status_code == 401
    assert "Reports <code>" not in client.get("/en/account/").content.decode()


def test_nobody_revokes_someone_elses_token(world, client, employee_api):
    token = APIToken.objects.get(user=world.employee)
    client.force_login(world.communications)
    client.post("/en/account/", {"section": "api-tokens", "action": "revoke", "token": token.pk})
    assert employee_api.get("/api/v2/pages/").status_code == 200


def test_a_token_needs_a_name(world, client):
    client.force_login(world.employee)
    response = client.post("/en/account/", {"section": "api-tokens", "action": "create", "name": "  "}, follow=True)
    assert "Give the token a name" in response.content.decode()
    assert APIToken.objects.filter(user=world.employee).count() == 1


def test_an_inactive_users_token_is_refused(world, employee_api):
    world.employee.is_active = False
    world.employee.save()
    assert employee_api.get("/api/v2/pages/").status_code == 401


def test_the_session_serves_same_origin_javascript(world, client):
    assert client.get("/api/v2/networks/").status_code == 401
    client.force_login(world.employee)
    assert client.get("/api/v2/networks/").status_code == 200


def test_the_session_needs_the_csrf_token_for_anything_but_reading(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.employee)
    assert browser.get("/api/v2/pages/").status_code == 200
    refused = browser.post("/api/v2/pages/")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    # A program with a token has no cookie to be forged; the API still only reads.
    assert token_client(world.employee_token).post("/api/v2/pages/").status_code == 405


def test_using_a_token_keeps_the_cached_pages(world, employee_api):
    before = readers.generation()
    APIToken.objects.filter(user=world.employee).update(last_used_at=None)
    assert employee_api.get("/api/v2/pages/").status_code == 200
    assert APIToken.objects.get(user=world.employee).last_used_at is not None
    token, _secret = APIToken.create_token(user=world.employee, name="Another")
    token.revoke()
    assert readers.generation() == before
