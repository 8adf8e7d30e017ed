"""Values that do not fit get a sane default, never an error page, on PostgreSQL and on SQLite."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from portal.factories import OrganisationFactory, TopicFactory

SCRIPT = Path(__file__).with_name("sqlite_bad_input.py")
# What the subprocess may inherit: the rest (the test database, the engine's address) is the suite's.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


@pytest.mark.django_db
def test_the_admin_searches_topics_and_organisations_for_any_text_in_any_order(site_tree, admin_client):
    TopicFactory(name="Reflection")
    OrganisationFactory(name="Norrvik care home", region="Norrvik", kind="company")
    topics = reverse("wagtailsnippets_portal_topic:list")
    organisations = reverse("wagtailsnippets_portal_organisation:list")
    assert "Reflection" in admin_client.get(topics, {"q": "refl"}).content.decode()
    assert "Norrvik care home" in admin_client.get(organisations, {"q": "norrvik"}).content.decode()
    for url in (topics, organisations):
        for params in [
            {"q": "x", "ordering": "locale"},
            {"q": "x", "ordering": "-name"},
            {"q": '"<b>(*', "ordering": "region"},
            {"q": "x", "kind": "company", "ordering": "-kind"},
            {"q": "x", "p": "99999999999999999999"},
        ]:
            assert admin_client.get(url, params).status_code == 200, (url, params)


def test_on_sqlite_bad_values_and_admin_searches_answer(tmp_path):
    env = {name: os.environ[name] for name in INHERITED if name in os.environ}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "ERFA_TESTING": "1",
            "SEARCH_BACKEND": "database",
            "MEDIA_ROOT": str(tmp_path / "media"),
        }
    )
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["vendor"] == "sqlite"
    assert {name: set(statuses) for name, statuses in report["statuses"].items()} == {
        "templates": {200},
        "methods": {200},
        "cases": {200},
        "topics": {200},
        "organisations": {200},
    }
    assert report["topic_found"] and report["organisation_found"]
