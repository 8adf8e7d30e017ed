"""Lock-outs after repeated failed logins, on the front-end login and the admin's, and lifting them in the admin."""

import html
import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import time_format

from portal.factories import EmployeeFactory, UserFactory
from portal.roles import COMMUNICATIONS
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LIMIT = settings.AXES_FAILURE_LIMIT
FORMS = {
    "front end": "/{language}/accounts/login/",
    "admin": "/admin/login/",
}


def login_url(form, language="en"):
    return FORMS[form].format(language=language)


def attempt(client, form, username, password, language="en", address="127.0.0.1"):
    return client.post(
        login_url(form, language),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def fail(client, form, times, username="elin", language="en", address="127.0.0.1"):
    return [attempt(client, form, username, "wrong", language, address) for _ in range(times)]


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def elin(site_tree):
    # Staff, so that a successful admin login is a login like any other.
    return EmployeeFactory(username="elin", is_staff=True)


@pytest.mark.parametrize("form", FORMS)
def test_the_limit_locks_the_account_and_refuses_even_the_right_password(client, elin, form):
    responses = fail(client, form, LIMIT)
    assert [response.status_code for response in responses[:-1]] == [200] * (LIMIT - 1)
    assert responses[-1].status_code == 429

    refused = attempt(client, form, "elin", PASSWORD)
    assert refused.status_code == 429
    assert not logged_in(client)
    page = refused.content.decode()
    assert "Too many failed login attempts" in page
    assert "ask an administrator to unlock your account" in page
    # The form comes back with what the reader typed.
    assert 'name="username"' in page and 'value="elin"' in page


def test_below_the_limit_the_right_password_still_logs_in(client, elin):
    fail(client, "front end", LIMIT - 1)
    response = attempt(client, "front end", "elin", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", ["sv", "nl"])
def test_the_lockout_message_is_in_the_readers_language(client, elin, form, language):
    fail(client, form, LIMIT, language=language)
    response = attempt(client, form, "elin", PASSWORD, language=language)
    assert response.status_code == 429
    page = html.unescape(response.content.decode())
    with translation.override(language):
        expected = [
            translation.gettext("Too many failed login attempts"),
            translation.gettext(
                "If you need to log in sooner, or if these attempts were not yours, "
                "ask an administrator to unlock your account."
            ),
        ]
        # A string the catalogues already translate shows the whole page is in the reader's language.
        login_button = translation.gettext("Log in" if form == "front end" else "Sign in")
    for text in expected:
        assert text in page
    assert login_button in page and login_button not in {"Log in", "Sign in"}
    if form == "front end":
        assert f'<html lang="{language}">' in page
    assert 'value="elin"' in page


def test_the_lockout_says_when_to_try_again(client, elin):
    fail(client, "front end", LIMIT)
    page = attempt(client, "front end", "elin", PASSWORD).content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"for {minutes} minutes" in page
    until = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    shown = {time_format(until), time_format(until - timedelta(minutes=1))}
    assert any(f"try again at {time}." in page for time in shown)


def test_a_failure_on_one_form_counts_on_the_other(client, elin):
    fail(client, "front end", LIMIT - 1)
    fail(client, "admin", 1)
    assert attempt(client, "front end", "elin", PASSWORD).status_code == 429


def test_the_account_is_locked_from_every_address(client, elin):
    for number in range(LIMIT):
        fail(client, "front end", 1, address=f"10.0.0.{number + 1}")
    assert attempt(client, "front end", "elin", PASSWORD, address="10.9.9.9").status_code == 429
    assert not logged_in(client)


def test_one_address_trying_many_usernames_is_locked_for_every_username(client, elin):
    for number in range(LIMIT):
        fail(client, "admin", 1, username=f"guess{number}", address="10.0.0.1")
    assert attempt(client, "front end", "elin", PASSWORD, address="10.0.0.1").status_code == 429
    assert not logged_in(client)
    # Elin herself, from her own address, is not locked out by someone else's guessing.
    assert attempt(client, "front end", "elin", PASSWORD, address="10.0.0.2").status_code == 302
    assert logged_in(client)


def test_the_lock_lifts_after_the_cool_off(client, elin):
    fail(client, "front end", LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert attempt(client, "front end", "elin", PASSWORD).status_code == 302
    assert logged_in(client)


@pytest.fixture
def administrator(db):
    return login_with_second_factor(Client(), UserFactory(username="anders", is_superuser=True, is_staff=True))


def test_an_administrator_sees_and_unlocks_a_locked_account(client, elin, administrator):
    fail(client, "front end", LIMIT, address="10.0.0.7")
    listing = administrator.get("/admin/lockouts/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert 'name="username" value="elin"' in page
    assert 'name="ip_address" value="10.0.0.7"' in page

    response = administrator.post("/admin/lockouts/", {"username": "elin"}, follow=True)
    assert "can log in again" in html.unescape(response.content.decode())
    assert 'name="username" value="elin"' not in response.content.decode()
    assert attempt(client, "front end", "elin", PASSWORD, address="10.0.0.7").status_code == 302
    assert logged_in(client)


def test_an_administrator_unlocks_an_address(client, elin, administrator):
    for number in range(LIMIT):
        fail(client, "front end", 1, username=f"guess{number}", address="10.0.0.1")
    assert 'name="ip_address" value="10.0.0.1"' in administrator.get("/admin/lockouts/").content.decode()
    administrator.post("/admin/lockouts/", {"ip_address": "10.0.0.1"})
    assert attempt(client, "front end", "elin", PASSWORD, address="10.0.0.1").status_code == 302


def test_the_lockouts_view_is_in_the_settings_menu_for_administrators_only(administrator, roles_for_menu):
    assert "/admin/lockouts/" in administrator.get("/admin/").content.decode()
    assert "/admin/lockouts/" not in roles_for_menu.get("/admin/").content.decode()


@pytest.fixture
def roles_for_menu(site_tree):
    call_command("setup_roles", stdout=io.StringIO())
    return login_with_second_factor(Client(), UserFactory(username="kaja", role=COMMUNICATIONS))


def test_only_administrators_may_unlock(client, elin, roles_for_menu):
    fail(client, "front end", LIMIT)
    assert roles_for_menu.get("/admin/lockouts/").status_code in {302, 403}
    roles_for_menu.post("/admin/lockouts/", {"username": "elin"})
    assert attempt(client, "front end", "elin", PASSWORD).status_code == 429
