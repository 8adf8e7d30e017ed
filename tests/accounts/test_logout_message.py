"""Logging out says so on the login page the reader lands on, in the reader's language; logging in lands in it too."""

import re

import pytest
from django.utils import translation

from portal.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def status_messages(html):
    return re.findall(r'<div role="status"><ul class="messages">(.*?)</ul></div>', html, re.S)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_login_page_after_logging_out_says_you_are_logged_out(employee_client, site_tree, language):
    response = employee_client.post(f"/{language}/accounts/logout/", follow=True)
    assert response.redirect_chain[-1][0] == f"/{language}/accounts/login/"
    html = response.content.decode()
    assert '<form method="post" action="/' in html and 'name="password"' in html
    with translation.override(language):
        expected = translation.gettext("You have been logged out.")
    assert any(expected in block for block in status_messages(html))
    # The message is shown once, and not again on the next page.
    again = employee_client.get(f"/{language}/accounts/login/").content.decode()
    assert expected not in again


def test_a_plain_visit_to_the_login_page_says_nothing_about_logging_out(client, site_tree):
    assert "You have been logged out." not in client.get("/en/accounts/login/").content.decode()


@pytest.mark.parametrize("language", ["sv", "da"])
def test_signing_in_without_a_next_page_lands_on_the_home_page_in_the_login_pages_language(client, site_tree, language):
    EmployeeFactory(username="elin")
    # The browser asks for English: the reader chose their language by the login page's address.
    response = client.post(
        f"/{language}/accounts/login/",
        {"username": "elin", "password": "correct horse battery staple"},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert response.redirect_chain[0][0] == f"/{language}/"
    assert f'<html lang="{language}">' in response.content.decode()
