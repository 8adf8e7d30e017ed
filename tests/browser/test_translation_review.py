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
