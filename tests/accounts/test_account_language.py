"""The account page's "Language": every reader chooses the language Erfa writes to them in, not only editors."""

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from portal.factories import EmployeeFactory
from portal.i18n import preferred_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(site_tree):
    user = EmployeeFactory(username="ola")
    client = Client()
    client.force_login(user)
    return user, client


def test_an_employee_chooses_swedish_and_erfa_follows_it(reader):
    user, client = reader
    page = client.get("/en/account/").content.decode()
    section = page.split('id="language"')[1].split("</section>")[0]
    assert '<select name="language"' in section and '<option value="sv" lang="sv">Svenska</option>' in section
    assert '<option value="" selected>The language my browser asks for</option>' in section

    response = client.post("/en/account/", {"section": "language", "language": "sv"})

    # Back on the account page, now in Swedish, which says it is saved in Swedish.
    assert response.status_code == 302 and response["Location"] == "/sv/account/"
    page = client.get(response["Location"]).content.decode()
    assert "Sparat. Erfa skriver nu till dig på det här språket." in page
    assert '<option value="sv" selected lang="sv">Svenska</option>' in page
    # Every e-mail asks this setting, and the bare address opens the reader's home page in it.
    assert preferred_language(user) == "sv"
    assert client.get("/")["Location"] == "/sv/"


def test_an_unknown_language_is_refused_and_nothing_changes(reader):
    user, client = reader
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "da"
    profile.save()

    response = client.post("/en/account/", {"section": "language", "language": "xx"}, follow=True)

    assert "Choose one of the languages in the list." in response.content.decode()
    assert preferred_language(user) == "da"


def test_the_browsers_language_clears_the_choice(reader):
    user, client = reader
    client.post("/en/account/", {"section": "language", "language": "nb"})
    response = client.post("/nb/account/", {"section": "language", "language": ""})
    assert response["Location"] == "/nb/account/"
    assert UserProfile.get_for_user(user).preferred_language == ""
