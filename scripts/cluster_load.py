"""The load `make cluster-test` runs (scripts/cluster_test.py): readers, an editor, and an SMTP sink.

Readers go through nginx, like browsers: each signs in with the login form, then for the length of the
run reads pages, searches and now and then writes to a resource person with the contact form. The
editor signs in to the admin of ONE app server directly (password, then a TOTP code computed from the
device's key, as an authenticator app would) and publishes prepared drafts with the admin's bulk publish
action; after each publish, pollers ask BOTH app servers for the page and one of them for a search,
and note when the new title (and its unique word) shows. The SMTP sink counts what the task worker
delivers. Standard library only: the script runs before and outside Django.
"""

import asyncio
import contextlib
import email
import email.policy
import hashlib
import hmac
import http.cookiejar
import random
import re
import struct
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Fewer than people.contact.RATE_LIMIT (10 an hour): the load measures delivery, not the rate limit.
MESSAGES_PER_READER = 6
SEARCH_WORDS = ["samtal", "method", "reflection", "network", "case", "nätverk", "handledning", "team", "erfa"]


class SecureCookiesOverHttp(http.cookiejar.DefaultCookiePolicy):
    """Production settings mark the session and CSRF cookies Secure; the loopback cluster speaks plain HTTP."""

    def return_ok_secure(self, cookie, request):
        return True


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Answers a redirect with the redirect itself, so that a form post is timed on its own."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A browser without JavaScript: cookies, redirects, forms. Every answer other than 200 is an error."""

    def __init__(self, base):
        self.base = base
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(policy=SecureCookiesOverHttp()))
        self.opener = urllib.request.build_opener(cookies)
        self.opener_without_redirects = urllib.request.build_opener(cookies, KeepRedirects())

    def request(self, path, data=None, timeout=30, follow=True):
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        opener = self.opener if follow else self.opener_without_redirects
        try:
            request = urllib.request.Request(url, data=body)  # noqa: S310 - http on loopback, built here.
            with opener.open(request, timeout=timeout) as response:
                return response.status, response.geturl(), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, url, error.read().decode("utf-8", "replace")

    def get(self, path):
        return self.request(path)

    def post_form(self, path, fields, form_path=None, follow=True):
        """GET the page with the form (for its CSRF token), then POST the fields to `path`."""
        status, _url, html = self.get(form_path or path)
        token = _CSRF.search(html)
        if status != 200 or token is None:
            return status, path, html
        return self.request(path, {"csrfmiddlewaretoken": token.group(1), **fields}, follow=follow)


def totp(key_hex, step=30, digits=6, at=None):
    """RFC 6238, as django_otp's TOTPDevice checks it (SHA-1, the device's step and digits)."""
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def sign_in(browser, username, password):
    """The front end's login form, reached as a reader reaches it: by asking for the home page."""
    status, login_url, html = browser.get("/en/")
    if "/login" not in login_url:
        raise RuntimeError(f"/en/ did not ask {username} to sign in (status {status}, {login_url})")
    status, url, _html = browser.post_form(login_url, {"username": username, "password": password})
    if status != 200 or "/login" in url:
        raise RuntimeError(f"{username} could not sign in (status {status}, {url})")


def sign_in_to_admin(browser, username, password, device):
    status, url, _html = browser.post_form("/admin/login/", {"username": username, "password": password})
    if "/two-factor/verify/" not in url:
        raise RuntimeError(f"the admin did not ask for a second factor (status {status}, {url})")
    status, url, _html = browser.post_form(url, {"otp_token": totp(device["key"], device["step"], device["digits"])})
    if status != 200 or "/two-factor/" in url or "/login" in url:
        raise RuntimeError(f"the admin refused the second factor (status {status}, {url})")


class Figures:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.errors = []
        self.sent = set()
        self.publishes = []

    def count(self, what, status, url, expected_url=None):
        with self.lock:
            self.requests += 1
            if status != 200 or (expected_url and not url.endswith(expected_url)):
                self.errors.append(f"{what}: {status} {url}")


def all_signed_in(ready):
    """Wait for the others: the load's clock starts once everyone has signed in (a hash each, by design slow)."""
    with contextlib.suppress(threading.BrokenBarrierError):
        ready.wait(timeout=600)


def reader(base, username, plan, figures, stop, ready):
    rng = random.Random(username)  # noqa: S311 - which page to read next, not a secret.
    browser = Browser(base)
    try:
        sign_in(browser, username, plan["password"])
    except Exception as error:  # noqa: BLE001 - counted, and the run goes on.
        with figures.lock:
            figures.errors.append(f"sign-in {username}: {error}")
        return
    finally:
        all_signed_in(ready)
    messages = 0
    while not stop.is_set():
        roll = rng.random()
        try:
            if roll < 0.1 and messages < MESSAGES_PER_READER and plan["recipients"]:
                profile = rng.choice(plan["recipients"])
                marker = f"CLUSTERMSG-{username}-{messages}"
                fields = {"subject": f"Cluster test {marker}", "body": f"A message from the load test: {marker}."}
                status, url, _html = browser.post_form(profile + "message/", fields, form_path=profile)
                url = url.split("#", 1)[0]  # back on the profile, at its confirmation (#main)
                figures.count("contact", status, url, expected_url=profile)
                if status == 200 and url.endswith(profile):
                    with figures.lock:
                        figures.sent.add(marker)
                messages += 1
            elif roll < 0.35:
                query = urllib.parse.urlencode({"q": rng.choice(SEARCH_WORDS)})
                status, url, _html = browser.get(f"/en/search/?{query}")
                figures.count("search", status, url)
            else:
                path = rng.choice(plan["read_urls"])
                status, url, _html = browser.get(path)
                figures.count("read", status, url)
        except Exception as error:  # noqa: BLE001 - a refused connection or a timeout is an error, not a crash.
            with figures.lock:
                figures.requests += 1
                figures.errors.append(f"{username}: {type(error).__name__}: {error}")
        stop.wait(rng.uniform(0.2, 0.8))


def wait_until_visible(browser, path, needle, started, limit, every=0.1, at_once=3):
    """(sent, answered): seconds from `started` to the first request for `path` whose answer has `needle`.

    `sent` is when that request left: the server showed the change from then on at the latest, so it
    measures freshness; `answered` adds the request's own time, which is the machine's load. (None, None)
    when it does not show within `limit` seconds. A new request leaves every `every` seconds (up to
    `at_once` waiting for their answers): waiting for each answer before asking again would add a whole
    loaded request's time to what is measured.
    """
    seen, lock, done = [], threading.Lock(), threading.Event()
    slots = threading.BoundedSemaphore(at_once)

    def ask(sent):
        try:
            status, _url, html = browser.get(path)
            if status == 200 and needle in html:
                with lock:
                    seen.append((sent, time.monotonic() - started))
                done.set()
        except Exception:  # noqa: BLE001, S110 - a poll that fails proves nothing; the next one asks again.
            pass
        finally:
            slots.release()

    askers = []
    while not done.is_set() and time.monotonic() - started < limit:
        if slots.acquire(timeout=every):
            askers.append(threading.Thread(target=ask, args=(time.monotonic() - started,), daemon=True))
            askers[-1].start()
            done.wait(every)
    for asker in askers:
        asker.join()
    return min(seen) if seen else (None, None)


def editor(plan, app_servers, figures, stop, interval, ready, limit=10.0):
    """Publishes through the second app server; watches both, and search on the first."""
    publisher = Browser(app_servers[1])
    watchers = [Browser(server) for server in app_servers]
    try:
        sign_in_to_admin(publisher, plan["editor"], plan["password"], plan["device"])
        for watcher in watchers:
            sign_in(watcher, plan["readers"][0], plan["password"])
    finally:
        all_signed_in(ready)
    for item in plan["publishes"]:
        if stop.wait(interval):
            return
        path = f"/admin/bulk/wagtailcore/page/publish/?id={item['id']}&next=/admin/"
        asked, asked_at = time.monotonic(), time.time()
        # The POST answers with a redirect once the publish is committed: from then on it must show.
        status, url, _html = publisher.post_form(path, {}, follow=False)
        started, answered_at = time.monotonic(), time.time()
        with figures.lock:
            figures.requests += 1
            if status != 302:
                figures.errors.append(f"publish: {status} {url}")
        search_path = "/en/search/?" + urllib.parse.urlencode({"q": item["word"]})
        found = {}

        def watch(key, browser, path, needle, found=found, started=started):
            found[key] = wait_until_visible(browser, path, needle, started, limit)

        threads = [
            threading.Thread(target=watch, args=args)
            for args in (
                ("server 1", watchers[0], item["url"], item["word"]),
                ("server 2", watchers[1], item["url"], item["word"]),
                ("search", watchers[0], search_path, f'href="{item["url"]}"'),
            )
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with figures.lock:
            figures.publishes.append(
                {"page": item["url"], "id": item["id"], "asked_at": asked_at, "answered_at": answered_at}
                | {"request": started - asked, **found}
            )


# --- SMTP sink ---------------------------------------------------------------------------------


class SmtpSink:
    """Just enough SMTP (RFC 5321) for Django's backend: it keeps every message it is given."""

    def __init__(self):
        self.messages = []
        self.loop = asyncio.new_event_loop()
        self.port = None

    def start(self):
        ready = threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", 0))
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            self.loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        ready.wait(10)
        return self.port

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)

    def texts(self):
        found = []
        for raw in list(self.messages):
            message = email.message_from_bytes(raw, policy=email.policy.default)
            body = message.get_body(("plain",))
            found.append(f"{message['Subject']}\n{body.get_content() if body else ''}")
        return found

    async def _session(self, reader, writer):
        async def reply(line):
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        await reply("220 erfa-cluster-test ESMTP")
        while line := await reader.readline():
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith("EHLO"):
                await reply("250-erfa-cluster-test\r\n250-8BITMIME\r\n250 SMTPUTF8")
            elif command.startswith("DATA"):
                await reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                self.messages.append(b"".join(lines))
                await reply("250 OK")
            elif command.startswith("QUIT"):
                await reply("221 Bye")
                break
            else:  # HELO, MAIL FROM, RCPT TO, RSET, NOOP
                await reply("250 OK")
        writer.close()


def received_markers(sink):
    return {marker for text in sink.texts() for marker in re.findall(r"CLUSTERMSG-[\w-]+?-\d+", text)}
