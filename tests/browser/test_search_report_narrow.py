"""The search-queries report's column headings on a 390 px phone, in each language, and at 1280 px.

Wagtail keeps a listing's headings on one line: at 390 px "Searches without results" ran past the screen's
right edge, cut off mid-word ("Searches with"), and further still in Dutch. One live-server test (each
flushes the database). Screenshots at 390 and 1280 px go to ERFA_SHOTS (default /tmp/search-report-shots).
"""

import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from portal.languages import CODES
from search.models import SearchQueryDay
from tests.browser.test_moderation_journey import author_and_reviewer, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/search-report-shots"))  # noqa: S108 - a place to look, not a secret

# Each column heading: its text, where the text's letters are on the screen, and whether the cell cuts them.
HEADINGS = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main table thead th")].map(th => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const text = range.getBoundingClientRect();
        return {text: th.innerText.trim(), left: text.left, right: text.right, height: text.height,
                cut: th.scrollWidth > th.clientWidth, width};
    });
}"""


def unreadable(headings):
    """The headings whose text is not all on the screen or is cut by its cell."""
    return [
        f"{h['text']!r} spans {h['left']:.0f}-{h['right']:.0f} px of {h['width']}{', cut by its cell' * h['cut']}"
        for h in headings
        if h["cut"] or h["left"] < 0 or h["right"] > h["width"] + 0.5
    ]


def test_the_report_headings_are_readable_on_a_phone_in_every_language(browser, live_server, site_tree):
    _author, reviewer, authenticator = author_and_reviewer()
    today = timezone.localdate()
    SearchQueryDay.add(today, "all", "reflektionsmöte på distans med grupprum", 4, 2)
    SearchQueryDay.add(today, "nb", "refleksjon", 2, 0)

    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, live_server.url, "kaja", authenticator)
    profile = UserProfile.get_for_user(reviewer)
    problems = {}
    for language in CODES:
        profile.preferred_language = language
        profile.save()
        for report in ("", "?zero=1"):
            page.set_viewport_size({"width": 390, "height": 844})
            page.goto(f"{live_server.url}/admin/reports/search-queries/{report}")
            expect(page.locator("main table tbody tr").first).to_be_visible()
            headings = page.evaluate(HEADINGS)
            assert len(headings) == 4
            if unreadable(headings):
                problems[f"{language}{report}"] = unreadable(headings)
        if language in ("en", "sv", "nl"):  # English, and the two whose headings are the longest
            page.screenshot(path=str(SHOTS / f"search-queries-{language}-390.png"), full_page=True)
    assert not problems, problems

    # On a wide screen nothing changes: every heading on one line, and all of them in sight.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/reports/search-queries/")
    expect(page.locator("main table tbody tr").first).to_be_visible()
    page.screenshot(path=str(SHOTS / f"search-queries-{CODES[-1]}-1280.png"), full_page=True)
    headings = page.evaluate(HEADINGS)
    assert not unreadable(headings)
    assert {round(h["height"]) for h in headings} == {round(headings[0]["height"])}, headings
    page.close()
