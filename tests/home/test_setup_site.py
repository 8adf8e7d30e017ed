import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        "locales": Locale.objects.count(),
        "pages": Page.objects.count(),
        "home pages": HomePage.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "users": get_user_model().objects.count(),
    }


@override_settings(DEBUG=True)
def test_setting_up_twice_duplicates_nothing():
    run("setup_site")
    run("setup_roles")
    first_output = run("create_demo_users")
    first = counts()

    run("setup_site")
    run("setup_roles")
    second_output = run("create_demo_users")

    assert counts() == first
    assert first["home pages"] == 5
    assert first["locales"] == 5
    assert "shown only now" in first_output
    assert "unchanged" in second_output
    assert sorted(HomePage.objects.live().values_list("locale__language_code", flat=True)) == [
        "da",
        "en",
        "nb",
        "nl",
        "sv",
    ]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "en"


def test_in_development_the_site_follows_the_server_make_run_starts():
    with override_settings(DEBUG=True, WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        run("setup_site")
    home = HomePage.objects.get(locale__language_code="en")
    assert home.get_full_url() == "http://127.0.0.1:8000/en/"
    # `make run PORT=8124`: links in e-mails and calendar files name the port the server answers on.
    with override_settings(DEBUG=True, WAGTAILADMIN_BASE_URL="http://127.0.0.1:8124"):
        assert "now answers at 127.0.0.1:8124" in run("setup_site")
    Site.clear_site_root_paths_cache()
    assert HomePage.objects.get(pk=home.pk).get_full_url() == "http://127.0.0.1:8124/en/"
    # In production the site's address is the editors' to keep, whatever the setting says.
    with override_settings(DEBUG=False, WAGTAILADMIN_BASE_URL="https://erfa.example.org"):
        assert "answers at" not in run("setup_site")
    assert Site.objects.get(is_default_site=True).port == 8124
