"""A spokesperson carries an example home: signs in, opens the network, records how their work group took
the example up, and sees their unit marked as anchored. In the Swedish interface, at a phone's and a
laptop's width; screenshots of each step go to ERFA_SHOTS for a person to look at."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from home.models import HomePage
from networks.factories import (
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkSpokespersonFactory,
)
from networks.models import Anchoring, Example
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ERFA_SHOTS", "/tmp/anchoring-shots"))  # noqa: S108 - a place to look, not a secret
WIDTHS = (390, 1280)
PASSWORD = "correct horse battery staple"


def words(code, *phrases):
    with translation.override(code):
        return [translation.gettext(phrase) for phrase in phrases]


def shoot(page, name):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"anchoring-{name}-{width}.png"), full_page=True)


def test_a_spokesperson_records_that_their_unit_anchored_an_example(page, live_server, site_tree):
    SHOTS.mkdir(parents=True, exist_ok=True)
    code = "sv"
    home = HomePage.objects.get(locale__language_code=code)
    own, other = OrganisationFactory(name="Solgläntan"), OrganisationFactory(name="Hemtjänst Väst")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Erfarenhetsnätverket Norrvik")
    for unit in (own, other):
        NetworkMemberFactory(page=network, organisation=unit)
    user = EmployeeFactory(username="johan", first_name="Johan", last_name="Berglund")
    user.set_password(PASSWORD)
    user.save()
    directory = ResourcePersonIndexPageFactory(parent=home)
    NetworkSpokespersonFactory(
        page=network, organisation=own, person=ResourcePersonPageFactory(parent=directory, user=user)
    )
    example = Example.objects.create(
        network_key=network.translation_key,
        title="När en brukare vägrar ta sin medicin",
        description="Tre kvällar i rad; till slut frågade personalen dottern.",
        language=code,
    )
    record, save, anchored, not_yet = words(
        code, "Record your unit’s anchoring", "Save the anchoring", "Anchored", "Not yet anchored"
    )

    page.goto(f"{live_server.url}/{code}/accounts/login/?next={network.url}")
    page.locator("#id_username").fill("johan")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{network.url}")
    expect(page.locator("html")).to_have_attribute("lang", code)
    units = page.locator(f"#example-{example.pk} .anchoring__unit")
    expect(units.filter(has_text="Solgläntan")).to_contain_text(not_yet)
    shoot(page, "1-network")

    units.filter(has_text="Solgläntan").get_by_role("link", name=record).click()
    expect(page).to_have_url(re.compile(rf"/{code}/.*/examples/{example.pk}/anchor/"))
    day = timezone.localdate() - timedelta(days=2)
    page.locator("#id_taken_up_on").fill(day.isoformat())
    page.locator("#id_group_said").fill("Alla kände igen sig. Vi skriver in vad som hjälper i genomförandeplanen.")
    shoot(page, "2-form")
    page.get_by_role("button", name=save).click()

    expect(page).to_have_url(f"{live_server.url}{network.url}#example-{example.pk}")
    expect(units.filter(has_text="Solgläntan")).to_contain_text(anchored)
    expect(units.filter(has_text="Solgläntan").locator(f'time[datetime="{day.isoformat()}"]')).to_be_visible()
    expect(units.filter(has_text="Hemtjänst Väst")).to_contain_text(not_yet)
    shoot(page, "3-anchored")
    assert Anchoring.objects.get().unit_key == own.translation_key
