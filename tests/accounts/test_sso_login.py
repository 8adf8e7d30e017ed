"""Signing in through a real OpenID provider (tests/oidc/provider/): users, roles, profiles, logout.

The provider runs in Node on a loopback port; these tests reach it over HTTP as a browser and as Erfa would.
"""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from accounts.models import SingleSignOnIdentity
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS, RESOURCE_PERSONS
from tests.oidc.provider_fixture import sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def loopback_client():
    # The provider knows Erfa's callback on the loopback address (provider.js), as it knows the real one.
    return Client(HTTP_HOST="127.0.0.1")


@pytest.fixture
def roles(site_tree):
    call_command("setup_roles", stdout=io.StringIO())


def user(username):
    return get_user_model().objects.get(username=username)


def role_names(found):
    return set(found.groups.values_list("name", flat=True))


def test_the_first_sign_in_creates_the_user_from_the_claims_with_the_mapped_role(sso, roles, loopback_client):
    response = sign_in(loopback_client, sso, "cecilia", next_url="/en/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    cecilia = user("cecilia")
    assert (cecilia.first_name, cecilia.last_name, cecilia.email) == ("Cecilia", "Berg", "cecilia.berg@example.org")
    assert role_names(cecilia) == {COMMUNICATIONS}  # "staff" is no group the mapping names.
    assert SingleSignOnIdentity.objects.get(user=cecilia).subject == "cecilia"
    assert int(loopback_client.session["_auth_user_id"]) == cecilia.pk
    # The header offers the admin to a Communications member.
    assert "Edit content" in loopback_client.get("/en/").text


def test_a_user_removed_from_a_group_loses_that_role_at_the_next_sign_in_and_keeps_the_others(
    sso, roles, loopback_client
):
    sign_in(loopback_client, sso, "rasmus")
    rasmus = user("rasmus")
    assert role_names(rasmus) == {RESOURCE_PERSONS}
    # An administrator gave him a group in Erfa that the provider knows nothing about.
    rasmus.groups.add(Group.objects.create(name="Newsletter editors"))

    sso.set_groups("rasmus", ["erfa-communications"])
    try:
        loopback_client.logout()
        sign_in(loopback_client, sso, "rasmus")
        assert role_names(user("rasmus")) == {COMMUNICATIONS, "Newsletter editors"}

        sso.set_groups("rasmus", [])
        loopback_client.logout()
        sign_in(loopback_client, sso, "rasmus")
        assert role_names(user("rasmus")) == {"Newsletter editors"}
    finally:
        sso.set_groups("rasmus", ["erfa-resource-persons"])
    assert get_user_model().objects.filter(username__startswith="rasmus").count() == 1


def test_the_first_sign_in_links_the_resource_person_profile_with_the_same_e_mail(sso, site_tree, loopback_client):
    from home.models import HomePage
    from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

    index = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    profile = ResourcePersonPageFactory(parent=index, title="Ella Nyberg", email="Ella.Nyberg@example.org")
    taken = ResourcePersonPageFactory(parent=index, title="Someone else", email="cecilia.berg@example.org")
    taken.user = UserFactory(username="someone-else")
    taken.save_revision().publish()

    sign_in(loopback_client, sso, "ella")
    sign_in(Client(HTTP_HOST="127.0.0.1"), sso, "cecilia")

    profile.refresh_from_db()
    assert profile.user == user("ella")
    # Publishing a later draft of the profile keeps the link.
    assert profile.get_latest_revision_as_object().user == user("ella")
    # A profile that already belongs to an account is never taken over.
    taken.refresh_from_db()
    assert taken.user.username == "someone-else"


def test_a_local_account_with_the_same_username_and_e_mail_is_taken_over_and_another_is_kept_apart(
    sso, site_tree, loopback_client
):
    made_before = UserFactory(username="ella", email="ELLA.NYBERG@example.org")
    stranger = UserFactory(username="cecilia", email="someone.else@example.org")

    sign_in(loopback_client, sso, "ella")
    sign_in(Client(HTTP_HOST="127.0.0.1"), sso, "cecilia")

    assert SingleSignOnIdentity.objects.get(subject="ella").user == made_before
    cecilia = SingleSignOnIdentity.objects.get(subject="cecilia").user
    assert cecilia != stranger
    assert cecilia.username == "cecilia-cecilia"


def test_the_login_pages_offer_the_provider(sso, site_tree):
    page = Client().get("/en/accounts/login/?next=/en/methods/").text
    assert 'href="/oidc/authenticate/?next=%2Fen%2Fmethods%2F"' in page
    assert "Sign in with Test provider" in page
    assert 'name="password"' in page  # Local accounts are on by default.

    admin = Client().get("/admin/login/?next=/admin/pages/").text
    assert 'href="/oidc/authenticate/?next=%2Fadmin%2Fpages%2F"' in admin
    assert "Sign in with Test provider" in admin


def test_without_single_sign_on_the_login_page_has_the_password_form_alone(site_tree):
    page = Client().get("/en/accounts/login/").text
    assert "Sign in with" not in page
    assert 'name="password"' in page


def test_with_local_accounts_off_passwords_are_refused_with_a_clear_message(sso, site_tree, settings):
    settings.LOCAL_ACCOUNTS = False
    UserFactory(username="elin")
    client = Client()

    page = client.get("/en/accounts/login/").text
    assert 'name="password"' not in page
    assert "Sign in with Test provider" in page

    response = client.post("/en/accounts/login/", {"username": "elin", "password": PASSWORD})
    assert response.status_code == 200
    assert "Logging in with a password is switched off. Sign in with Test provider instead." in response.text
    assert "_auth_user_id" not in client.session

    admin = client.post("/admin/login/", {"username": "elin", "password": PASSWORD})
    assert admin.status_code == 200
    assert "_auth_user_id" not in client.session


def test_with_local_accounts_off_an_administrator_may_still_use_the_admin_login_in_an_emergency(
    sso, site_tree, settings
):
    settings.LOCAL_ACCOUNTS = False
    UserFactory(username="root", is_superuser=True, is_staff=True)
    client = Client()

    assert client.post("/en/accounts/login/", {"username": "root", "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert response.status_code == 302
    # ... and, as always, the second factor before anything else in the admin.
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")


def test_logging_out_ends_the_session_at_the_provider_too(sso, roles, loopback_client):
    sign_in(loopback_client, sso, "ella")
    id_token = loopback_client.session["oidc_id_token"]

    header = loopback_client.get("/en/").text
    assert 'action="/oidc/logout/"' in header
    response = loopback_client.post("/oidc/logout/")

    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{sso.url}/session/end"
    query = parse_qs(location.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["http://127.0.0.1/oidc/logged-out/"]
    assert "_auth_user_id" not in loopback_client.session
    # Where the provider sends the reader back: Erfa's login page.
    assert loopback_client.get("/oidc/logged-out/")["Location"] == "/en/accounts/login/"


def test_with_provider_logout_off_logging_out_stays_in_erfa(sso, roles, loopback_client, settings):
    settings.OIDC_LOGOUT = False
    sign_in(loopback_client, sso, "ella")
    response = loopback_client.post("/oidc/logout/")
    assert response["Location"] == "/en/accounts/login/"
    assert "_auth_user_id" not in loopback_client.session


def test_a_refused_sign_in_says_so_on_the_login_page(sso, site_tree, loopback_client):
    loopback_client.get("/oidc/authenticate/", {"next": "/en/"})
    state = next(iter(loopback_client.session["oidc_states"]))

    response = loopback_client.get("/oidc/callback/", {"error": "access_denied", "state": state}, follow=True)

    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/")
    assert "Signing in with Test provider did not succeed." in response.text


def test_without_single_sign_on_its_addresses_do_not_exist(employee_client):
    assert employee_client.get("/oidc/authenticate/", follow=True).status_code == 404


def test_a_provider_that_does_not_answer_is_a_message_on_the_login_page_not_a_server_error(
    sso, site_tree, settings, closed_port
):
    from accounts.sso import discovery

    settings.OIDC_ISSUER = f"http://127.0.0.1:{closed_port}"
    discovery.forget()

    response = Client().get("/oidc/authenticate/", {"next": "/en/"}, follow=True)

    assert response.redirect_chain[-1][0] == "/en/accounts/login/?next=/en/"
    assert "Signing in with Test provider did not succeed." in response.text
