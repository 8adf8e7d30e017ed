"""The search-queries report in the Swedish admin: the languages searched in are named, not coded."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from portal import roles
from portal.factories import UserFactory
from search.models import SearchQueryDay
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def communications(client):
    call_command("setup_roles", stdout=io.StringIO())
    user = UserFactory(username="cecilia", role=roles.COMMUNICATIONS)
    UserProfile.objects.filter(pk=UserProfile.get_for_user(user).pk).update(preferred_language="sv")
    login_with_second_factor(client, user)
    return client


def report_rows(client, **params):
    response = client.get(reverse("search_query_report"), params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("main table thead th")]
    cells = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in soup.select("main table tbody tr")]
    return soup, [dict(zip(headings, row, strict=True)) for row in cells]


def test_the_report_names_all_languages_and_each_language_in_swedish(communications):
    today = timezone.localdate()
    SearchQueryDay.add(today, "all", "reflektion", 5, 0)
    SearchQueryDay.add(today, "sv", "grupprum", 4, 1)
    SearchQueryDay.add(today, "nb", "refleksjon", 3, 3)
    SearchQueryDay.add(today, "en", "retrospective", 2, 0)

    soup, rows = report_rows(communications)

    languages = {row["Sökfråga"]: row["Språk"] for row in rows}
    assert languages == {
        "reflektion": "Alla språk",
        "grupprum": "Svenska",
        "refleksjon": "Norska (bokmål)",
        "retrospective": "Engelska",
    }
    # On a phone the table scrolls sideways in its own box instead of being cut off at the right.
    assert "w-overflow-x-auto" in soup.select_one("main table").parent["class"]


def test_the_spreadsheet_names_the_languages_in_the_language_of_its_headings(communications):
    # Wagtail streams the spreadsheet after the admin's language is switched off: it is in English throughout.
    SearchQueryDay.add(timezone.localdate(), "all", "reflektion", 5, 0)
    response = communications.get(reverse("search_query_report"), {"export": "csv"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines == ["Query,Language,Searches,Searches without results", "reflektion,All languages,5,0"]
