"""Everyone's own calendar address: secret, revocable, without a session, and only networks they may see."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from icalendar import Calendar
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from networks import following, personal_calendar
from networks.factories import NetworkPageFactory
from networks.models import CalendarSubscription
from portal.factories import EmployeeFactory
from tests.networks.gathering_helpers import client_of, gathering_in, page_of

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(event["summary"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}


def feed_path(token):
    return f"/calendar/{token}.ics"


def test_the_account_page_creates_renews_and_stops_the_address(network, employee, employee_client):
    gathering_in(network, 5, title="Kick-off")
    following.follow(employee, network)

    html = employee_client.get("/en/account/").content.decode()
    assert "Calendar subscription" in html
    assert "Create your calendar address" in html

    response = employee_client.post("/en/account/", {"section": "calendar", "action": "create"}, follow=True)
    html = response.content.decode()
    token = personal_calendar.token_of(employee)
    assert "Your calendar address is ready." in html
    assert f'value="http://testserver/calendar/{token}.ics"' in html
    assert "Create new address" in html and "Stop the subscription" in html

    # No session: a calendar app fetches it as it is.
    assert f"{network.title}: Kick-off" in events(Client().get(feed_path(token)))

    employee_client.post("/en/account/", {"section": "calendar", "action": "renew"})
    renewed = personal_calendar.token_of(employee)
    assert renewed != token
    assert Client().get(feed_path(token)).status_code == 404
    assert f"{network.title}: Kick-off" in events(Client().get(feed_path(renewed)))

    employee_client.post("/en/account/", {"section": "calendar", "action": "stop"})
    assert Client().get(feed_path(renewed)).status_code == 404
    assert "Create your calendar address" in employee_client.get("/en/account/").content.decode()


def test_the_token_itself_is_not_stored(employee):
    token = personal_calendar.subscribe(employee)
    row = CalendarSubscription.objects.values().get()
    assert token not in {str(value) for value in row.values()}
    assert personal_calendar.user_of(token) == employee
    assert personal_calendar.user_of(token + "x") is None


def test_the_feed_holds_followed_and_joined_networks_in_the_readers_language(network_index, employee):
    followed = NetworkPageFactory(parent=network_index, title="Followed network")
    joined = NetworkPageFactory(parent=network_index, title="Joined network")
    other = NetworkPageFactory(parent=network_index, title="Other network")
    spring = gathering_in(followed, 3, title="Spring")
    joined_gathering = gathering_in(joined, 4, title="Summer")
    gathering_in(other, 5, title="Autumn")
    following.follow(employee, followed)
    client_of(employee).post(page_of(joined, joined_gathering), {"action": "respond", "answer": "coming"})
    profile = UserProfile.get_for_user(employee)
    profile.preferred_language = "sv"
    profile.save()

    found = events(Client().get(feed_path(personal_calendar.subscribe(employee))))

    assert sorted(found) == ["Followed network: Spring", "Joined network: Summer"]
    # Each event links to its gathering's page, where one answers whether one comes; the English network
    # opens under the reader's Swedish prefix (portal.i18n.reader_url).
    spring_page = f"/sv{followed.url}gatherings/{spring.translation_key}/"
    assert str(found["Followed network: Spring"]["url"]).endswith(spring_page)


def test_a_restricted_networks_gatherings_reach_only_who_may_see_it(network, employee):
    gathering_in(network, 5, title="Board meeting")
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=network, restriction_type="groups").groups.add(board)
    member = EmployeeFactory(username="bo")
    member.groups.add(board)
    for user in (employee, member):
        following.follow(user, network)

    outsider_feed = events(Client().get(feed_path(personal_calendar.subscribe(employee))))
    member_feed = events(Client().get(feed_path(personal_calendar.subscribe(member))))

    assert outsider_feed == {}
    assert list(member_feed) == [f"{network.title}: Board meeting"]


def test_an_inactive_users_address_stops_working(employee):
    token = personal_calendar.subscribe(employee)
    employee.is_active = False
    employee.save()
    assert Client().get(feed_path(token)).status_code == 404


def test_a_coming_gathering_offers_itself_for_the_calendar(network, employee_client):
    """The gathering's own page has its own .ics: one event, linked back to the page it was taken from."""
    from tests.utils import link_href

    gathering = gathering_in(network, 5, title="Spring gathering")
    html = employee_client.get(page_of(network, gathering)).content.decode()
    url = link_href(html, "Add the gathering to your calendar")
    assert url == page_of(network, gathering) + "calendar/"

    response = employee_client.get(url)
    found = events(response)
    assert list(found) == [f"{network.title}: Spring gathering"]
    assert str(found[f"{network.title}: Spring gathering"]["url"]).endswith(page_of(network, gathering))
    assert response["Content-Disposition"] == 'attachment; filename="spring-gathering.ics"'


def test_a_restricted_networks_gathering_calendar_is_kept_from_outsiders(network, employee_client):
    gathering = gathering_in(network, 5, title="Board meeting")
    PageViewRestriction.objects.create(page=network, restriction_type="groups").groups.add(
        Group.objects.create(name="Board")
    )
    response = employee_client.get(page_of(network, gathering) + "calendar/")
    assert response.status_code == 403
    assert b"Board meeting" not in response.content
