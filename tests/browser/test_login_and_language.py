import pytest
from playwright.sync_api import expect

from portal.factories import EmployeeFactory
from tests.browser.conftest import axe_violations, describe_violations, focus_problem, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_logs_in_and_switches_to_swedish(page, live_server, site_tree):
    EmployeeFactory(username="elin", first_name="Elin", last_name="Dahlgren")

    page.goto(f"{live_server.url}/en/")
    # A language's home page signs in by way of the bare address, which starts the reader in their own language.
    expect(page).to_have_url(f"{live_server.url}/en/accounts/login/?next=/")

    page.get_by_label("Username").fill("elin")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Erfa")
    expect(page.get_by_text("Elin Dahlgren")).to_be_visible()

    page.get_by_role("navigation", name="Choose language").get_by_role("link", name="Svenska").click()

    expect(page).to_have_url(f"{live_server.url}/sv/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Välkommen till Erfa")


def test_wrong_password_keeps_the_username_in_the_form(page, live_server, site_tree):
    EmployeeFactory(username="elin")

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("elin")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("alert")).to_contain_text("Please enter a correct username and password")
    expect(page.get_by_label("Username")).to_have_value("elin")


def test_header_search_suggests_titles_while_typing_and_a_suggestion_opens_its_page(page, live_server, site_tree):
    from home.models import HomePage
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    method = MethodPageFactory(parent=index, title="Reflection meetings")
    EmployeeFactory(username="elin")
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("elin")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("load")

    search = page.get_by_role("searchbox", name="Search Erfa")
    search.press_sequentially("Reflec", delay=50)

    suggestion = page.locator("#site-search-suggestions").get_by_role("link", name="Reflection meetings")
    expect(suggestion).to_have_attribute("href", method.url)
    # Screen readers hear how many suggestions there are.
    expect(page.locator("#site-search-q-status[aria-live=polite]")).to_have_text("1 suggestions below the search field")
    # The keyboard reaches the suggestion from the box, and choosing it opens the page itself.
    search.press("ArrowDown")
    expect(suggestion).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{method.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reflection meetings")


SUGGESTION_LAYOUT = """() => {
    const box = document.querySelector("#site-search-suggestions");
    const rect = (element) => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
    const list = box.querySelector("ul"), meta = box.querySelector(".meta");
    return {
        header: document.querySelector(".site-header").getBoundingClientRect().height,
        input: rect(document.querySelector("#site-search-q")),
        button: rect(document.querySelector(".site-search button")),
        position: getComputedStyle(box).position,
        boxTop: box.getBoundingClientRect().top,
        inputBottom: document.querySelector("#site-search-q").getBoundingClientRect().bottom,
        bullets: list && getComputedStyle(list).listStyleType,
        metaDisplay: meta && getComputedStyle(meta).display,
    };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_header_suggestions_lie_over_the_page_without_moving_the_header(browser, live_server, site_tree, width):
    """The suggestions were once an unstyled list inside the header: at 390 px they squeezed the box to half its
    width, at 1280 they pushed the logo down, and the type ran into the title in a dim grey on teal."""
    from home.models import HomePage
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    MethodPageFactory(parent=index, title="Reflection meetings")
    MethodPageFactory(parent=index, title="Reflection rounds")
    EmployeeFactory(username="elin")
    context = browser.new_context(viewport={"width": width, "height": 844}, bypass_csp=True)  # axe is a script tag
    page = context.new_page()
    sign_in(page, live_server.url, "elin", language="en")
    before = page.evaluate(SUGGESTION_LAYOUT)

    page.get_by_role("searchbox", name="Search Erfa").press_sequentially("Reflec", delay=50)
    expect(page.locator("#site-search-suggestions a")).to_have_count(2)
    after = page.evaluate(SUGGESTION_LAYOUT)

    assert after["position"] == "absolute"
    assert after["header"] == before["header"], "the header grew when the suggestions opened"
    assert after["input"] == before["input"] and after["button"] == before["button"], "the search box moved"
    assert after["boxTop"] >= after["inputBottom"], "the suggestions cover the box they belong to"
    assert after["bullets"] == "none"
    assert after["metaDisplay"] == "block", "the page's type runs into its title"
    violations = axe_violations(page)
    assert not violations, describe_violations(f"suggestions open at {width} px", violations)
    # The focus ring is drawn inside the suggestion: the scrolling box would cut one drawn outside it.
    page.keyboard.press("ArrowDown")
    assert focus_problem(page) is None
    assert page.evaluate("() => parseFloat(getComputedStyle(document.activeElement).outlineOffset)") < 0
    context.close()
