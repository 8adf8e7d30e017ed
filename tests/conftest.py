import io
import os
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.factories import EmployeeFactory
from tests.utils import login_with_second_factor

TESTS_DIR = Path(__file__).parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
APP_MARKERS = {
    "portal",
    "accounts",
    "caching",
    "home",
    "people",
    "methods",
    "networks",
    "casestudies",
    "digests",
    "meetings",
    "feedback",
    "discussion",
    "moderation",
    "search",
    "demo",
    "api",
    "browser",
}


def pytest_collection_modifyitems(items):
    """Mark each test with its app (the folder under tests/), so `-m people` runs one app's tests.

    A test outside an app's folder is an error, so that every test can be selected by its marker. A test
    that reaches the OpenSearch node (through the ``opensearch_url`` fixture) is also marked
    ``opensearch``, so the marker says exactly which tests need the node. The browser tests run last:
    once Playwright has started its event loop, only they may use the ORM.
    """
    for item in items:
        folder = Path(item.fspath).relative_to(TESTS_DIR).parts[0]
        if folder not in APP_MARKERS:
            raise pytest.UsageError(f"{item.nodeid} is not in an app's folder ({', '.join(sorted(APP_MARKERS))})")
        item.add_marker(getattr(pytest.mark, folder))
        if "opensearch_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.opensearch)
    items.sort(key=lambda item: Path(item.fspath).relative_to(TESTS_DIR).parts[0] == "browser")


def require_service(name, value):
    """In CI a missing service is a failure; on a laptop the test is skipped with the reason."""
    if value:
        return value
    message = f"{name} is not available: run the suite through `make test`."
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def page_cache(request, settings):
    """Each test starts with an empty cache. The page cache stays on (PAGE_CACHE, as in production with
    Redis), except in tests that pin what a page costs to render: they count queries of a render, not of
    a cached copy (caching/page_cache.py)."""
    from django.core.cache import cache

    cache.clear()
    counting = {"django_assert_num_queries", "django_assert_max_num_queries"} & set(request.fixturenames)
    if counting or "quer" in request.node.name:
        settings.PAGE_CACHE = False


@pytest.fixture(autouse=True)
def search_log(settings):
    """Searches are counted in memory and written every SEARCH_LOG_SECONDS (search/query_log.py). A test
    starts with nothing pending, and its counts are written when it says so (query_log.write(), or the
    report, which writes first), not when the clock happens to pass the interval in the middle of it."""
    from search import query_log

    query_log.discard()
    settings.SEARCH_LOG_SECONDS = 3600
    yield query_log
    query_log.discard()


@pytest.fixture(autouse=True)
def english_between_tests():
    """Each test starts and ends in English. A request leaves its language active in the worker's thread
    (Django's LocaleMiddleware activates it and never resets it), so after a Swedish request the next
    test's reverse() would take "/sv/", and so would a module's fixture set up between tests."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def opensearch_url(opensearch_ready):
    return opensearch_ready


@pytest.fixture(scope="session")
def opensearch_ready():
    """The node's URL once it answers. scripts/run_tests.py starts pytest while the node still boots (the
    test database is built meanwhile), so the first test that needs it waits for it here."""
    url = require_service("OpenSearch (OPENSEARCH_URL)", os.environ.get("OPENSEARCH_URL"))
    deadline = time.monotonic() + 240
    while True:
        try:
            health = f"{url}/_cluster/health?wait_for_status=yellow&timeout=5s"
            with urllib.request.urlopen(health, timeout=10) as response:  # noqa: S310 - the suite's loopback node.
                if response.status == 200:
                    return url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"OpenSearch at {url} did not become ready in 240 s (its log follows pytest's report).")
        time.sleep(1)


@pytest.fixture
def chromium_path():
    return require_service("Chromium (CHROMIUM_PATH)", os.environ.get("CHROMIUM_PATH"))


@pytest.fixture
def site_tree(db):
    """The five locales with a published home page in each, as `make run` sets them up."""
    call_command("setup_site", stdout=io.StringIO())


@pytest.fixture
def employee(db):
    return EmployeeFactory(username="elin")


@pytest.fixture
def employee_client(client, employee):
    client.force_login(employee)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, past the second factor the admin asks administrators for."""
    return login_with_second_factor(client, admin_user)


@pytest.fixture
def closed_port():
    """A loopback port that nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
