"""Contact e-mails are written in the language of the person who reads them."""

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import HomePage
from people.contact import send_message
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

INTRO = "%(name)s sent you a message through Erfa. Reply to this e-mail to answer them directly."


def intro_in(language, name):
    with translation.override(language):
        return translation.gettext(INTRO) % {"name": name}


@pytest.fixture
def swedish_directory(site_tree):
    english = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    swedish = english.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.save_revision().publish()
    return swedish


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_recipient_reads_the_message_in_the_language_of_their_profile(swedish_directory, mailoutbox):
    sender = EmployeeFactory(username="elin", first_name="Elin", last_name="Dahlgren")
    recipient = ResourcePersonPageFactory(
        parent=swedish_directory, locale=swedish_directory.locale, title="Maja Ek", organisation=None
    )
    with translation.override("en"):
        send_message(sender=sender, recipient=recipient, subject="Reflection", body="Hello Maja")

    assert len(mailoutbox) == 1
    assert intro_in("sv", "Elin Dahlgren") in mailoutbox[0].body
    assert intro_in("sv", "Elin Dahlgren") != intro_in("en", "Elin Dahlgren")


def test_a_linked_account_s_chosen_language_wins_and_the_copy_follows_the_sender(swedish_directory, mailoutbox):
    sender = EmployeeFactory(username="sanne", first_name="Sanne", last_name="de Wit")
    prefer(sender, "nl")
    account = UserFactory(username="mette")
    prefer(account, "da")
    recipient = ResourcePersonPageFactory(
        parent=swedish_directory, locale=swedish_directory.locale, title="Mette Kjær", organisation=None, user=account
    )
    send_message(sender=sender, recipient=recipient, subject="Templates", body="Hej Mette", send_copy=True)

    to_recipient, copy = mailoutbox
    assert intro_in("da", "Sanne de Wit") in to_recipient.body
    with translation.override("nl"):
        expected_subject = translation.gettext("[Erfa] Copy of your message to %(name)s: %(subject)s") % {
            "name": "Mette Kjær",
            "subject": "Templates",
        }
    assert copy.subject == expected_subject
    assert not expected_subject.startswith("[Erfa] Copy of your message")
    assert copy.to == [sender.email]
