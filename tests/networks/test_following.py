"""Following a network: the button on its page, who may press it, and "Your networks" on the home page."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from networks.factories import GatheringFactory
from networks.following import followers, is_following, may_follow
from networks.models import NetworkFollow
from portal.factories import EmployeeFactory
from tests.utils import signed_in

pytestmark = pytest.mark.django_db



def follow_form(html):
    return html.split('<form class="follow-form"')[1].split("</form>")[0]


def test_following_and_unfollowing_a_network_confirms_each_step(network, employee, employee_client):
    html = employee_client.get(network.url).content.decode()
    assert 'action="/en/networks/mid-norway-welfare-technology-network/follow/"' in follow_form(html)
    assert "Follow this network" in follow_form(html)

    response = employee_client.post(network.url + "follow/", {"action": "follow"}, follow=True)

    assert response.redirect_chain == [(network.url, 302)]
    html = response.content.decode()
    assert "You follow Mid-Norway welfare technology network." in html
    assert "Unfollow" in follow_form(html)
    assert is_following(employee, network)
    assert list(followers(network)) == [employee]

    response = employee_client.post(network.url + "follow/", {"action": "unfollow"}, follow=True)

    assert "You no longer follow Mid-Norway welfare technology network." in response.content.decode()
    assert not is_following(employee, network)
    assert list(followers(network)) == []


def test_following_twice_keeps_one_follow(network, employee, employee_client):
    employee_client.post(network.url + "follow/", {"action": "follow"})
    employee_client.post(network.url + "follow/", {"action": "follow"})
    assert NetworkFollow.objects.filter(user=employee).count() == 1


def test_the_follow_route_takes_posts_with_a_csrf_token_only(network, employee):
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    # The address opened as a link leads to the network and follows nothing.
    response = client.get(network.url + "follow/")
    assert response.status_code == 302 and response["Location"] == network.url
    assert client.post(network.url + "follow/", {"action": "follow"}).status_code == 403
    assert not is_following(employee, network)


def test_a_network_the_reader_may_not_see_cannot_be_followed(network, employee, employee_client):
    PageViewRestriction.objects.create(page=network, restriction_type="groups").groups.add(
        Group.objects.get_or_create(name="Board")[0]
    )
    assert not may_follow(employee, network)
    response = employee_client.post(network.url + "follow/", {"action": "follow"})
    # Wagtail's view restriction answers first (the sign-in page, for another account); never a follow.
    assert response.status_code in (302, 403)
    assert not NetworkFollow.objects.exists()


def test_signed_out_readers_see_no_button_and_cannot_follow(network, client):
    response = client.post(network.url + "follow/", {"action": "follow"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not NetworkFollow.objects.exists()


def test_each_reader_sees_their_own_button_and_networks_with_the_page_cache_on(network, employee, settings):
    assert settings.PAGE_CACHE
    other = EmployeeFactory(username="olle")  # Same groups: the same permission class as the employee.
    follower, reader = signed_in(employee), signed_in(other)
    for client in (follower, reader):  # Both pages cached before anyone follows.
        client.get(network.url)
        client.get("/en/")

    follower.post(network.url + "follow/", {"action": "follow"})

    for _ in range(2):  # The second round is served from the cache.
        assert "Unfollow" in follow_form(follower.get(network.url).content.decode())
        assert "Follow this network" in follow_form(reader.get(network.url).content.decode())
        mine = follower.get("/en/").content.decode()
        theirs = reader.get("/en/").content.decode()
        assert "Your networks" in mine and 'href="/en/networks/mid-norway-welfare-technology-network/"' in mine
        assert "Your networks" not in theirs
    assert reader.get("/en/")["X-Page-Cache"] == "hit"


def test_the_shared_lists_keep_no_readers_follow(network, employee, settings):
    """With only the shared parts kept (page cache off), the network's lists come from the fragment kept for
    the permission class, and the follow button is still each reader's own (networks/page_lists.py)."""
    settings.PAGE_CACHE = False
    other = EmployeeFactory(username="olle")  # Same groups: the same permission class as the employee.
    follower, reader = signed_in(employee), signed_in(other)
    for client in (follower, reader):
        client.get(network.url)
    follower.post(network.url + "follow/", {"action": "follow"})
    for _ in range(2):
        assert "Unfollow" in follow_form(follower.get(network.url).content.decode())
        assert "Follow this network" in follow_form(reader.get(network.url).content.decode())
    follower.post(network.url + "follow/", {"action": "unfollow"})
    assert "Follow this network" in follow_form(follower.get(network.url).content.decode())


def test_a_followed_network_is_listed_in_the_readers_language_with_its_next_gathering(network, employee_client):
    GatheringFactory(page=network, title="Kick-off in Trondheim", start=timezone.now() + timedelta(days=3))
    employee_client.post(network.url + "follow/", {"action": "follow"})

    html = employee_client.get("/sv/").content.decode()
    section = html.split('id="your-networks"')[1].split("</section>")[0]
    assert "Mid-Norway welfare technology network" in section
    assert 'href="/sv/en/networks/mid-norway-welfare-technology-network/"' in section
    assert "Kick-off in Trondheim" in section


def test_following_an_ended_network_says_it_has_ended_here_and_on_the_home_page(network, employee_client):
    from datetime import date

    GatheringFactory(page=network, title="Last gathering", start=timezone.now() - timedelta(days=40))
    network.ends_on = date(2026, 1, 31)
    network.save_revision().publish()

    response = employee_client.post(network.url + "follow/", {"action": "follow"}, follow=True)
    html = response.content.decode()
    assert "It has ended; your home page shows it with your other networks." in html
    assert "Its next gatherings are shown on your home page." not in html

    section = employee_client.get("/en/").content.decode().split('id="your-networks"')[1].split("</section>")[0]
    assert "The network ended on Jan. 31, 2026." in section
    assert "No gathering planned yet." not in section
