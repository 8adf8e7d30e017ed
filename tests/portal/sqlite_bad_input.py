"""Bad input on the embedded SQLite default, run by test_bad_input in a fresh process.

The suite runs on PostgreSQL; Django picks its database once per process, so this script runs alone
with ``DATABASE_URL`` pointing at an empty SQLite file. It sets up the site as ``make run`` does, adds
a few pages and snippets, requests URLs with values that do not fit, and prints each status as JSON.
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

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory  # noqa: E402
from home.models import HomePage  # noqa: E402
from methods.factories import (  # noqa: E402
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from portal.factories import OrganisationFactory, TopicFactory, UserFactory  # noqa: E402
from tests.utils import login_with_second_factor  # noqa: E402

HUGE = "99999999999999999999"


def main():
    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("setup_site", stdout=io.StringIO())
    home = HomePage.objects.get(locale__language_code="en")
    library = ShareableTemplateIndexPageFactory(parent=home)
    ShareableTemplatePageFactory(parent=library, title="Agenda")
    methods = MethodIndexPageFactory(parent=home)
    MethodPageFactory(parent=methods, title="Reflection round")
    cases = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=cases, title="Night shift")
    TopicFactory(name="Reflection")
    OrganisationFactory(name="Norrvik care home", region="Norrvik")

    client = Client(raise_request_exception=False)
    login_with_second_factor(client, UserFactory(username="root", is_superuser=True, is_staff=True))
    urls = {
        "templates": [f"{library.url}?method={HUGE}", f"{library.url}?topic={HUGE}", f"{library.url}?page={HUGE}"],
        "methods": [f"{methods.url}?topic=-{HUGE}", f"{methods.url}?category={HUGE}&sort={HUGE}"],
        "cases": [f"{cases.url}?organisation={HUGE}&network={HUGE}&method={HUGE}"],
        "topics": ["/admin/snippets/portal/topic/?q=refl", "/admin/snippets/portal/topic/?q=x&ordering=-locale"],
        "organisations": [
            "/admin/snippets/portal/organisation/?q=norrvik",
            "/admin/snippets/portal/organisation/?q=%22%3Cb%3E(&ordering=region",
        ],
    }
    report = {"vendor": connection.vendor, "statuses": {}}
    for name, group in urls.items():
        report["statuses"][name] = [client.get(url).status_code for url in group]
    found = client.get("/admin/snippets/portal/topic/?q=refl").content.decode()
    report["topic_found"] = "Reflection" in found
    found = client.get("/admin/snippets/portal/organisation/?q=norrvik").content.decode()
    report["organisation_found"] = "Norrvik care home" in found
    print(json.dumps(report))


if __name__ == "__main__":
    main()
