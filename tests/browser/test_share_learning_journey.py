"""An employee shares a learning from the front end, in Swedish and in Dutch: they submit it, Communications
requests changes with a comment in the admin, the employee reads the comment and submits again without
the admin, Communications approves, and the case study is live.

Screenshots at 390 and 1280 px go to ERFA_SHOTS (default /tmp/share-shots); the form and My contributions
are checked with axe-core.
"""

import contextlib
import io
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from casestudies.factories import CaseStudyIndexPageFactory
from casestudies.models import CaseStudyPage
from home.models import HomePage
from portal.factories import EmployeeFactory, UserFactory
from portal.roles import COMMUNICATIONS
from tests.browser.conftest import axe_violations, describe_violations
from tests.browser.test_moderation_journey import restore_rows_from_migrations
from tests.browser.test_moderation_journey import sign_in as sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/share-shots"))  # noqa: S108 - a place to look, not a secret

# What the reader sees in each language (the catalogues' words for the review states).
WORDS = {
    "sv": {
        "title": "Reflektion efter vårens hembesök",
        "saved": "Sparat",
        "in_review": "I granskning",
        "changes": "Ändringar begärda",
        "published": "Publicerad",
    },
    "nl": {
        "title": "Reflectie na de huisbezoeken",
        "saved": "Opgeslagen",
        "in_review": "In beoordeling",
        "changes": "Wijzigingen gevraagd",
        "published": "Gepubliceerd",
    },
}
COMMENT = "Name the region of the unit, please."


def sign_in(page, base_url, language, username):
    page.goto(f"{base_url}/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")


def shots(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


# base.html's flash messages are a <ul role="status">: the role hides the list from its items. Shared
# by every page (and pinned by tests/accounts/test_logout_message.py), so reported rather than changed here.
BASE_TEMPLATE_EXCEPTIONS = [("listitem", ".messages")]


def assert_accessible(page, where):
    violations = axe_violations(page, BASE_TEMPLATE_EXCEPTIONS)
    assert not violations, describe_violations(where, violations)


class Reviewer:
    """Communications in the admin, signed in once: an authenticator code is accepted only once."""

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.context = browser.new_context()
        self.page = self.context.new_page()
        sign_in_to_admin(self.page, base_url, "kaja", TOTPDevice.objects.get(user__username="kaja"))

    def decide(self, case_study, action, comment=""):
        """A decision from the admin's editor, as in tests/browser/test_moderation_journey.py."""
        page = self.page
        page.goto(f"{self.base_url}/admin/pages/{case_study.pk}/edit/")
        page.wait_for_load_state("networkidle")
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name=action, exact=True).click()
        if comment:
            dialog = page.get_by_role("dialog")
            dialog.locator("textarea").fill(comment)
            dialog.locator("button[type=submit]").click()
        page.wait_for_load_state("load")
        expect(page.locator(".messages")).to_be_visible()


@pytest.mark.parametrize("language", ["sv", "nl"])
def test_a_learning_is_shared_rejected_resubmitted_and_published(browser, live_server, site_tree, language):
    words = WORDS[language]
    home = HomePage.objects.get(locale__language_code=language)
    CaseStudyIndexPageFactory(parent=home, slug="cases")
    restore_rows_from_migrations()
    call_command("setup_roles", stdout=io.StringIO())
    EmployeeFactory(username="elin", first_name="Elin", last_name="Berg")
    communications = UserFactory(username="kaja", first_name="Kaja", last_name="Verhoef")
    communications.groups.add(Group.objects.get(name=COMMUNICATIONS))
    profile = UserProfile.get_for_user(communications)
    profile.preferred_language = "en"
    profile.save()
    TOTPDevice.objects.create(user=communications, name="Phone", confirmed=True)
    base = live_server.url

    # The employee starts from the home page; autosave keeps what they type. (The site's CSP holds for
    # the autosave script, a static file; axe is injected as a script tag, which CSP forbids.)
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, base, language, "elin")
    page.goto(f"{base}/{language}/")
    page.locator(".home-share a.button").click()
    expect(page).to_have_url(re.compile(rf"/{language}/share/$"))
    # The autosave script is deferred: typing before it has started would go unheard (a race seen in CI).
    page.wait_for_load_state("load")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("#id_title").fill(words["title"])
    page.locator("#id_workplace").fill("Enhet Nord")
    page.locator("#id_activity").fill("Hembesök / huisbezoek")
    page.locator("#id_date").fill("2026-03-12")
    page.locator("#id_best").fill("We listen first.")
    page.locator("#id_learn").fill("Reflect right after the visit.")
    page.locator("#id_keep_and_develop").fill("Keep the pairs.")
    expect(page.locator("[data-autosave-status]")).to_contain_text(words["saved"], timeout=15000)
    expect(page).to_have_url(re.compile(rf"/{language}/share/\d+/$"))
    shots(page, f"{language}-share-form")
    assert_accessible(page, f"share form ({language})")
    page.locator("button[value=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/contributions/$"))
    row = page.locator(".contribution", has_text=words["title"])
    expect(row.locator(".learning-status")).to_have_text(words["in_review"])
    shots(page, f"{language}-contributions-in-review")
    assert_accessible(page, f"My contributions ({language})")
    context.close()

    case_study = CaseStudyPage.objects.get(title=words["title"])
    assert case_study.locale.language_code == language and not case_study.live
    assert case_study.owner.username == "elin"

    # Communications requests changes with a comment.
    reviewer = Reviewer(browser, base)
    reviewer.decide(case_study, "Request changes", COMMENT)

    # The employee reads the comment and answers it from the front end.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, base, language, "elin")
    page.goto(f"{base}/{language}/contributions/")
    row = page.locator(".contribution", has_text=words["title"])
    expect(row.locator(".learning-status")).to_have_text(words["changes"])
    expect(row.locator("blockquote")).to_have_text(COMMENT)
    shots(page, f"{language}-contributions-changes-requested")
    row.locator(".contribution__comment a").click()
    expect(page.locator(".learning__comment blockquote")).to_have_text(COMMENT)
    assert_accessible(page, f"share form with the reviewer's comment ({language})")
    page.locator("#id_workplace").fill("Enhet Nord, Luleå")
    page.locator("button[value=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/contributions/$"))
    expect(page.locator(".contribution", has_text=words["title"]).locator(".learning-status")).to_have_text(
        words["in_review"]
    )
    context.close()

    # Communications approves: the case study is live.
    reviewer.decide(case_study, "Approve")
    reviewer.context.close()
    case_study.refresh_from_db()
    assert case_study.live and "Luleå" in case_study.context

    context = browser.new_context()
    page = context.new_page()
    sign_in(page, base, language, "elin")
    page.goto(f"{base}/{language}/contributions/")
    row = page.locator(".contribution", has_text=words["title"])
    expect(row.locator(".learning-status")).to_have_text(words["published"])
    shots(page, f"{language}-contributions-published")
    row.get_by_role("link", name=words["title"]).click()
    expect(page.locator("h1")).to_have_text(words["title"])
    expect(page.get_by_text("Reflect right after the visit.")).to_be_visible()
    context.close()


def test_save_pressed_while_the_first_autosave_is_on_its_way_keeps_one_draft(browser, live_server, site_tree):
    """The first autosave creates the draft; a "Save draft" sent before its answer created a second one
    (a walk left two drafts of the same learning, one orphaned once the other was submitted)."""
    from casestudies.models import LearningDraft

    home = HomePage.objects.get(locale__language_code="sv")
    CaseStudyIndexPageFactory(parent=home, slug="cases")
    EmployeeFactory(username="elin", first_name="Elin", last_name="Berg")
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "sv", "elin")
    # The autosave reaches the server (which creates the draft), but its answer is held back until "Save
    # draft" has been pressed, as on a slow connection.
    held = []
    page.route(re.compile(r"/share/autosave/$"), lambda route: held.append((route, route.fetch())))
    page.goto(f"{live_server.url}/sv/share/")
    page.wait_for_load_state("load")
    page.locator("#id_title").fill("Reflektion efter mötet")
    page.wait_for_function("() => document.querySelector('[data-autosave-status]').textContent.length > 0")
    # The handler keeps the request once the server has answered it (route.fetch), which under a loaded
    # CI machine took longer than a fixed half second: wait for it, up to ten seconds.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1, "the autosave was not sent"
    page.locator("button[value=save]").click()
    page.wait_for_timeout(500)
    route, answer = held[0]
    with contextlib.suppress(Exception):  # without the wait, the page has left and the answer has no taker
        route.fulfill(response=answer)
    expect(page).to_have_url(re.compile(r"/sv/share/\d+/$"))
    page.wait_for_load_state("load")
    assert list(LearningDraft.objects.values_list("title", flat=True)) == ["Reflektion efter mötet"]
    context.close()
