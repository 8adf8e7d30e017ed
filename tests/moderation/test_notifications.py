from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from portal.moderation.notifications import preferred_language
from tests.moderation.conftest import client_for


def test_e_mails_use_the_recipients_language_not_the_actors(communications_user, resource_user):
    profile = UserProfile.get_for_user(communications_user)
    profile.preferred_language = "sv"
    profile.save()
    with translation.override("nl"):  # the language of whoever clicked
        assert preferred_language(communications_user) == "sv"
        assert preferred_language(resource_user) == "en"


def test_wagtails_own_workflow_e_mails_are_replaced(library, resource_user, communications_user, mailoutbox):
    from tests.moderation.test_template_journey import template_form, upload

    author = client_for(resource_user)
    document = upload(author, "agenda.txt", b"Agenda")
    add_url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    author.post(add_url, {**template_form(document), "action-submit": "Submit"})
    # One e-mail, Erfa's, and none of Wagtail's "submitted for approval in moderation stage" ones.
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("Please review")


def test_topics_and_organisations_are_communications_only(resource_user, communications_user, facilitator_user):
    url = reverse("wagtailsnippets_portal_topic:add")
    assert client_for(communications_user).get(url).status_code == 200
    for user in (resource_user, facilitator_user):
        assert client_for(user).get(url).status_code in {302, 403}
