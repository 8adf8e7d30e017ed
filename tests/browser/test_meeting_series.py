"""A meeting series in the Swedish interface: start it from a pair, fill in "before" and "after", and the
next meeting's "before" form opens with the next steps carried over.

Field labels are the template's Swedish content. Screenshots at 390 and 1280 px go to ERFA_SHOTS
(default /tmp/meeting-shots); every page is checked with axe.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from meetings.models import MeetingSeries
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from portal.factories import EmployeeFactory
from tests.browser.conftest import axe_violations, describe_violations, screenshots, sign_in
from tests.meetings.conftest import KEYS, pair_json

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/meeting-shots"))  # noqa: S108 - a place to look, not a secret


def check(page, name):
    screenshots(page, SHOTS, name)
    violations = axe_violations(page)
    assert not violations, describe_violations(name, violations)


def test_a_series_carries_next_steps_into_the_next_meeting(browser, live_server, site_tree):
    home = HomePage.objects.get(locale__language_code="sv")
    template = ShareableTemplatePageFactory(
        parent=ShareableTemplateIndexPageFactory(parent=home, slug="mallar", title="Mallar"),
        title="Personalkontorets möten",
        language="sv",
        meeting_pair=pair_json("sv"),
    )
    EmployeeFactory(username="anna", first_name="Anna", last_name="Åberg")
    EmployeeFactory(username="bo", first_name="Bo", last_name="Ödman")

    context = browser.new_context(bypass_csp=True)  # axe is injected as a script tag; the CSP forbids that.
    page = context.new_page()
    sign_in(page, live_server.url, "anna")
    page.goto(f"{live_server.url}{template.url}")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.locator(".meeting-start a.button").click()
    page.locator("#id_title").fill("Personalkontorets möten")
    page.get_by_label("Bo Ödman").check()
    page.locator("#id_first_title").fill("Kontorsmöte, vecka 12")
    page.locator("#id_first_date").fill("2030-03-20")
    check(page, "start")
    page.locator("form.meetings__form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Personalkontorets möten")
    check(page, "series")
    series = MeetingSeries.objects.get()

    page.get_by_role("link", name="Kontorsmöte, vecka 12").click()
    page.locator(f"a[href$='/{series.meetings.get().pk}/before/']").click()
    expect(page.get_by_label("Dagordning")).to_be_visible()
    expect(page.locator("#id_carried_steps")).to_have_count(0)
    page.get_by_label("Dagordning").fill("Budget\nSemesterplanering")
    page.get_by_label("Vad vi förbereder").fill("Läs budgeten.")
    check(page, "before")
    page.locator("form.meetings__form button[type=submit]").click()
    expect(page.get_by_text("Semesterplanering")).to_be_visible()

    page.locator("a[href$='/after/']").click()
    page.get_by_label("Beslut").fill("Budgeten godkänd")
    page.get_by_label("Nästa steg").fill("Anna bokar rummet\nBo gör ett schemaförslag")
    page.get_by_label("Vad vi lärde oss").fill("Tidig dagordning gav bättre frågor.")
    check(page, "after")
    page.locator("form.meetings__form button[type=submit]").click()
    expect(page.get_by_text("Tidig dagordning gav bättre frågor.")).to_be_visible()
    check(page, "meeting")

    page.locator(".page.meetings > p:first-child a").click()
    page.locator("#id_title").fill("Kontorsmöte, vecka 16")
    page.locator("#id_date").fill("2030-04-17")
    page.locator("button[value=add]").click()
    expect(page.locator("#id_carried_steps")).to_have_value("Anna bokar rummet\nBo gör ett schemaförslag")
    check(page, "next-before")
    page.locator("#id_carried_steps").fill("Bo gör ett schemaförslag")
    page.locator("form.meetings__form button[type=submit]").click()
    expect(page.get_by_text("Bo gör ett schemaförslag")).to_be_visible()
    expect(page.get_by_text("Anna bokar rummet")).to_have_count(0)
    context.close()

    second = series.meetings.get(title="Kontorsmöte, vecka 16")
    assert second.carried_steps == ["Bo gör ett schemaförslag"]
    assert series.meetings.get(title="Kontorsmöte, vecka 12").after[KEYS["steps"]] == [
        "Anna bokar rummet",
        "Bo gör ett schemaförslag",
    ]
