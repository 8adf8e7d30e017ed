"""Wagtail's messages on a 390 px phone are not covered by the menu button (portal/static/portal/admin.css).

Below 50em Wagtail fixes its menu button (☰, 50 px square) to the top left corner. wagtail-localize's
warning that a page type has changed since its translation was synced wraps to four lines in Norwegian,
and the button lay over the first words of the third and fourth. One live-server test; screenshots go to
ERFA_SHOTS (default /tmp/admin-messages-shots).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from methods.factories import MethodIndexPageFactory
from tests.browser.test_moderation_journey import author_and_reviewer, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/admin-messages-shots"))  # noqa: S108 - a place to look, not a secret

# Where the menu button is, and where each line of each message's text is, on the screen.
BOXES = """() => {
    const button = document.querySelector(".sidebar-nav-toggle--mobile").getBoundingClientRect();
    const lines = [];
    for (const item of document.querySelectorAll(".messages li")) {
        const range = document.createRange();
        range.selectNodeContents(item);
        for (const line of range.getClientRects()) {
            if (line.width > 0) lines.push({left: line.left, right: line.right, top: line.top, bottom: line.bottom});
        }
    }
    return {button: {left: button.left, right: button.right, top: button.top, bottom: button.bottom}, lines};
}"""


def overlaps(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def test_a_long_message_is_not_under_the_menu_button_on_a_phone(browser, live_server, site_tree):
    _author, reviewer, authenticator = author_and_reviewer()
    page = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), title="Methods")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="nb"))
    translation.save_target(user=reviewer, publish=False)
    # Synced before the page type's last migration: the editor warns that it has changed since.
    TranslationSource.objects.filter(pk=source.pk).update(schema_version="0001_initial")
    target = translation.get_target_instance()

    SHOTS.mkdir(parents=True, exist_ok=True)
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, live_server.url, "kaja", authenticator)
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "nb"
    profile.save()
    phone.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    message = phone.locator(".messages li.warning")
    expect(message).to_contain_text("Datamodellen for «Metodeoversikt»")
    phone.screenshot(path=str(SHOTS / "translation-editor-nb-390.png"))
    boxes = phone.evaluate(BOXES)
    assert len(boxes["lines"]) >= 3, boxes  # long enough to reach down to the button
    assert not [line for line in boxes["lines"] if overlaps(line, boxes["button"])], boxes
    phone.close()
