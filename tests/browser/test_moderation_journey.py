import importlib
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casestudies.factories import CaseStudyIndexPageFactory
from casestudies.models import CaseStudyPage
from home.models import HomePage
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS, RESOURCE_PERSONS

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"


def sign_in(page, base_url, username, authenticator=None):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    if authenticator is not None:
        # Communications gives the code from its authenticator app as well (accounts/two_factor.py).
        expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
        # A wrong code first: the reviewer sees why they are still here, beside the field.
        page.locator("#id_otp_token").fill(f"{(totp(authenticator.bin_key) + 1) % 1_000_000:06d}")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_text("That code is not right, or it has been used already.")).to_be_visible()
        page.wait_for_timeout(1500)  # django-otp refuses every code for a second after a wrong one.
        page.locator("#id_otp_token").fill(f"{totp(authenticator.bin_key):06d}")
        page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def restore_rows_from_migrations():
    """An earlier transactional test's flush removes what data migrations made; setup_roles needs this one."""
    from django.apps import apps

    migration = importlib.import_module("wagtail_localize.migrations.0006_create_submit_translation_permission")
    migration.create_submit_translation_permission(apps, None)


def author_and_reviewer():
    """Rune, a resource person, and Kaja of Communications with her authenticator, in the groups setup_roles makes."""
    restore_rows_from_migrations()
    call_command("setup_roles", stdout=io.StringIO())
    author = UserFactory(username="rune", first_name="Rune", last_name="Aasvik")
    author.groups.add(Group.objects.get(name=RESOURCE_PERSONS))
    reviewer = UserFactory(username="kaja", first_name="Kaja", last_name="Verhoef")
    reviewer.groups.add(Group.objects.get(name=COMMUNICATIONS))
    return author, reviewer, TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)


def test_a_resource_person_submits_and_communications_approves(browser, live_server, site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    index = CaseStudyIndexPageFactory(parent=home)
    author, reviewer, authenticator = author_and_reviewer()

    # The resource person writes a case study and submits it.
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "rune")
    page.goto(f"{live_server.url}/admin/pages/add/casestudies/casestudypage/{index.pk}/")
    page.wait_for_load_state("networkidle")
    page.locator("#id_title").fill("Reflection after home visits")
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug").fill("reflection-after-home-visits")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Communications review").click()
    expect(page.get_by_text("created and submitted for moderation")).to_be_visible()
    # They land on their pages in review, where the new one waits (moderation/my_pages.py).
    expect(page).to_have_url(re.compile(r"/admin/moderation/my-pages/$"))
    row = page.locator("tr.erfa-review-row", has_text="Reflection after home visits")
    expect(row.locator(".erfa-review-state")).to_have_text("In review")
    case_study = CaseStudyPage.objects.get(title="Reflection after home visits")
    assert not case_study.live and case_study.workflow_in_progress
    context.close()

    # Communications approves it from the editor.
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "kaja", authenticator)
    page.goto(f"{live_server.url}/admin/pages/{case_study.pk}/edit/")
    # Approving posts the editor's form; wait until Wagtail's scripts have built every field
    # (StreamFields render client-side), or the half-built form counts as an edit needing reapproval.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_role("link", name="Current page status: live")).to_be_visible()
    context.close()

    case_study.refresh_from_db()
    assert case_study.live
