"""Simultaneous posts from one sender never get past the rate limit: the count and the save are one step.

Each thread posts with the same signed-in session and its own database connection, all released at
once, as a script would: on PostgreSQL through the test client, and on SQLite (`make run`) through the
development server that test_sqlite_concurrency starts on a fresh SQLite file.
"""

import sqlite3
import threading
from collections import Counter
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import Client

from people import contact
from people.models import ContactMessage
from tests.people import test_sqlite_concurrency as sqlite_concurrency

# The development server on SQLite, as `make run` serves it (a module fixture: one server for this module).
sqlite_site = sqlite_concurrency.sqlite_site

POSTS = 20


@pytest.mark.django_db(transaction=True)  # committed, so that the threads' connections see the sender and page
def test_simultaneous_posts_from_one_sender_never_exceed_the_rate_limit(person, employee, employee_client, mailoutbox):
    url = f"{person.url}message/"
    start = threading.Barrier(POSTS)
    statuses = [None] * POSTS

    def post(n):
        try:
            client = Client()
            client.cookies = employee_client.cookies  # one signed-in session
            start.wait(timeout=60)
            response = client.post(
                url, {"subject": f"Question {n}", "body": f"How do reflection meetings start? ({n})"}
            )
            statuses[n] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert Counter(statuses) == {302: contact.RATE_LIMIT, 429: POSTS - contact.RATE_LIMIT}
    assert ContactMessage.objects.filter(sender=employee).count() == contact.RATE_LIMIT
    assert len(mailoutbox) == contact.RATE_LIMIT


def test_simultaneous_posts_from_one_sender_on_sqlite_never_exceed_the_rate_limit(sqlite_site):
    port, profile = sqlite_site["port"], sqlite_site["profile"]
    session, token = sqlite_concurrency.prepare_sender(port, profile, sqlite_site["sessions"][0])
    start = threading.Barrier(POSTS)
    statuses = [None] * POSTS

    def post(n):
        body = urlencode(
            {"csrfmiddlewaretoken": token, "subject": f"Question {n}", "body": f"How do they start? ({n})"}
        )
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{port}{profile}"}
        start.wait(timeout=60)
        statuses[n] = sqlite_concurrency.request(port, "POST", f"{profile}message/", session, body, headers)[0]

    threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    log = sqlite_site["log"].read_text(errors="replace")
    answered = Counter(statuses)
    assert answered == {302: contact.RATE_LIMIT, 429: POSTS - contact.RATE_LIMIT}, f"{answered}\n{log[-3000:]}"
    with sqlite3.connect(sqlite_site["database"]) as database:
        (saved,) = database.execute("SELECT COUNT(*) FROM people_contactmessage").fetchone()
    assert saved == contact.RATE_LIMIT
