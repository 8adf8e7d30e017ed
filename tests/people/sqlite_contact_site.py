"""A SQLite site for test_sqlite_concurrency, made in a fresh process (Django picks its database once).

With ``DATABASE_URL`` pointing at an empty SQLite file it migrates, sets up the five locales as
``make run`` does, adds one resource person with an e-mail address and SENDERS signed-in employees,
and prints as JSON the profile's message URL and each employee's session key.
"""

import io
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from home.models import HomePage  # noqa: E402
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory  # noqa: E402
from portal.factories import EmployeeFactory  # noqa: E402

SENDERS = int(os.environ.get("SENDERS", "20"))


def signed_in_session(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # As a login through the first backend would (one of the configured backends, or the session is refused).
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def main():
    call_command("migrate", interactive=False, verbosity=0)
    call_command("setup_site", stdout=io.StringIO())
    home = HomePage.objects.get(locale__language_code="en")
    person = ResourcePersonPageFactory(
        parent=ResourcePersonIndexPageFactory(parent=home), title="Sigrid Lunde", email="sigrid.lunde@example.org"
    )
    person.save_revision().publish()
    # The senders arrive signed in and never type their password: Django's default hasher would spend
    # about a second of CPU on each one's.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        sessions = [signed_in_session(EmployeeFactory(username=f"sender{n}")) for n in range(SENDERS)]
    print(json.dumps({"profile": person.url, "sessions": sessions}))


if __name__ == "__main__":
    main()
