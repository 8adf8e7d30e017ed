"""A reviewer decides a submitted translation in wagtail-localize's translation editor, in the browser."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from tests.browser.test_moderation_journey import author_and_reviewer, sign_in
from tests.moderation.test_translation_flow import start_translation, translate_segments
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db(transaction=True)


def test_communications_approve_a_translation_from_the_translation_editor(browser, live_server, site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    people = ResourcePersonIndexPageFactory(parent=home)
    author, _, authenticator = author_and_reviewer()
    profile = ResourcePersonPageFactory(parent=people, title="Rune Aasvik", user=author, organisation=None)

    # The resource person translates their profile into Swedish and submits the translation for review.
    translator = login_with_second_factor(Client(), author)
    target = start_translation(translator, profile, url_name="erfa_translate_page")
    translate_segments(profile, {"Rune Aasvik": "Rune Aasvik"})
    assert translator.post(reverse("erfa_submit_translation", args=[target.pk])).status_code == 302

    # Communications open it where the review e-mail leads, the translation editor, and approve it there.
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, live_server.url, "kaja", authenticator)
    page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    review = page.locator("#erfa-review-translation")
    expect(review).to_contain_text("Rune Aasvik submitted this translation for review")
    expect(review.get_by_role("button", name="Request changes")).to_be_visible()
    review.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text(re.compile(r"You approved “Rune Aasvik”\. It is now published\."))).to_be_visible()
    page.close()

    target.refresh_from_db()
    assert target.live and not target.workflow_in_progress
    assert target.workflow_states.order_by("-pk").first().status == "approved"  # decided, not cancelled


CONTRAST = """(element) => {
    const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => {
        const [R, G, B] = [r, g, b].map((c) => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const style = getComputedStyle(element);
    const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_a_translator_reads_the_button_that_submits_their_translation(browser, live_server, site_tree):
    """The way to review stands in one of Wagtail's help boxes, which colours its links dark teal: on the
    primary button's teal that was 1.6:1, unreadable. It keeps the button's own white text (WCAG AA, 4.5:1)."""
    home = HomePage.objects.get(locale__language_code="en")
    people = ResourcePersonIndexPageFactory(parent=home)
    author, _, _ = author_and_reviewer()
    profile = ResourcePersonPageFactory(parent=people, title="Rune Aasvik", user=author, organisation=None)
    target = start_translation(login_with_second_factor(Client(), author), profile, url_name="erfa_translate_page")

    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        sign_in(page, live_server.url, "rune")
        page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
        button = page.locator("#erfa-submit-translation a.button")
        expect(button).to_be_visible()
        assert button.evaluate(CONTRAST) >= 4.5, width
        page.close()
