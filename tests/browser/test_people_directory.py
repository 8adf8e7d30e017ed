import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ContactMessage
from portal.factories import EmployeeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_finds_a_resource_person_and_sends_a_message(page, live_server, site_tree):
    employee = EmployeeFactory(username="elin", first_name="Elin", last_name="Dahlgren")
    home = HomePage.objects.get(locale__language_code="en")
    directory = ResourcePersonIndexPageFactory(parent=home)
    ResourcePersonPageFactory(
        parent=directory,
        title="Sigrid Lunde",
        job_title="Care coordinator",
        ask_me_about="How we run reflection after difficult home visits.",
        email="sigrid.lunde@example.org",
    )
    ResourcePersonPageFactory(parent=directory, title="Olle Berg", ask_me_about="Rotas and budgets.")

    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/people/")
    page.get_by_label("Username").fill("elin")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resource persons")

    search = page.get_by_label("Search by name, expertise, job title or organisation")
    # Suggestions appear while typing (JavaScript), and the ordinary GET search works as well.
    page.wait_for_load_state("networkidle")  # the enhancement script is deferred; type once it listens
    search.press_sequentially("reflec", delay=50)
    suggestion = page.locator("[data-autocomplete-results]").get_by_role("link", name="Sigrid Lunde")
    expect(suggestion).to_be_visible()
    search.fill("reflection")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/people/\?q=reflection"))
    results = page.locator(".card-grid")
    expect(results.get_by_role("link", name="Sigrid Lunde")).to_be_visible()
    expect(results.get_by_role("link", name="Olle Berg")).to_have_count(0)

    results.get_by_role("link", name="Sigrid Lunde").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sigrid Lunde")
    page.get_by_label("Subject").fill("Reflection meetings")
    page.get_by_role("textbox", name="Message").fill("Could you tell me how you started them?")
    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("status")).to_contain_text("Your message has been sent to Sigrid Lunde.")
    message = ContactMessage.objects.get()
    assert (message.sender, message.subject, message.status) == (employee, "Reflection meetings", "sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].reply_to == [f"Elin Dahlgren <{employee.email}>"]
