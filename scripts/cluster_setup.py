"""What `make cluster-test` needs in the database, made inside Django (`manage.py shell < this file`).

With CLUSTER_SETUP_COMMANDS=1 it first runs migrate, setup_site, setup_roles, create_demo_users and
load_demo_content, in this one process: on a busy machine each process of its own would spend seconds
importing Django and Wagtail again. Then it creates the load's readers (employees with passwords), an
editor (a superuser with a confirmed TOTP device, whose key the load script uses to compute the
admin's second-factor codes), and one draft per page the editor will publish: a new revision whose
title carries a unique word, so that both the page and the search results show when the publish has
arrived. It prints one line, CLUSTER-JSON {...}, with everything the load script needs.
"""

import io
import json
import os
import secrets
import time

from django.core.management import call_command

if os.environ.get("CLUSTER_SETUP_COMMANDS") == "1":
    steps = [("migrate", "--noinput"), ("setup_site",), ("setup_roles",), ("create_demo_users", "--allow-production")]
    steps.append(("load_demo_content",))
    for command, *args in steps:
        started = time.monotonic()
        call_command(command, *args, stdout=io.StringIO())
        print(f"CLUSTER-STEP manage.py {command}: {time.monotonic() - started:.1f} s", flush=True)

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from people.models import ResourcePersonPage
from portal.roles import EMPLOYEES

READERS = int(os.environ.get("CLUSTER_READERS", "16"))
PUBLISHES = int(os.environ.get("CLUSTER_PUBLISHES", "12"))
User = get_user_model()
password = secrets.token_urlsafe(12)
# One hash for all: production's hasher spends about a second of CPU on each, by design.
hashed = make_password(password)

readers = []
employees = Group.objects.get(name=EMPLOYEES)
for number in range(1, READERS + 1):
    username = f"load{number:02d}"
    user = User.objects.filter(username=username).first() or User(username=username)
    user.first_name, user.last_name, user.email = "Load", f"Reader {number}", f"{username}@example.org"
    user.password = hashed
    user.save()
    user.groups.add(employees)
    readers.append(username)

editor = User.objects.filter(username="cluster-editor").first() or User(username="cluster-editor")
editor.is_superuser = editor.is_staff = True
editor.email = "cluster-editor@example.org"
editor.password = hashed
editor.save()
device = TOTPDevice.objects.filter(user=editor, confirmed=True).first()
device = device or TOTPDevice.objects.create(user=editor, name="Cluster test", confirmed=True)

english = {"locale__language_code": "en"}
public = Page.objects.live().public().filter(**english)
read_urls = [page.url for page in public.order_by("path")[:80] if page.url]

recipients = [
    page.url
    for page in ResourcePersonPage.objects.live().public().filter(**english).exclude(email="")
    if not page.hidden_from_directory and page.url
]

targets = list(MethodPage.objects.live().public().filter(**english)) + list(
    CaseStudyPage.objects.live().public().filter(**english)
)
publishes = []
for page in targets[:PUBLISHES]:
    word = "clusterword" + "".join(secrets.choice("bcdfghjklmnpqrstvxz") for _ in range(8))
    draft = page.get_latest_revision_as_object()
    draft.title = f"{page.title} {word}"
    draft.save_revision(user=editor)
    publishes.append({"id": page.pk, "url": page.url, "word": word})

print(
    "CLUSTER-JSON "
    + json.dumps(
        {
            "password": password,
            "readers": readers,
            "editor": editor.username,
            "totp_key": device.key,
            "totp_step": device.step,
            "totp_digits": device.digits,
            "read_urls": read_urls,
            "recipients": recipients,
            "publishes": publishes,
        }
    )
)
