"""The reader's account page: only for the signed-in, in the reader's language, linked from the header."""

import pytest
from django.test import Client

from accounts import account_page

pytestmark = pytest.mark.django_db


def test_the_account_page_asks_a_visitor_to_sign_in_first(site_tree):
    response = Client().get("/sv/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/accounts/login/")


def test_the_header_links_the_account_page_in_the_readers_language(site_tree, employee_client):
    home = employee_client.get("/sv/").content.decode()
    assert 'href="/sv/account/"' in home
    page = employee_client.get("/sv/account/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "<h1>Ditt konto</h1>" in body
    assert 'href="/sv/accounts/password_change/"' in body
    assert page["Cache-Control"].startswith("max-age=0")


def test_a_form_for_no_known_section_is_refused(site_tree, employee_client):
    assert employee_client.post("/en/account/", {"section": "nothing-like-this"}).status_code == 400
    assert employee_client.post("/en/account/", {}).status_code == 400


def test_a_registered_section_takes_its_form(site_tree, employee_client):
    seen = []
    section = account_page.Section(
        key="test-section",
        title="Test section",
        template="accounts/token_form.html",
        context=lambda request: {"marker": request.user.username},
        post=lambda request: seen.append(request.POST["value"]),
    )
    account_page.register(section)
    try:
        assert "test-section" in [part.key for part in account_page.sections()]
        response = employee_client.post("/en/account/", {"section": "test-section", "value": "42"})
        assert response.status_code == 302
        assert response["Location"] == "/en/account/"
        assert seen == ["42"]
    finally:
        account_page._sections.pop("test-section")
