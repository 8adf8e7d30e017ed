"""Communications' list of questions and comments and the search-queries report, on a 390 px phone in Swedish.

One live-server test (each flushes the database). Screenshots at 390 and 1280 px go to ERFA_SHOTS
(default /tmp/admin-listing-shots).
"""

import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from discussion.models import Comment
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from portal.factories import EmployeeFactory
from search.models import SearchQueryDay
from tests.browser.conftest import screenshots
from tests.browser.test_moderation_journey import author_and_reviewer, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/admin-listing-shots"))  # noqa: S108 - a place to look, not a secret

LONG = (
    "Vi har provat reflektionsmötet i tre team nu och undrar hur ni gör när halva gruppen sitter på distans "
    "och den andra halvan i samma rum: blir samtalet lika öppet, och vem håller tiden?"
)

# How the page fits a phone: its width, the widest element that runs past the right edge, and whether
# every table that is wider than the screen sits in a box of its own that scrolls sideways.
FIT = """() => {
    const width = document.documentElement.clientWidth;
    const tables = [...document.querySelectorAll("main table")].map(table => {
        let box = table.parentElement;
        while (box && box !== document.body && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) {
            box = box.parentElement;
        }
        const scrolls = box && box !== document.body;
        return {right: table.getBoundingClientRect().right, scrolls: Boolean(scrolls),
                boxRight: scrolls ? box.getBoundingClientRect().right : null};
    });
    return {scrollWidth: document.documentElement.scrollWidth, width, tables};
}"""


def fits(page):
    found = page.evaluate(FIT)
    problems = []
    if found["scrollWidth"] > found["width"]:
        problems.append(f"the page is {found['scrollWidth']} px wide in {found['width']}")
    for table in found["tables"]:
        if table["right"] > found["width"] + 1 and not (table["scrolls"] and table["boxRight"] <= found["width"] + 1):
            problems.append(f"a table ends at {table['right']:.0f} px, outside the screen, with no box of its own")
    return problems


def test_the_comment_list_and_the_search_report_fit_a_phone_in_swedish(browser, live_server, site_tree):
    _author, reviewer, authenticator = author_and_reviewer()
    home = HomePage.objects.get(locale__language_code="sv")
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home, slug="metoder"), title="Reflektionsmöte")
    reader = EmployeeFactory(username="rut", first_name="Rut", last_name="Nyberg")
    Comment.objects.create(page=method, author=reader, body=LONG, language="sv")
    Comment.objects.create(page=method, author=reader, body="Virker det også online?", language="da", kind="comment")
    today = timezone.localdate()
    SearchQueryDay.add(today, "all", "reflektionsmöte på distans med grupprum", 4, 2)
    SearchQueryDay.add(today, "nb", "refleksjon", 2, 0)

    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, live_server.url, "kaja", authenticator)
    # Swedish from here: the sign-in steps are named in English in the shared helper.
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "sv"
    profile.save()

    page.goto(f"{live_server.url}/admin/discussion_comment/")
    expect(page.locator("main table th").first).to_have_text("Text")
    text_width = (
        page.locator("main table tbody tr")
        .first.locator("td")
        .first.evaluate("cell => cell.getBoundingClientRect().width")
    )
    problems = fits(page)
    screenshots(page, SHOTS, "comments")
    assert text_width >= 120, f"the text column is {text_width:.0f} px wide at 390"
    assert not problems, problems

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/admin/reports/search-queries/")
    expect(page.locator("main table")).to_contain_text("Alla språk")
    expect(page.locator("main table")).to_contain_text("Norska (bokmål)")
    problems = fits(page)
    screenshots(page, SHOTS, "search-queries")
    assert not problems, problems
    page.close()
