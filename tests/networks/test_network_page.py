from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from icalendar import Calendar
from wagtail.models import Locale

from home.models import HomePage
from networks.factories import (
    GatheringFactory,
    NetworkDocumentFactory,
    NetworkExpectationFactory,
    NetworkFacilitatorFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkSpokespersonFactory,
    NetworkUpdatePageFactory,
)
from networks.models import NetworkFacilitator
from networks.page_lists import network_lists
from people.factories import ResourcePersonPageFactory
from portal.factories import OrganisationFactory, TopicFactory
from portal.i18n import reader_page_url

pytestmark = pytest.mark.django_db


def add_rows(network, directory, count, start=0):
    """Give the network `count` more of every kind of row it lists."""
    topics = [TopicFactory() for _ in range(count)]
    network.topics.add(*topics)
    network.save()
    for number in range(start, start + count):
        organisation = OrganisationFactory(name=f"Member organisation {number}")
        NetworkMemberFactory(page=network, organisation=organisation, team=f"Team {number}")
        NetworkSpokespersonFactory(
            page=network,
            organisation=organisation,
            person=ResourcePersonPageFactory(parent=directory, title=f"Spokesperson {number}"),
        )
        NetworkFacilitatorFactory(
            page=network, person=ResourcePersonPageFactory(parent=directory, title=f"Facilitator {number}")
        )
        GatheringFactory(page=network, title=f"Gathering number {number}")
        NetworkExpectationFactory(page=network, phrase=f"expectation {number}", weight=number % 7 + 1)
        NetworkDocumentFactory(page=network, title=f"Report {number}")
        NetworkUpdatePageFactory(parent=network, title=f"Update {number}")


def count_queries(client, url):
    client.get(url)  # Warm the per-site caches, as on a running server.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_network_page_query_count_does_not_grow_with_rows(network, directory, employee_client):
    add_rows(network, directory, 3)
    few, html = count_queries(employee_client, network.url)
    assert "Spokesperson 2" in html

    add_rows(network, directory, 27, start=3)
    many, html = count_queries(employee_client, network.url)
    for text in (
        "Spokesperson 29",
        "Facilitator 29",
        "Gathering number 29",
        "expectation 29",
        "Report 29",
        "Update 29",
    ):
        assert text in html
    assert many == few
    # Wagtail's routing, the session and the header's permission check take about twelve of these.
    assert few <= 26


def test_network_page_shows_its_facts(network, directory, employee_client):
    organisation = OrganisationFactory(name="Tromsø home care")
    NetworkMemberFactory(page=network, organisation=organisation, team="Night shift team")
    NetworkSpokespersonFactory(
        page=network,
        organisation=organisation,
        person=ResourcePersonPageFactory(parent=directory, title="Kari Dahl"),
    )
    NetworkFacilitatorFactory(
        page=network, person=ResourcePersonPageFactory(parent=directory, title="Lise Berg"), role_title="Course leader"
    )
    GatheringFactory(page=network)
    html = employee_client.get(network.url).content.decode()
    assert "Tromsø home care" in html
    assert "Night shift team" in html
    # The spokesperson is listed in the member's own row.
    row = html.split("Tromsø home care", 1)[1].split("</tr>", 1)[0]
    assert "Kari Dahl" in row
    assert "Lise Berg" in html and "Course leader" in html
    assert "3–5 per workplace" in html
    assert 'href="' + network.url + 'calendar/"' in html


def test_removed_people_never_break_the_page(network, directory, employee_client):
    organisation = OrganisationFactory(name="Harbour care home")
    NetworkMemberFactory(page=network, organisation=organisation)
    deleted = ResourcePersonPageFactory(parent=directory, title="Deleted Person")
    unpublished = ResourcePersonPageFactory(parent=directory, title="Unpublished Person")
    staying = ResourcePersonPageFactory(parent=directory, title="Staying Person")
    NetworkFacilitatorFactory(page=network, person=deleted)
    NetworkFacilitatorFactory(page=network, person=unpublished)
    NetworkFacilitatorFactory(page=network, person=staying)
    NetworkSpokespersonFactory(page=network, organisation=organisation, person=deleted)
    NetworkSpokespersonFactory(page=network, organisation=organisation, person=unpublished)
    deleted.delete()
    unpublished.unpublish()
    OrganisationFactory(name="Gone organisation").delete()

    response = employee_client.get(network.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Staying Person" in html
    assert "Deleted Person" not in html
    assert "Unpublished Person" not in html
    assert "Harbour care home" in html
    assert NetworkFacilitator.objects.filter(page=network, person__isnull=True).exists()


def test_a_dangling_person_in_an_unsaved_row_is_skipped(network, directory):
    # A preview or an old revision can carry the id of a profile that no longer exists.
    person = ResourcePersonPageFactory(parent=directory)
    missing_id = person.pk
    person.delete()
    network.facilitators.add(NetworkFacilitator(person_id=missing_id))
    assert network_lists(network)["facilitators"] == []


def test_word_cloud_scales_with_weight_and_is_also_a_list(network, employee_client):
    NetworkExpectationFactory(page=network, phrase="learn from each other", weight=9)
    NetworkExpectationFactory(page=network, phrase="share experience", weight=5)
    NetworkExpectationFactory(page=network, phrase="new tools", weight=1)
    html = employee_client.get(network.url).content.decode()
    cloud = html.split('class="word-cloud"', 1)[1].split("</ul>", 1)[0]
    assert 'word-cloud__word--5">learn from each other' in cloud
    assert 'word-cloud__word--3">share experience' in cloud
    assert 'word-cloud__word--1">new tools' in cloud
    assert "said by 9 participants" in cloud
    assert "said by 1 participant)" in cloud
    listing = html.split('class="word-cloud__list"', 1)[1].split("</ol>", 1)[0]
    assert listing.index("learn from each other") < listing.index("share experience") < listing.index("new tools")
    assert "<li>new tools – said by 1 participant</li>" in listing

    with translation.override("nl"):
        dutch = employee_client.get(reader_page_url(network)).content.decode()
    assert "(genoemd door 9 deelnemers)" in dutch.split('class="word-cloud"', 1)[1].split("</ul>", 1)[0]
    assert "<li>new tools – genoemd door 1 deelnemer</li>" in dutch
    assert "said by" not in dutch


def test_calendar_feed_parses_with_the_right_events(network, employee_client):
    oslo = ZoneInfo("Europe/Oslo")
    first = GatheringFactory(
        page=network,
        title="Kick-off",
        start=datetime(2030, 3, 4, 9, 0, tzinfo=oslo),
        end=datetime(2030, 3, 4, 15, 30, tzinfo=oslo),
        place="Ålesund town hall",
    )
    GatheringFactory(
        page=network,
        title="Follow-up",
        start=datetime(2030, 6, 2, 9, 0, tzinfo=oslo),
        end=datetime(2030, 6, 2, 12, 0, tzinfo=oslo),
        place="",
        online_link="https://meet.example.org/erfa",
    )
    response = employee_client.get(network.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert ".ics" in response["Content-Disposition"]

    calendar = Calendar.from_ical(response.content)
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))
    assert [str(event["summary"]) for event in events] == [
        f"{network.title}: Kick-off",
        f"{network.title}: Follow-up",
    ]
    kick_off = events[0]
    assert kick_off.decoded("dtstart") == datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
    assert kick_off.decoded("dtend") == datetime(2030, 3, 4, 14, 30, tzinfo=UTC)
    assert kick_off.decoded("dtstart").utcoffset() == timedelta(0)
    assert str(kick_off["location"]) == "Ålesund town hall"
    assert str(kick_off["uid"]) == f"{first.translation_key}@erfa"
    # The event opens its gathering's page (where one answers whether one comes), which exists.
    gathering_page = str(kick_off["url"])
    assert gathering_page.endswith(f"{network.url}gatherings/{first.translation_key}/")
    assert employee_client.get(gathering_page).status_code == 200
    assert "Before the next gathering: Write down one concrete example" in str(kick_off["description"])
    # Summer time: 09:00 in Oslo is 07:00 UTC.
    assert events[1].decoded("dtstart") == datetime(2030, 6, 2, 7, 0, tzinfo=UTC)
    assert str(events[1]["location"]) == "https://meet.example.org/erfa"


def test_calendar_of_a_network_without_gatherings_is_empty_but_valid(network, employee_client):
    response = employee_client.get(network.url + "calendar/")
    assert Calendar.from_ical(response.content).walk("VEVENT") == []


def test_gathering_must_end_after_it_starts(network):
    gathering = GatheringFactory.build(page=network, start=datetime(2030, 1, 1, 10, tzinfo=UTC))
    gathering.end = gathering.start
    with pytest.raises(ValidationError, match="end after it starts"):
        gathering.clean()


def test_case_studies_from_the_network_are_listed(network, home, employee_client):
    # The case-study app registers this section into networks/links.py.
    from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

    case_study_index = CaseStudyIndexPageFactory(parent=home)
    case = CaseStudyPageFactory(parent=case_study_index, title="Reflection after home visits", network=network)
    CaseStudyPageFactory(parent=case_study_index, title="Draft case", network=network, live=False)
    html = employee_client.get(network.url).content.decode()
    assert '<h2 id="network-case-studies">Case studies from this network</h2>' in html
    assert f'<a href="{case.url}">Reflection after home visits</a>' in html
    assert "Draft case" not in html


def test_people_are_shown_in_the_network_pages_language(home, directory, employee_client):
    # Translated inline rows still link to the source language's profile; the page shows the translation.
    swedish_home = HomePage.objects.get(locale__language_code="sv")
    swedish_network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=swedish_home), title="Nätverket")
    person = ResourcePersonPageFactory(parent=directory, title="Erik Lund", job_title="Nurse")
    untranslated = ResourcePersonPageFactory(parent=directory, title="Only English")
    translation = person.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    translation.job_title = "Sjuksköterska"
    translation.save_revision().publish()
    NetworkFacilitatorFactory(page=swedish_network, person=person)
    NetworkFacilitatorFactory(page=swedish_network, person=untranslated)

    html = employee_client.get(swedish_network.url).content.decode()
    assert "Sjuksköterska" in html
    assert f'href="{translation.specific.url}"' in html
    assert "Only English" in html


def test_the_shared_parts_are_rendered_per_permission_class_and_renewed_on_a_change(network, directory, settings):
    """The page's people and lists are rendered once per permission class ({% shared_part %}), with the
    page cache off as on a variant it keeps per reader: a restricted profile never reaches another class,
    and a change shows at once."""
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.models import PageViewRestriction

    from portal.factories import EmployeeFactory

    settings.PAGE_CACHE = False
    board = Group.objects.create(name="Board")
    hidden = ResourcePersonPageFactory(parent=directory, title="Board Facilitator")
    PageViewRestriction.objects.create(page=hidden, restriction_type="groups").groups.add(board)
    NetworkFacilitatorFactory(page=network, person=hidden)
    open_person = ResourcePersonPageFactory(parent=directory, title="Open Facilitator")
    NetworkFacilitatorFactory(page=network, person=open_person)
    member = EmployeeFactory(username="bo")
    member.groups.add(board)
    clients = {}
    for user in (member, EmployeeFactory(username="elin"), EmployeeFactory(username="olle")):
        clients[user.username] = Client()
        clients[user.username].force_login(user)
    for _ in range(2):
        for name, client in clients.items():
            html = client.get(network.url).content.decode()
            assert "Open Facilitator" in html, name
            assert ("Board Facilitator" in html) == (name == "bo"), name

    GatheringFactory(page=network, title="Harbour gathering")  # a change: every shared part is made again
    assert all("Harbour gathering" in client.get(network.url).content.decode() for client in clients.values())
