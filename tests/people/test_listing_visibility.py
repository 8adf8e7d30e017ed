"""People's pages list only what the reader may see: the profile's networks and sections, the directory,
and the review reminders' e-mails, which never name a page to an owner who may not open it."""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageLogEntry, PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from networks.factories import NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonPageFactory
from people.review_reminders import REMINDER_ACTION, send_review_reminders
from portal import roles
from portal.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def board_only(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name="Board")[0])
    return page


@pytest.fixture
def home(directory):
    return HomePage.objects.get(locale__language_code="en")


def test_a_profile_lists_only_the_networks_and_pages_the_reader_may_see(home, person, employee_client):
    networks = NetworkIndexPageFactory(parent=home)
    NetworkFacilitatorFactory(page=NetworkPageFactory(parent=networks, title="Open network"), person=person)
    NetworkFacilitatorFactory(
        page=board_only(NetworkPageFactory(parent=networks, title="Board network")), person=person
    )
    cases = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=cases, title="Open case", contact_persons=[person])
    board_only(CaseStudyPageFactory(parent=cases, title="Board case", contact_persons=[person]))
    library = ShareableTemplateIndexPageFactory(parent=home)
    board_only(ShareableTemplatePageFactory(parent=library, title="Board agenda", publisher=person))

    html = employee_client.get(person.url).content.decode()
    assert "Open network" in html and "Open case" in html
    assert "Board network" not in html
    assert "Board case" not in html
    assert "Board agenda" not in html

    board_member = EmployeeFactory(username="bo")
    board_member.groups.add(Group.objects.get(name="Board"))
    employee_client.force_login(board_member)
    html = employee_client.get(person.url).content.decode()
    assert "Board network" in html and "Board case" in html and "Board agenda" in html


def test_the_directory_and_its_autocomplete_leave_out_restricted_and_hidden_profiles(directory, employee_client):
    ResourcePersonPageFactory(parent=directory, title="Open Olga")
    board_only(ResourcePersonPageFactory(parent=directory, title="Board Bertil"))
    ResourcePersonPageFactory(parent=directory, title="Hidden Hans", hidden_from_directory=True)

    html = employee_client.get(directory.url).content.decode()
    assert "Open Olga" in html
    assert "Board Bertil" not in html and "Hidden Hans" not in html
    names = {
        row["name"]
        for q in ("Olga", "Bertil", "Hans")
        for row in employee_client.get(f"{directory.url}autocomplete/", {"q": q}).json()["results"]
    }
    assert names == {"Open Olga"}


def at(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=9))


def test_a_review_reminder_names_only_pages_its_recipient_may_open(directory, mailoutbox):
    library = ShareableTemplateIndexPageFactory(parent=directory.get_parent())
    user = EmployeeFactory(username="signe", email="signe@example.org")
    owner = ResourcePersonPageFactory(parent=directory, title="Signe Berg", email="signe@example.org", user=user)
    ShareableTemplatePageFactory(
        parent=library, title="Open agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    secret = board_only(
        ShareableTemplatePageFactory(
            parent=library, title="Board agenda", content_owner=owner, last_reviewed=date(2025, 1, 1)
        )
    )

    sent = send_review_reminders(now=at(date(2026, 3, 10)))
    assert [[page.title for page in pages] for _email, pages in sent] == [["Open agenda"]]
    assert "Open agenda" in mailoutbox[0].body
    assert "Board agenda" not in mailoutbox[0].body and "Board agenda" not in mailoutbox[0].subject
    # Not logged as reminded: once the owner may see the page, the next run reminds them.
    assert not PageLogEntry.objects.filter(page=secret, action=REMINDER_ACTION).exists()

    user.groups.add(Group.objects.get(name="Board"))
    sent = send_review_reminders(now=at(date(2026, 3, 11)))
    assert [[page.title for page in pages] for _email, pages in sent] == [["Board agenda"]]
    assert "Board agenda" in mailoutbox[1].body


def test_a_communications_owner_is_reminded_of_a_page_restricted_to_communications(directory, mailoutbox):
    library = ShareableTemplateIndexPageFactory(parent=directory.get_parent())
    communications = Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0]
    user = UserFactory(username="carla", email="carla@example.org", role=roles.COMMUNICATIONS)
    owner = ResourcePersonPageFactory(parent=directory, title="Carla", email="carla@example.org", user=user)
    page = ShareableTemplatePageFactory(
        parent=library, title="Press plan", content_owner=owner, last_reviewed=date(2025, 1, 1)
    )
    PageViewRestriction.objects.create(page=page, restriction_type="groups").groups.add(communications)
    send_review_reminders(now=at(date(2026, 3, 10)))
    assert len(mailoutbox) == 1 and "Press plan" in mailoutbox[0].body
