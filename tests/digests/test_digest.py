"""The weekly digest to followers: what it lists, in whose language, once a week, and never a hidden network."""

import email.policy
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail.users.models import UserProfile

from digests import parts
from digests.mail import send_network_digests
from digests.models import NetworkDigestLog
from networks.factories import GatheringFactory, NetworkPageFactory, NetworkUpdatePageFactory
from networks.following import follow, is_following
from portal.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def swedish(page, title):
    translation = page.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    return translation.specific


def news(network, title, days_ago=1):
    return NetworkUpdatePageFactory(
        parent=network, title=title, first_published_at=timezone.now() - timedelta(days=days_ago)
    )


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def root(page):
    """The site's address in e-mails, as the tests' site is set up (its root URL)."""
    url = page.get_full_url()
    return url[: url.index("/", len("https://"))]


def html_of(message):
    return message.alternatives[0].content


def test_a_follower_gets_new_updates_and_the_next_gatherings_with_links_and_an_unfollow_link(
    network, employee, mailoutbox
):
    news(network, "Teams presented their projects")
    news(network, "An old story", days_ago=30)
    GatheringFactory(page=network, title="Second gathering", start=timezone.now() + timedelta(days=3))
    GatheringFactory(page=network, title="Far-off gathering", start=timezone.now() + timedelta(days=40))
    follow(employee, network)

    sent = send_network_digests()

    assert [(user, [n.pk for n in networks]) for user, networks in sent] == [(employee, [network.pk])]
    [message] = mailoutbox
    assert message.to == ["elin@example.org"]
    assert message.subject == "News this week from a network you follow"
    text = message.body
    assert "Mid-Norway welfare technology network" in text
    assert "Teams presented their projects" in text
    site = root(network)
    assert f"{site}/en/networks/mid-norway-welfare-technology-network/teams-presented-their-projects/" in text
    assert "Second gathering" in text
    assert f"{site}/en/networks/mid-norway-welfare-technology-network/#gatherings" in text
    assert "An old story" not in text and "Far-off gathering" not in text
    assert f'<a href="{site}/en/networks/mid-norway-welfare-technology-network/">' in html_of(message)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{site}/en/networks/unfollow/")
    # As sent: one line, a URL in angle brackets that mail clients can read (RFC 2369), not encoded words.
    raw = message.message(policy=email.policy.SMTP).as_bytes().decode()
    assert f"\r\nList-Unsubscribe: <{site}/en/networks/unfollow/" in raw


def test_a_swedish_follower_gets_the_swedish_version_and_sv_links(network, employee, mailoutbox):
    svensk = swedish(network, "Välfärdsteknik i Mittnorge")
    news(network, "Teams presented their projects")
    GatheringFactory(page=svensk, title="Andra träffen", start=timezone.now() + timedelta(days=3))
    prefers(employee, "sv")
    follow(employee, network)  # followed in English: the digest still comes in the reader's language

    send_network_digests()

    [message] = mailoutbox
    text = message.body
    assert "Välfärdsteknik i Mittnorge" in text
    assert "Mid-Norway welfare technology network" not in text
    assert "Andra träffen" in text
    assert f"{root(network)}{svensk.url}#gatherings" in text
    # An update only in English: still listed, under the Swedish prefix (portal.i18n.reader_url).
    assert f"{root(network)}/sv/en/networks/mid-norway-welfare-technology-network/teams-presented" in text
    assert "/sv/networks/unfollow/" in message.extra_headers["List-Unsubscribe"]


def test_the_digest_speaks_swedish_to_a_swedish_follower(network, employee, mailoutbox):
    # Passes once the lead has merged this branch's translations into the catalogues.
    news(network, "Teams presented their projects")
    prefers(employee, "sv")
    follow(employee, network)

    send_network_digests()

    [message] = mailoutbox
    assert message.subject == "Nyheter den här veckan från ett nätverk du följer"
    assert "Nya uppdateringar" in message.body


def test_a_second_run_in_the_same_week_sends_nothing_and_next_week_only_what_is_new(network, employee, mailoutbox):
    news(network, "First news")
    follow(employee, network)

    send_network_digests()
    send_network_digests()

    assert len(mailoutbox) == 1
    assert NetworkDigestLog.objects.filter(user=employee).count() == 1

    next_week = timezone.now() + timedelta(days=7)
    NetworkUpdatePageFactory(parent=network, title="Second news", first_published_at=next_week - timedelta(days=1))
    send_network_digests(now=next_week)

    assert len(mailoutbox) == 2
    assert "Second news" in mailoutbox[1].body
    assert "First news" not in mailoutbox[1].body


def test_nothing_new_means_no_e_mail(network, employee, mailoutbox):
    news(network, "An old story", days_ago=30)
    follow(employee, network)

    assert send_network_digests() == []
    assert mailoutbox == []
    assert not NetworkDigestLog.objects.exists()


def test_one_e_mail_covers_every_network_with_news(network_index, employee, mailoutbox):
    first = NetworkPageFactory(parent=network_index, title="Alpha network")
    second = NetworkPageFactory(parent=network_index, title="Beta network")
    quiet = NetworkPageFactory(parent=network_index, title="Quiet network")
    news(first, "Alpha news")
    news(second, "Beta news")
    for network in (first, second, quiet):
        follow(employee, network)

    send_network_digests()

    [message] = mailoutbox
    assert message.subject == "News this week from 2 networks you follow"
    assert "Alpha news" in message.body and "Beta news" in message.body
    assert "Quiet network" not in message.body


def test_networks_the_follower_may_no_longer_see_and_inactive_followers_are_left_out(
    network_index, employee, mailoutbox
):
    board_only = NetworkPageFactory(parent=network_index, title="Board network")
    open_network = NetworkPageFactory(parent=network_index, title="Open network")
    news(board_only, "Board news")
    news(open_network, "Open news")
    follow(employee, board_only)
    follow(employee, open_network)
    PageViewRestriction.objects.create(page=board_only, restriction_type="groups").groups.add(
        Group.objects.get_or_create(name="Board")[0]
    )
    retired = EmployeeFactory(username="retired", is_active=False)
    follow(retired, open_network)

    send_network_digests()

    [message] = mailoutbox
    assert message.to == ["elin@example.org"]
    assert "Open news" in message.body
    assert "Board" not in message.body and "Board" not in html_of(message)


def test_an_update_the_follower_may_not_open_is_left_out(network, employee, mailoutbox):
    secret = news(network, "Secret news")
    news(network, "Public news")
    PageViewRestriction.objects.create(page=secret, restriction_type="groups").groups.add(
        Group.objects.get_or_create(name="Board")[0]
    )
    follow(employee, network)

    send_network_digests()

    assert "Public news" in mailoutbox[0].body
    assert "Secret news" not in mailoutbox[0].body


@pytest.fixture
def examples_part():
    def provider(network, since, language):
        return [parts.DigestItem(title=f"Example from {network.title}", url="https://example.org/example/")]

    parts.register_part("registry-test", "New examples", provider, order=30)
    yield
    parts._parts.pop("registry-test")


def test_higher_apps_add_parts_through_the_registry(network, employee, mailoutbox, examples_part):
    follow(employee, network)

    send_network_digests()

    [message] = mailoutbox
    assert "New examples:\n- Example from Mid-Norway welfare technology network" in message.body


def unfollow_url(message):
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    return url[url.index("/", len("https://")) :]


def test_the_unfollow_link_works_without_a_session_after_a_confirmation(network, employee, mailoutbox):
    news(network, "News")
    follow(employee, network)
    send_network_digests()
    url = unfollow_url(mailoutbox[0])
    other = EmployeeFactory(username="other")
    follow(other, network)
    anonymous = Client(enforce_csrf_checks=True)

    page = anonymous.get(url)
    assert page.status_code == 200
    assert "Mid-Norway welfare technology network" in page.content.decode()
    assert is_following(employee, network)  # a link checker's GET unfollows nothing

    done = anonymous.post(url)
    assert done.status_code == 200
    assert "You no longer follow these networks" in done.content.decode()
    assert not is_following(employee, network)
    assert is_following(other, network)  # the link is only ever its own user's


def test_mail_clients_unfollow_with_one_click_post(network, employee, mailoutbox):
    news(network, "News")
    follow(employee, network)
    send_network_digests()

    response = Client(enforce_csrf_checks=True).post(
        unfollow_url(mailoutbox[0]), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not is_following(employee, network)


def test_a_tampered_unfollow_link_is_refused(network, employee, mailoutbox):
    news(network, "News")
    follow(employee, network)
    send_network_digests()
    url = unfollow_url(mailoutbox[0])
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = url.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))

    assert Client().post(forged).status_code == 404
    assert is_following(employee, network)


def test_the_digest_lists_new_examples_and_which_units_took_them_home(network, employee, mailoutbox):
    from networks.factories import NetworkMemberFactory
    from portal.factories import OrganisationFactory
    from tests.networks.anchoring_setup import anchor, example

    unit = OrganisationFactory(name="Björken ward")
    NetworkMemberFactory(page=network, organisation=unit)
    fresh = example(network, title="Refused evening medicine")
    old = example(network, title="A story from last spring", age=timedelta(days=60))
    anchor(old, unit)
    follow(employee, network)

    send_network_digests()

    [message] = mailoutbox
    page = network.get_full_url()
    assert "New examples to carry home" in message.body
    assert "Refused evening medicine" in message.body
    assert f"{page}#example-{fresh.pk}" in message.body
    # The old example is not news; that Björken ward took it home this week is.
    assert "Examples taken up at home" in message.body
    assert "Björken ward: A story from last spring" in message.body
    assert f"{page}#example-{old.pk}" in message.body
    assert message.body.count("A story from last spring") == 1


def test_the_digest_lists_plans_and_reports_the_managers_signed_off(network, team, manager, employee, mailoutbox):
    from networks.teams import flow

    plan = flow.plan_of(team, "plan", "en")
    flow.save_draft(plan, {"goal": "Fewer missed doses"}, team.members.first(), "en")
    flow.submit(plan, team.members.first())
    report = flow.plan_of(team, "report", "en")
    flow.save_draft(report, {"results": "Not yet"}, team.members.first(), "en")
    news(network, "Teams met in Trondheim")
    follow(employee, network)

    send_network_digests()
    [message] = mailoutbox
    assert "Signed-off plans and reports" not in message.body  # waiting for sign-off: not shared yet

    flow.sign_off(plan, manager, "Good plan.")
    NetworkDigestLog.objects.all().delete()
    send_network_digests()
    body = mailoutbox[1].body
    assert "Signed-off plans and reports" in body
    assert "Progress plan: Björken team" in body
    assert f"{network.get_full_url()}teams/{team.pk}/plan/" in body
    assert "Final report" not in body
