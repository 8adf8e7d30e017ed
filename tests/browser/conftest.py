import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.oidc.provider_fixture import oidc_provider, sso  # noqa: F401 - the single sign-on journey's provider.

# The live server shares two cores with the test process, the database and the search node;
# allow a slow machine time before calling an assertion failed.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API keeps an event loop in the test thread, which Django's async-safety check
    mistakes for async code; the ORM calls that these tests and their database teardown make are
    ordinary synchronous ones. Set from the first browser test to the end of the session: tests/conftest.py
    runs the browser tests last, so no other test runs with it."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's chromium package; Playwright must never download a browser of its own."""
    path = os.environ.get("CHROMIUM_PATH")
    if not path:
        from tests.conftest import IN_CI

        message = "Chromium (CHROMIUM_PATH) is not available: run the suite through `make test`."
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": path,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


# --- Accessibility: axe-core and visible focus -------------------------------------------------------------

# axe-core comes from npm (tests/browser/axe/package-lock.json); scripts/run_tests.py runs `npm ci` there.
AXE_SCRIPT = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no rules tagged wcag22a yet; the tag keeps it future-proof).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

RUN_AXE = """async ([tags, ignored]) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    // A narrow exception names one rule and one selector; every other node of that rule still counts.
    const isIgnored = (rule, node) => ignored.some(([id, selector]) => id === rule &&
        node.target.length === 1 && document.querySelector(node.target[0])?.closest(selector));
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.filter(n => !isIgnored(v.id, n))
            .map(n => ({target: n.target.join(" "), html: n.html.slice(0, 160), impact: n.impact})),
    })).filter(v => v.nodes.length);
}"""


def axe_violations(page, ignored=()):
    """Serious and critical WCAG 2.x A/AA violations on the page as axe-core reports them.

    `ignored` holds (rule id, CSS selector) pairs for markup Erfa cannot change (each with its reason where
    it is declared): a node of that rule inside an element the selector matches is left out.
    """
    if not AXE_SCRIPT.exists():
        from tests.conftest import require_service

        require_service("axe-core (tests/browser/axe/node_modules)", None)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    found = page.evaluate(RUN_AXE, [WCAG_TAGS, [list(pair) for pair in ignored]])
    # By each element's own impact: a rule's impact is its worst element's, which may be an excepted one.
    for violation in found:
        violation["nodes"] = [node for node in violation["nodes"] if node["impact"] in BLOCKING_IMPACTS]
    return [violation for violation in found if violation["nodes"]]


def describe_violations(where, violations):
    lines = [f"{where}:"]
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}  {node['html']}" for node in violation["nodes"][:5])
    return "\n".join(lines)


FOCUS_INDICATOR = """() => {
    const element = document.activeElement;
    // Focus on the body means it has left the page for the browser's own controls: not a stop on the page.
    if (!element || element === document.body) return {ok: true, name: "body"};
    const opaque = (colour) => colour && colour !== "transparent" && !/rgba\\(.*,\\s*0\\)$/.test(colour);
    const backgroundBehind = (start) => {
        for (let node = start; node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (opaque(colour)) return colour;
        }
        return "rgb(255, 255, 255)";
    };
    const style = getComputedStyle(element);
    const classes = typeof element.className === "string" ? element.className.trim().split(/\\s+/) : [];
    const label = element.innerText || element.value || element.getAttribute("aria-label") || "";
    const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
        classes.filter(Boolean).map(c => "." + c).join("") + " " + JSON.stringify(label.slice(0, 40));
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && opaque(style.outlineColor);
    if (outlined) {
        // An outline drawn outside the element shows against what is behind it; one drawn inside, against the element.
        const inside = parseFloat(style.outlineOffset) < 0;
        const behind = backgroundBehind(inside ? element : element.parentElement);
        if (style.outlineColor === behind) {
            return {ok: false, why: `outline ${style.outlineColor} on the same background`, name};
        }
        return {ok: true, name};
    }
    if (style.boxShadow && style.boxShadow !== "none") return {ok: true, name};
    return {ok: false, why: "no outline and no box-shadow", name};
}"""


def focus_problem(page):
    """None when the focused element shows a focus indicator, else what is wrong with it."""
    result = page.evaluate(FOCUS_INDICATOR)
    return None if result["ok"] else f"{result.get('name', '?')}: {result['why']}"


def tab_to(page, target, problems, limit=80):
    """Press Tab until the `target` locator's element has focus, checking the focus indicator at every stop
    on the way; each stop without a visible indicator is added to `problems`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        problem = focus_problem(page)
        if problem:
            problems.append(f"{page.url}: {problem}")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{limit} presses of Tab on {page.url} never reached {target}")


PASSWORD = "correct horse battery staple"  # noqa: S105 - the journeys' made-up users' password


def sign_in(page, base_url, username, language="sv"):
    """Sign in through the login form of the `language` interface, as a reader does."""
    page.goto(f"{base_url}/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")


def screenshots(page, folder, name):
    """Full-page screenshots at 390 and 1280 px into `folder`, to look at the layout."""
    folder.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
