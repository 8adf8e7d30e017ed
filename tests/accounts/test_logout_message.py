"""Logging out says so on the login page the reader lands on, in the reader's language."""

import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def status_messages(html):
    return re.findall(r'<div role="status"><ul class="messages">(.*?)</ul>', html, re.S)


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
