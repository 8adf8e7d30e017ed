"""An employee who uses only the keyboard signs in, searches from the header, opens a resource person's profile
from the results and sends them a message; every element they pass with Tab shows where the focus is."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ContactMessage
from portal.factories import EmployeeFactory
from tests.browser.conftest import focus_problem, tab_to


@pytest.mark.django_db(transaction=True)
def test_an_employee_searches_opens_a_profile_and_sends_a_message_by_keyboard(page, live_server, site_tree):
    employee = EmployeeFactory(username="elin", first_name="Elin", last_name="Dahlgren")
    directory = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    ResourcePersonPageFactory(
        parent=directory,
        title="Sigrid Lunde",
        job_title="Care coordinator",
        ask_me_about="How we run reflection after difficult home visits.",
        email="sigrid.lunde@example.org",
    )
    problems = []

    # Signing in: the login form puts the focus on the user name.
    page.goto(f"{live_server.url}/en/accounts/login/")
    expect(page.get_by_label("Username")).to_be_focused()
    page.keyboard.type("elin")
    tab_to(page, page.get_by_label("Password"), problems)
    page.keyboard.type("correct horse battery staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The header's search.
    tab_to(page, page.get_by_role("searchbox", name="Search Erfa"), problems)
    page.keyboard.type("Lunde")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The result, opened with Enter.
    result = page.locator("main").get_by_role("link", name="Sigrid Lunde").first
    tab_to(page, result, problems)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sigrid Lunde")

    # The contact form: typed in, the copy ticked with Space, sent with Enter.
    tab_to(page, page.get_by_label("Subject"), problems)
    page.keyboard.type("Reflection meetings")
    tab_to(page, page.get_by_role("textbox", name="Message"), problems)
    page.keyboard.type("Could you tell me how you started them?")
    copy = page.get_by_role("checkbox", name="Send me a copy")
    tab_to(page, copy, problems)
    page.keyboard.press("Space")
    expect(copy).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Send message"), problems)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Your message has been sent to Sigrid Lunde.")
    message = ContactMessage.objects.get()
    assert (message.sender, message.subject, message.send_copy) == (employee, "Reflection meetings", True)
    assert len(mail.outbox) == 2  # the message and the sender's copy
    assert problems == [], "focus stops without a visible focus indicator:\n" + "\n".join(problems)


def test_the_focus_check_sees_a_missing_or_invisible_indicator(page):
    """The check itself, on a page made for it: a hidden outline and an outline the colour of the background fail."""
    page.set_content(
        """<!doctype html><html lang="en"><title>Focus</title><body style="background: rgb(255, 255, 255)">
        <style>:focus-visible { outline: 3px solid rgb(199, 92, 0); outline-offset: 2px; }</style>
        <a id="shown" href="#a">Shown</a>
        <a id="hidden" href="#b" style="outline: none">Hidden</a>
        <a id="white" href="#c" style="outline-color: rgb(255, 255, 255)">White on white</a>
        <a id="shadow" href="#d" style="outline: none; box-shadow: 0 0 0 3px rgb(199, 92, 0)">Shadow</a>
        </body></html>"""
    )
    found = {}
    for element in ("shown", "hidden", "white", "shadow"):
        page.keyboard.press("Tab")
        expect(page.locator(f"#{element}")).to_be_focused()
        found[element] = focus_problem(page)
    assert found == {
        "shown": None,
        "hidden": 'a#hidden "Hidden": no outline and no box-shadow',
        "white": 'a#white "White on white": outline rgb(255, 255, 255) on the same background',
        "shadow": None,
    }


@pytest.mark.django_db(transaction=True)
def test_escape_folds_the_phone_menu_and_returns_to_its_button(browser, live_server, site_tree):
    from tests.browser.conftest import sign_in

    EmployeeFactory(username="elin")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, live_server.url, "elin", language="en")
    menu = page.locator("details.site-menu")
    toggle = menu.locator(":scope > summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("open", "")
    page.keyboard.press("Tab")  # into the menu
    page.keyboard.press("Escape")
    expect(menu).not_to_have_attribute("open", "")
    expect(toggle).to_be_focused()
    context.close()
