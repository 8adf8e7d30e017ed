"""An editor's account settings in the admin work in the browser, in their language."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from portal.factories import UserFactory
from portal.roles import RESOURCE_PERSONS
from tests.browser.test_moderation_journey import restore_rows_from_migrations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_time_zone_choice_is_named_in_the_editors_language_without_a_script_error(
    browser, live_server, site_tree
):
    import io

    from django.core.management import call_command

    restore_rows_from_migrations()
    call_command("setup_roles", stdout=io.StringIO())
    editor = UserFactory(username="rune")
    editor.groups.add(Group.objects.get(name=RESOURCE_PERSONS))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()

    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server.url, "rune")
    page.goto(f"{live_server.url}/admin/account/")
    page.wait_for_load_state("networkidle")
    zones = page.locator("select[name='locale-current_time_zone'] option")
    values = zones.evaluate_all("options => options.map(option => option.value)")
    assert "Europe/Stockholm" in values and "localtime" not in values and "Factory" not in values
    # Wagtail's script names each zone in the editor's language ("Stockholm (…)") once none of them fails.
    stockholm = page.locator("select[name='locale-current_time_zone'] option[value='Europe/Stockholm']")
    expect(stockholm).not_to_have_text("Europe/Stockholm")
    assert not [error for error in errors if re.search("time zone", error, re.I)], errors
    page.close()
