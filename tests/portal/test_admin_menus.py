"""The admin's menus speak each editor's language, whoever opened the admin first (portal/admin_menus.py).

Wagtail builds its menus' items once per process. wagtail-localize's "Translations" report and Wagtail's
"What's new in Wagtail 8.0" were labelled then, in the first editor's language: after a Swedish editor,
a Danish one read "Översättningar" and "Vad är nytt i Wagtail 8.0".
"""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.admin.menu import help_menu, reports_menu
from wagtail.users.models import UserProfile
from wagtail.utils.version import get_main_version

from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

VERSION = get_main_version(include_patch=False)
# The reports menu's "Translations" and the help menu's "What's new", as each language's catalogues say them.
LABELS = {
    "sv": ("Översättningar", f"Vad är nytt i Wagtail {VERSION}"),
    "da": ("Oversættelser", f"Nyt i Wagtail {VERSION}"),
    "nl": ("Vertalingen", f"Wat is er nieuw in Wagtail {VERSION}"),
}


def menu_labels(client, language):
    """The labels of the admin's sidebar as an editor working in `language` sees them on the dashboard."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.logout()
    login_with_second_factor(client, user)
    html = client.get("/admin/").content.decode()
    props = html.split('<script id="wagtail-sidebar-props" type="application/json">')[1].split("</script>")[0]
    labels = set()

    def collect(value):
        if isinstance(value, dict):
            labels.update(label for key, label in value.items() if key == "label" and isinstance(label, str))
            value = list(value.values())
        if isinstance(value, list):
            for part in value:
                collect(part)

    collect(json.loads(props))
    return labels


@pytest.mark.parametrize("language", ["da", "nl"])
def test_the_reports_and_help_menus_follow_each_editor_after_a_swedish_one(client, site_tree, monkeypatch, language):
    call_command("setup_roles", stdout=io.StringIO())
    # As in a fresh process: the menus' items not yet built, whatever earlier tests drew.
    for menu in (reports_menu, help_menu):
        monkeypatch.delitem(menu.__dict__, "registered_menu_items", raising=False)
    assert set(LABELS["sv"]) <= menu_labels(client, "sv")
    labels = menu_labels(client, language)
    assert set(LABELS[language]) <= labels
    assert not set(LABELS["sv"]) & labels
    assert not [label for label in labels if label.startswith(("Översättningar", "Vad är nytt"))]
