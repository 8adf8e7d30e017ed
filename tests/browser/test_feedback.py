"""A reader reports something outdated on a page, in Swedish, on a phone-sized screen.

Screenshots at 390 and 1280 px go to ERFA_SHOTS (default /tmp/feedback-shots).
"""

import os
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from feedback.models import Report, UsefulVote
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory
from tests.browser.conftest import PASSWORD, axe_violations, screenshots

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/feedback-shots"))  # noqa: S108 - a place to look, not a secret


def shots(page, name):
    screenshots(page, SHOTS, name)
    page.set_viewport_size({"width": 390, "height": 900})


def test_a_reader_reports_an_outdated_page_in_swedish(browser, live_server, site_tree, mailoutbox):
    home = HomePage.objects.get(locale__language_code="sv")
    owner = ResourcePersonPageFactory(
        parent=ResourcePersonIndexPageFactory(parent=home, slug="resurspersoner"),
        title="Signe Berg",
        email="signe@example.org",
    )
    agenda = ShareableTemplatePageFactory(
        parent=ShareableTemplateIndexPageFactory(parent=home, slug="mallar"),
        title="Dagordning för HR-mötet",
        content_owner=owner,
        last_reviewed=date.today(),
    )
    EmployeeFactory(username="elin", first_name="Elin", last_name="Sand")

    # axe is injected as a script tag; the site's CSP forbids that.
    context = browser.new_context(viewport={"width": 390, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/sv/accounts/login/")
    page.locator("#id_username").fill("elin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")

    page.goto(f"{live_server.url}{agenda.url}")
    feedback = page.locator("#page-feedback")
    expect(feedback.get_by_role("heading")).to_have_text("Var det här användbart?")
    feedback.get_by_role("button", name="Nej").click()
    expect(page.get_by_text("Tack för ditt svar.")).to_be_visible()

    page.locator("#page-feedback summary").click()
    page.get_by_label("Vad är inaktuellt eller fel?").fill("fel")
    shots(page, "feedback-open")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Skicka rapport").click()
    # Too short: the form comes back on its own page with the text and a Swedish message.
    expect(page.get_by_label("Vad är inaktuellt eller fel?")).to_have_value("fel")
    expect(page.locator(".errorlist").first).to_contain_text("5 tecken")
    assert axe_violations(page) == []
    page.get_by_label("Vad är inaktuellt eller fel?").fill("Telefonnumret till HR-kontoret har ändrats.")
    page.get_by_role("button", name="Skicka rapport").click()
    expect(page.get_by_text("Din rapport har skickats")).to_be_visible()
    shots(page, "feedback-sent")
    context.close()

    assert UsefulVote.objects.get().useful is False
    report = Report.objects.get()
    assert (report.language, report.comment) == ("sv", "Telefonnumret till HR-kontoret har ändrats.")
    assert [mail.to for mail in mailoutbox] == [["signe@example.org"]]
    assert "Telefonnumret till HR-kontoret har ändrats." in mailoutbox[0].body
