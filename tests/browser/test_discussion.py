"""A reader asks a question on a method page and its owner answers it, in the Swedish interface.

One live-server test (each flushes the database). Screenshots at 390 and 1280 px go to ERFA_SHOTS
(default /tmp/discussion-shots); axe checks the page with the discussion and the discussion's own page.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from discussion.models import Comment
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory
from tests.browser.conftest import axe_violations, describe_violations, screenshots, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/discussion-shots"))  # noqa: S108 - a place to look, not a secret


def shots(page, name):
    screenshots(page, SHOTS, name)


def test_a_reader_asks_and_the_owner_answers(browser, live_server, site_tree, mailoutbox):
    home = HomePage.objects.get(locale__language_code="sv")
    owner = EmployeeFactory(username="olle", first_name="Olle", last_name="Berg", email="olle@example.org")
    directory = ResourcePersonIndexPageFactory(parent=home, slug="resurspersoner")
    profile = ResourcePersonPageFactory(parent=directory, title="Olle Berg", user=owner)
    method = MethodPageFactory(
        parent=MethodIndexPageFactory(parent=home, slug="metoder"), title="Reflektionsmöte", content_owner=profile
    )
    EmployeeFactory(username="rut", first_name="Rut", last_name="Nyberg", email="rut@example.org")

    context = browser.new_context(bypass_csp=True)  # axe is injected as a script tag; the CSP forbids that.
    page = context.new_page()
    sign_in(page, live_server.url, "rut")
    page.goto(f"{live_server.url}{method.url}")
    expect(page.locator("#discussion-heading")).to_have_text("Frågor och kommentarer")
    page.locator("#discussion_body").fill("Fungerar det på distans?")
    page.locator("#discussion-form button[type=submit]").click()
    expect(page.locator(".discussion-comment__body")).to_have_text("Fungerar det på distans?")
    expect(page.locator(".message--success")).to_contain_text("Tack!")
    assert not axe_violations(page), describe_violations("method page with its message", axe_violations(page))
    page.goto(f"{live_server.url}{method.url}")
    assert not axe_violations(page), describe_violations("method page", axe_violations(page))
    shots(page, "method-with-question")
    context.close()
    assert [message.to for message in mailoutbox] == [[profile.email]]

    context = browser.new_context(bypass_csp=True)  # axe is injected as a script tag; the CSP forbids that.
    page = context.new_page()
    sign_in(page, live_server.url, "olle")
    page.goto(f"{live_server.url}{method.url}")
    page.get_by_role("link", name="Diskussionen på en egen sida").click()
    question = Comment.objects.get()
    page.locator(f"#id_answer-{question.pk}-body").fill("Ja, med grupprum i videomötet.")
    assert not axe_violations(page), describe_violations("discussion page", axe_violations(page))
    shots(page, "discussion-owner")
    page.get_by_role("button", name="Publicera svaret").click()
    expect(page.locator(".discussion-comment--answer")).to_contain_text("Ja, med grupprum i videomötet.")
    context.close()
    assert Comment.objects.get(parent=question).is_answer
    assert mailoutbox[-1].to == ["rut@example.org"]
