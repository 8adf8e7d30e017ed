"""Screenshots of Erfa's main pages, for the README and for reviewing the look: `make screenshots`.

Builds a throwaway SQLite database with the demo content (as `make run` does), starts a development
server on a free loopback port, signs in as the demo employee and saves PNGs at a laptop's (1280×800)
and a phone's (390×844) size, in English and Swedish, into docs/screenshots/ under stable names
(<language>-<page>-<desktop|mobile>.png). Only the first screen is captured, as a reader first sees it.

Uses Debian's chromium through Playwright (never a downloaded browser): `apt-get install chromium`,
or point CHROMIUM_PATH at another Chromium.

Usage: python scripts/screenshots.py [--out docs/screenshots] [--database var/erfa.sqlite3]

--database starts from a copy of an SQLite database that already holds the demo content (such as the one
`make run` keeps in var/erfa.sqlite3), which saves loading it; the file itself is left untouched.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "sv")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 390, "height": 844}}
SETUP_COMMANDS = (
    "compile_translations",
    "migrate",
    "setup_site",
    "setup_roles",
    "create_demo_users",
    "load_demo_content",
)

# The pages to photograph: a name for the file, and Python that finds the page's English version
# (run inside `manage.py shell`, so the models are loaded there and not here).
PAGE_FINDER = """
import json
from wagtail.models import Locale
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage
from methods.models import MethodPage, ShareableTemplatePage
from networks.models import NetworkPage
from people.models import ResourcePersonIndexPage, ResourcePersonPage

MODELS = {
    "home": HomePage, "case-studies": CaseStudyIndexPage, "case-study": CaseStudyPage, "method": MethodPage,
    "template": ShareableTemplatePage, "network": NetworkPage, "people": ResourcePersonIndexPage,
    "profile": ResourcePersonPage,
}
urls = {}
for code in LANGUAGES:
    locale = Locale.objects.get(language_code=code)
    for name, model in MODELS.items():
        page = model.objects.live().filter(locale__language_code="en").order_by("path").first()
        translated = page.get_translation_or_none(locale)
        # A page missing in the reader's language is shown under their prefix with a notice (home/models.py).
        urls[f"{code}-{name}"] = translated.url if translated and translated.live else f"/{code}/" + page.url[4:]
    person = ResourcePersonPage.objects.order_by("path").first()
    urls[f"{code}-search"] = f"/{code}/search/?q=" + person.title.split()[0]
print("URLS=" + json.dumps(urls))
"""


def say(message):
    print(f"[screenshots] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        sys.exit("Chromium is needed: apt-get install chromium (or set CHROMIUM_PATH).")
    return path


def manage(env, *args, capture=False):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    result = subprocess.run(command, cwd=ROOT, env=env, check=True, text=True, capture_output=capture)
    return result.stdout if capture else None


def prepare_database(env, have_content=False):
    """The demo site and users, and a fresh password for the demo employee (printed nowhere)."""
    for command in SETUP_COMMANDS[:2] if have_content else SETUP_COMMANDS:
        say(f"manage.py {command}")
        manage(env, command, *(["--noinput"] if command == "migrate" else []), capture=True)
    password = secrets.token_urlsafe(12)
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "user = get_user_model().objects.get(username='employee'); "
        f"user.set_password({password!r}); user.save()",
        capture=True,
    )
    output = manage(env, "shell", "-c", f"LANGUAGES = {LANGUAGES!r}\n{PAGE_FINDER}", capture=True)
    urls = json.loads(next(line for line in output.splitlines() if line.startswith("URLS="))[5:])
    return password, urls


def wait_until_up(url, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The development server stopped while starting.")
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - our own loopback server.
            return
        except urllib.error.HTTPError:
            return  # it answers (a redirect to the login page, say)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    sys.exit(f"The development server did not answer at {url} within {timeout} s.")


def photograph(base_url, password, urls, out):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        for device, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            page.goto(f"{base_url}/en/accounts/login/")
            page.screenshot(path=str(out / f"en-login-{device}.png"))
            page.locator("input[name=username]").fill("employee")
            page.locator("input[name=password]").fill(password)
            with page.expect_navigation():
                page.locator("form button[type=submit]").click()
            for name, path in urls.items():
                page.goto(base_url + path)
                page.wait_for_load_state("networkidle")
                target = out / f"{name}-{device}.png"
                page.screenshot(path=str(target), full_page=False, animations="disabled", caret="hide")
                say(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
            context.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--database", type=Path, help="an SQLite database with the demo content, copied first")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="erfa-screenshots-"))
    if args.database:
        shutil.copyfile(args.database, workdir / "erfa.sqlite3")
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{workdir / 'erfa.sqlite3'}",
        DJANGO_DEBUG="1",
        PAGE_CACHE="0",
    )
    if not args.database:
        # A fresh database gets fresh files; a copied one keeps reading the files it was loaded with.
        env["MEDIA_ROOT"] = str(workdir / "media")
    server = None
    try:
        password, urls = prepare_database(env, have_content=bool(args.database))
        say(f"Starting a development server on 127.0.0.1:{port}")
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base_url}/en/accounts/login/", server)
        photograph(base_url, password, urls, args.out.resolve())
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
