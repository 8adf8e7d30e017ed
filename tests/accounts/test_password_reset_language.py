"""The password-reset e-mail is written in the language of the account, like Erfa's other e-mails."""

import re

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from portal.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def ask_for_a_reset(language, user):
    response = Client().post(f"/{language}/accounts/password_reset/", {"email": user.email})
    assert response.status_code == 302
    return response


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.fixture
def norwegian(site_tree):
    user = EmployeeFactory(username="kari", email="kari@example.org")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nb"
    profile.save()
    return user


def test_an_account_in_norwegian_gets_the_e_mail_in_norwegian_from_the_english_form(norwegian, mailoutbox):
    ask_for_a_reset("en", norwegian)

    [message] = mailoutbox
    assert message.subject == "Velg et nytt passord for Erfa"
    assert "Følg lenken for å velge et nytt passord:" in message.body
    assert "Follow this link" not in message.body
    link = reset_link(message)
    assert link.startswith("/nb/accounts/reset/")

    # The link opens the form for the new password, in Norwegian.
    client = Client()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/nb/accounts/reset/")
    page = response.content.decode()
    assert "<h1>Velg et nytt passord</h1>" in page
    assert 'name="new_password1"' in page


def test_an_account_without_a_language_gets_the_language_of_the_form_it_was_sent_from(site_tree, mailoutbox):
    user = EmployeeFactory(username="sven", email="sven@example.org")
    assert UserProfile.get_for_user(user).preferred_language == ""

    ask_for_a_reset("sv", user)

    [message] = mailoutbox
    assert message.subject == "Välj ett nytt lösenord för Erfa"
    assert "Följ länken för att välja ett nytt lösenord:" in message.body
    assert reset_link(message).startswith("/sv/accounts/reset/")
