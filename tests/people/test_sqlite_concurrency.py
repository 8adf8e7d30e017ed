"""The embedded SQLite database holds up when many people send contact messages at once.

`make run` serves each request in a thread of Django's development server on one SQLite file. Here
the same server runs in a subprocess on a fresh SQLite file (made by sqlite_contact_site.py), and
twenty employees post a message to the same person at the same moment.
"""

import http.client
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.utils import copy_migrated_sqlite

ROOT = Path(__file__).resolve().parents[2]
SITE_SCRIPT = Path(__file__).with_name("sqlite_contact_site.py")
# What the subprocesses may inherit: the rest (the suite's PostgreSQL, its engine) stays the suite's.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
SENDERS = 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port, server, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "the development server stopped"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("the development server did not start")


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-contact")
    env = {name: os.environ[name] for name in INHERITED if name in os.environ}
    # As `make run` has it: debug mode, immediate tasks, e-mails printed to the console.
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{folder / 'erfa.sqlite3'}",
            "DJANGO_DEBUG": "1",
            "MEDIA_ROOT": str(folder / "media"),
            "SENDERS": str(SENDERS),
        }
    )
    copy_migrated_sqlite(folder / "erfa.sqlite3")
    made = subprocess.run(
        [sys.executable, str(SITE_SCRIPT)], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert made.returncode == 0, made.stderr[-4000:]
    site = json.loads(made.stdout.strip().splitlines()[-1])
    port = free_port()
    log = open(folder / "server.log", "w")  # noqa: SIM115 - closed after the server stops
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_listening(port, server)
        yield {**site, "port": port, "database": folder / "erfa.sqlite3", "log": folder / "server.log"}
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def request(port, method, path, session, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        cookies = "; ".join(f"{name}={value}" for name, value in session.items())
        connection.request(method, path, body=body, headers={"Cookie": cookies, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.getheader("Set-Cookie") or "", response.read().decode(errors="replace")
    finally:
        connection.close()


def prepare_sender(port, profile, session_key):
    """The sender's cookies and the form's CSRF token, from opening the profile as a reader would."""
    session = {"sessionid": session_key}
    status, set_cookie, html = request(port, "GET", profile, session)
    assert status == 200, html[-2000:]
    session["csrftoken"] = re.search(r"csrftoken=([^;]+)", set_cookie).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return session, token


def test_twenty_simultaneous_contact_messages_are_all_saved_once_and_none_fails(sqlite_site):
    port, profile = sqlite_site["port"], sqlite_site["profile"]
    senders = [prepare_sender(port, profile, key) for key in sqlite_site["sessions"]]
    start = threading.Barrier(SENDERS)
    statuses = [None] * SENDERS

    def post(n):
        session, token = senders[n]
        body = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "subject": f"Question {n}",
                "body": f"How do reflection meetings start? ({n})",
            }
        )
        start.wait()
        statuses[n] = request(
            port,
            "POST",
            f"{profile}message/",
            session,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{port}{profile}"},
        )[0]

    threads = [threading.Thread(target=post, args=(n,)) for n in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    log = sqlite_site["log"].read_text(errors="replace")
    assert statuses == [302] * SENDERS, log[-4000:]
    assert "database is locked" not in log
    with sqlite3.connect(sqlite_site["database"]) as database:
        saved = database.execute("SELECT subject, status FROM people_contactmessage ORDER BY id").fetchall()
    assert sorted(subject for subject, _status in saved) == sorted(f"Question {n}" for n in range(SENDERS))
    assert {status for _subject, status in saved} == {"sent"}
