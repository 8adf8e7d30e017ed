from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from portal.i18n import preferred_language
from tests.moderation.conftest import client_for
from tests.moderation.test_template_journey import template_form, upload


def choose_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_the_preferred_language_is_the_recipients_not_the_actors(communications_user, resource_user):
    choose_language(communications_user, "sv")
    with translation.override("nl"):  # the language of whoever clicked
        assert preferred_language(communications_user) == "sv"
        assert preferred_language(resource_user) == "en"
        assert preferred_language(resource_user, default="da") == "da"


def submit_template(library, author_user):
    author = client_for(author_user)
    document = upload(author, "agenda.txt", b"Agenda")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document), "action-submit": "Submit"})


def test_submission_e_mail_is_erfas_wording_in_the_reviewers_language(
    library, resource_user, communications_user, mailoutbox
):
    choose_language(communications_user, "sv")
    submit_template(library, resource_user)
    # One e-mail, to Communications, in Erfa's words (Wagtail's own notifier, Erfa's template).
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [communications_user.email]
    assert mail.subject.startswith("Granska")
    assert "/admin/pages/" in mail.body


def test_users_who_turned_submission_e__mails_off_get_none(library, resource_user, communications_user, mailoutbox):
    profile = UserProfile.get_for_user(communications_user)
    profile.submitted_notifications = False
    profile.save()
    submit_template(library, resource_user)
    assert mailoutbox == []


def test_topics_and_organisations_are_communications_only(resource_user, communications_user, facilitator_user):
    url = reverse("wagtailsnippets_portal_topic:add")
    assert client_for(communications_user).get(url).status_code == 200
    for user in (resource_user, facilitator_user):
        assert client_for(user).get(url).status_code in {302, 403}
