"""The OpenID provider the single sign-on tests sign in with: tests/oidc/provider/provider.js, run with Node.

`oidc_provider` (session scope) starts it on a free loopback port and waits for its discovery document;
`sso` configures Erfa for it as the README tells an administrator to; `sign_in` walks a Django test client
through the provider's login and consent pages with plain HTTP, as a browser would.
"""

import json
import re
import shutil
import socket
import subprocess
import time
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from tests.conftest import require_service

PROVIDER_DIR = Path(__file__).parent / "provider"
CLIENT_ID = "erfa"
CLIENT_SECRET = "erfa-test-secret"  # noqa: S105 - the test provider's static client (provider.js).
ROLE_MAP = "erfa-communications=Communications,erfa-resource-persons=Resource persons"


class Provider:
    def __init__(self, url):
        self.url = url

    def set_groups(self, account, groups):
        """Change an account's groups claim at the provider (someone added to or removed from a group)."""
        response = requests.put(f"{self.url}/test/groups/{account}", data=json.dumps(groups), timeout=5)
        response.raise_for_status()


@pytest.fixture(scope="session")
def oidc_provider():
    node = require_service("Node.js (node)", shutil.which("node"))
    require_service("oidc-provider (tests/oidc/provider/node_modules)", (PROVIDER_DIR / "node_modules").exists())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [node, "provider.js", str(port)], cwd=PROVIDER_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                if requests.get(f"{url}/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode(errors="replace") if process.poll() is not None else ""
                pytest.fail(f"The OpenID provider did not start on {url}:\n{output}")
            time.sleep(0.2)
        yield Provider(url)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def sso(settings, oidc_provider):
    """Erfa configured for the test provider through the same environment variables as in production."""
    from accounts.sso import discovery
    from portal import settings_sso

    environment = {
        "OIDC_ISSUER": oidc_provider.url,
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_SCOPES": "openid email profile groups",
        "OIDC_PROVIDER_NAME": "Test provider",
        "OIDC_ROLE_MAP": ROLE_MAP,
    }
    for name, value in settings_sso.from_environment(environment).items():
        setattr(settings, name, value)
    # As portal/settings.py lets the logout form lead to the provider (settings_sso.form_targets).
    csp = settings.SECURE_CSP
    settings.SECURE_CSP = {**csp, "form-action": [*csp["form-action"], *settings_sso.form_targets(environment)]}
    discovery.forget()
    yield oidc_provider
    discovery.forget()


def _form_action(response):
    match = re.search(r'<form[^>]*action="([^"]+)"', response.text)
    assert match, f"No form on {response.url}:\n{response.text[:500]}"
    return urljoin(response.url, unescape(match.group(1)))


def _follow(browser, response, provider_url):
    """Follow the provider's redirects; stop at the first address outside it (Erfa's callback)."""
    while response.is_redirect:
        location = urljoin(response.url, response.headers["location"])
        if not location.startswith(provider_url):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    return response


def sign_in(client, provider, account, next_url="/en/"):
    """Sign `client` in as the provider's `account`; return Erfa's answer to the callback."""
    browser = requests.Session()
    start = client.get("/oidc/authenticate/", {"next": next_url})
    assert start.status_code == 302, start
    page = _follow(browser, browser.get(start["Location"], allow_redirects=False, timeout=10), provider.url)
    while not isinstance(page, str):  # The login page, then the consent page.
        prompt = re.search(r'name="prompt" value="(\w+)"', page.text).group(1)
        fields = {"prompt": prompt, "login": account, "password": "any"} if prompt == "login" else {"prompt": prompt}
        answer = browser.post(_form_action(page), data=fields, allow_redirects=False, timeout=10)
        page = _follow(browser, answer, provider.url)
    callback = urlsplit(page)
    assert callback.path == "/oidc/callback/", page
    return client.get(f"{callback.path}?{callback.query}")
