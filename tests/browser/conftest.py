import os

import pytest
from playwright.sync_api import expect

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
