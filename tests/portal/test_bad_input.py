"""Values that do not fit get a sane default, never an error page, on PostgreSQL and on SQLite."""

from pathlib import Path

import pytest
from django.urls import reverse

from portal.factories import OrganisationFactory, TopicFactory
from tests.utils import run_sqlite_script

SCRIPT = Path(__file__).with_name("sqlite_bad_input.py")


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
    report = run_sqlite_script(SCRIPT, tmp_path)
    assert report["vendor"] == "sqlite"
    assert {name: set(statuses) for name, statuses in report["statuses"].items()} == {
        "templates": {200},
        "methods": {200},
        "cases": {200},
        "topics": {200},
        "organisations": {200},
    }
    assert report["topic_found"] and report["organisation_found"]
