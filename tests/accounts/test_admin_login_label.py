"""The admin's login form labels its password field in the visitor's language, also when it shows a lock-out."""

import re

import pytest
from django.conf import settings
from django.test import Client

from portal.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

LABELS = {"sv": ("Användarnamn", "Lösenord"), "da": ("Brugernavn", "Adgangskode")}


def label(html, field):
    match = re.search(rf'<label[^>]*for="id_{field}"[^>]*>\s*([^<]*?)\s*<', html)
    assert match, f"no label for {field}"
    return match.group(1)


@pytest.mark.parametrize("language", LABELS)
@pytest.mark.parametrize("choice", ["header", "cookie"])
def test_the_admin_login_labels_the_password_in_the_visitors_language(site_tree, language, choice):
    # An anonymous visitor's admin language: what the browser asks for, or the language cookie.
    client = Client()
    if choice == "cookie":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get("/admin/login/")
    else:
        response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    html = response.content.decode()
    username, password = LABELS[language]
    assert label(html, "username") == username
    assert label(html, "password") == password


@pytest.mark.parametrize("language", LABELS)
def test_the_admin_lock_out_page_labels_the_password_in_the_visitors_language(site_tree, language):
    EmployeeFactory(username="elin", is_staff=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            "/admin/login/", {"username": "elin", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language
        )

    assert response.status_code == 429
    html = response.content.decode()
    assert 'value="elin"' in html
    assert label(html, "password") == LABELS[language][1]
