"""Signing up for a gathering, or declining, on its own page; who comes; when answers close."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import PageViewRestriction

from networks.factories import GatheringFactory
from networks.models import GatheringResponse
from portal.factories import EmployeeFactory
from portal.i18n import reader_page_url
from tests.networks.gathering_helpers import client_of, gathering_in, page_of

pytestmark = pytest.mark.django_db


def test_the_network_page_links_each_gathering_to_its_own_page(network, employee_client):
    gathering = gathering_in(network, 10, title="Kick-off")
    html = employee_client.get(network.url).content.decode()
    assert f'<a href="{page_of(network, gathering)}">Kick-off</a>' in html

    response = employee_client.get(page_of(network, gathering))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Kick-off</h1>" in html
    assert "Town hall, room 2" in html
    assert "Welcome and team presentations." in html


def test_both_pages_say_when_in_the_site_time_zone_and_the_readers_format(network, employee_client):
    # 23:30 UTC is half past midnight in Stockholm: the local day, not the UTC one, decides what is shown.
    same_day = GatheringFactory(
        page=network, start=datetime(2031, 1, 2, 23, 30, tzinfo=UTC), end=datetime(2031, 1, 3, 2, 0, tzinfo=UTC)
    )
    two_days = GatheringFactory(
        page=network, start=datetime(2031, 3, 4, 8, 0, tzinfo=UTC), end=datetime(2031, 3, 5, 15, 0, tzinfo=UTC)
    )
    with translation.override("sv"):
        network_page = employee_client.get(reader_page_url(network)).content.decode()
        own_page = page_of(network, same_day).replace(network.url, reader_page_url(network))
        gathering_page = employee_client.get(own_page)
    assert gathering_page.status_code == 200
    for html in (network_page, gathering_page.content.decode()):
        assert (
            '<time datetime="2031-01-03T00:30:00+01:00">3 januari 2031 00:30</time>'
            ' – <time datetime="2031-01-03T03:00:00+01:00">03:00</time>'
        ) in html
    assert (
        '<time datetime="2031-03-04T09:00:00+01:00">4 mars 2031 09:00</time>'
        ' – <time datetime="2031-03-05T16:00:00+01:00">5 mars 2031 16:00</time>'
    ) in network_page
    assert two_days.title in network_page


def test_signing_up_changing_and_declining(network, employee, employee_client):
    gathering = gathering_in(network, 10)
    url = page_of(network, gathering)

    response = employee_client.post(
        url,
        {"action": "respond", "answer": "coming", "note": "Only the morning", "expectations": "Learn from others"},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain == [(url, 302)]
    assert f"You are signed up for {gathering.title}." in html
    assert "You are signed up. Your note: Only the morning" in html
    assert "1 signed up · 0 declined" in html
    assert "Change your answer" in html
    # The form shows the earlier answer, to change it.
    assert "Learn from others</textarea>" in html

    response = employee_client.post(url, {"action": "respond", "answer": "declined", "note": "Ill"}, follow=True)
    html = response.content.decode()
    assert f"You have declined {gathering.title}." in html
    assert "0 signed up · 1 declined" in html
    answer = GatheringResponse.objects.get(user=employee)
    assert (answer.answer, answer.note, answer.expectations) == ("declined", "Ill", "")


def test_signed_in_readers_see_who_comes(network, employee_client):
    gathering = gathering_in(network, 10)
    colleague = EmployeeFactory(username="siv", first_name="Siv", last_name="Berg")
    client_of(colleague).post(page_of(network, gathering), {"action": "respond", "answer": "coming"})

    html = employee_client.get(page_of(network, gathering)).content.decode()
    assert '<ul class="gathering__people"><li>Siv Berg</li></ul>' in html
    assert "1 signed up" in html
    # A note is shown beside the name to every reader of the gathering: the form says so before one is written.
    client_of(colleague).post(page_of(network, gathering), {"action": "respond", "answer": "coming", "note": "Late"})
    html = employee_client.get(page_of(network, gathering)).content.decode()
    assert '<li>Siv Berg <span class="meta">– Late</span></li>' in html
    assert "Shown with your name to everyone who can see the gathering." in html


def test_the_gathering_page_is_never_cached_and_the_network_page_still_is(network, employee_client):
    gathering = gathering_in(network, 10)
    response = employee_client.get(page_of(network, gathering))
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "private" not in employee_client.get(network.url).get("Cache-Control", "")


def test_a_form_without_an_answer_is_refused_with_the_text_kept(network, employee_client):
    gathering = gathering_in(network, 10)
    response = employee_client.post(
        page_of(network, gathering), {"action": "respond", "answer": "", "expectations": "Meet the others"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in html
    assert "Meet the others</textarea>" in html
    assert not GatheringResponse.objects.exists()


def test_answers_close_when_the_gathering_starts(network, employee_client):
    gathering = gathering_in(network, -1 / 24)  # began an hour ago, ends in two
    url = page_of(network, gathering)
    html = employee_client.get(url).content.decode()
    assert "The gathering has started: answers are closed." in html
    assert "took place" not in html
    assert employee_client.post(url, {"action": "respond", "answer": "coming"}).status_code == 403
    assert not GatheringResponse.objects.exists()


def test_an_unknown_gathering_is_not_found(network, employee_client):
    assert employee_client.get(f"{network.url}gatherings/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_who_may_not_see_the_network_may_not_see_or_answer_its_gatherings(network, employee, employee_client):
    gathering = gathering_in(network, 10)
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=network, restriction_type="groups").groups.add(board)
    url = page_of(network, gathering)

    assert employee_client.get(url).status_code != 200
    employee_client.post(url, {"action": "respond", "answer": "coming"})
    assert not GatheringResponse.objects.exists()

    member = EmployeeFactory(username="bo")
    member.groups.add(board)
    assert client_of(member).get(url).status_code == 200


def test_a_past_gathering_says_it_took_place_not_that_it_is_starting(network, employee, employee_client):
    past = GatheringFactory(
        page=network, start=datetime(2020, 1, 20, 9, 0, tzinfo=UTC), end=datetime(2020, 1, 20, 12, 0, tzinfo=UTC)
    )
    with translation.override("sv"):
        url = page_of(network, past).replace(network.url, reader_page_url(network))
        html = employee_client.get(url).content.decode()
    assert "Träffen ägde rum den 20 januari 2020; det går inte längre att svara." in html
    assert "Träffen har börjat" not in html
    assert "Ingen har anmält sig än." not in html

    GatheringResponse.objects.create(
        gathering_key=past.translation_key, network_key=network.translation_key, user=employee, answer="coming"
    )
    html = employee_client.get(page_of(network, past)).content.decode()
    assert "This gathering took place on Jan. 20, 2020; answers are closed." in html
    assert "You signed up." in html and "You are signed up." not in html
    assert "Who signed up" in html and "Who comes" not in html
