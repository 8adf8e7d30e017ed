"""Single sign-on in the browser, against the real OpenID provider (tests/oidc/provider/), in one live server.

Erfa's login page -> the provider's login and consent -> the callback -> signed in with the mapped role ->
log out -> the provider's end of session -> back at Erfa's login page, signed out. Then someone without a
mapped group signs in and is offered no admin. Screenshots of the login page at 390 and 1280 px go to
$ERFA_SHOTS (/tmp/sso-shots by default).
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.utils import restore_rows_from_migrations

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/sso-shots"))  # noqa: S108 - a place to look, not a secret


def sign_in_at_provider(page, account):
    """The provider's own pages: its login form (any password), then its consent page."""
    page.locator("input[name=login]").fill(account)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()


def test_signing_in_and_out_through_the_provider(page, live_server, site_tree, sso):
    restore_rows_from_migrations()
    call_command("setup_roles", stdout=io.StringIO())
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(f"{live_server.url}/en/")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/login/?next=/")
    sign_in_link = page.get_by_role("link", name="Sign in with Test provider")
    expect(sign_in_link).to_be_visible()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"login-{width}.png"), full_page=True)

    sign_in_link.click()
    expect(page.locator("input[name=login]")).to_be_visible()
    assert page.url.startswith(f"{sso.url}/interaction/")
    sign_in_at_provider(page, "cecilia")

    # Back at Erfa, where the reader was going, signed in as Communications.
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.get_by_text("Cecilia Berg")).to_be_visible()
    expect(page.get_by_role("link", name="Edit content")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    # The provider asks to end its own session too (RP-initiated logout), then sends the reader back.
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page).to_have_url(f"{live_server.url}/en/accounts/login/")
    expect(page.get_by_text("You have been logged out.")).to_be_visible()
    page.goto(f"{live_server.url}/en/")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/login/?next=/")

    # The provider's session ended as well: the next sign-in asks who it is, and Ella has no mapped group.
    page.get_by_role("link", name="Sign in with Test provider").click()
    sign_in_at_provider(page, "ella")
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.get_by_text("Ella Nyberg")).to_be_visible()
    expect(page.get_by_role("link", name="Edit content")).to_have_count(0)
