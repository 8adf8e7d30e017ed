"""A synced translation (wagtail-localize's, edited in its translation editor) goes to review like any page.

The rule (README, "Moderation"): anyone who may edit a page may translate it and submit the translation
for review. wagtail-localize's editor keeps each edit apart from the page until its "Publish", which
only publishers have; Erfa's "Submit translation for review" writes what the editor holds into the draft
the review sees. Stopping or restarting the sync is for those who may publish (moderation/aliases.py).

The pages are as the demo leaves them: English originals, translated into Dutch through wagtail-localize
and published; the facilitator uses the admin in Dutch.
"""

import io
import json
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from casestudies.factories import CaseStudyPageFactory
from networks.factories import NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonPageFactory
from tests.moderation.conftest import client_for

pytestmark = pytest.mark.django_db

STOP_HIDDEN = "moderation/without_stop_syncing"  # the translation editor's stylesheet without "Stop Synced translation"
SUBMIT_BOX = 'id="erfa-submit-translation"'


def dutch():
    return Locale.objects.get(language_code="nl")


def in_dutch(page, user):
    """`page`'s Dutch translation, synced with it and published, as the demo content has it."""
    for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
        if not ancestor.has_translation(dutch()):
            ancestor.copy_for_translation(dutch()).save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=dutch())
    translation.save_target(user=user, publish=False)
    target = page.get_translation(dutch()).specific
    target.get_latest_revision().publish(user=user)
    target.refresh_from_db()
    assert target.live and not target.has_unpublished_changes
    return translation, target


@pytest.fixture
def world(home, people_index, case_index, facilitator_user, resource_user, resource_profile, communications_user):
    networks = NetworkIndexPageFactory(parent=home)
    call_command("setup_roles", stdout=io.StringIO())  # as after anyone adds an index page
    profile = ResourcePersonPageFactory(parent=people_index, title="Frida Holmquist", user=facilitator_user)
    network = NetworkPageFactory(parent=networks, title="Home care network")
    NetworkFacilitatorFactory(page=network, person=profile)
    network.save_revision().publish()
    case = CaseStudyPageFactory(parent=case_index, title="Reflection after home", contact_persons=[resource_profile])
    case.save_revision().publish()
    network_translation, dutch_network = in_dutch(network, communications_user)
    case_translation, dutch_case = in_dutch(case, communications_user)
    call_command("setup_roles", stdout=io.StringIO())
    settings = UserProfile.get_for_user(facilitator_user)
    settings.preferred_language = "nl"
    settings.save()
    return {
        "network": (network_translation, dutch_network),
        "case": (case_translation, dutch_case),
    }


def translate_title(client, translation, text):
    """Types the title's translation into wagtail-localize's editor (its own endpoint, as its script calls it)."""
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in {200, 201}


def editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def editor_props(html):
    """What wagtail-localize hands its editor's script: the permissions and links it renders from."""
    return json.loads(unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)))


def refused(response):
    """A 403, or the admin's "Sorry, you do not have permission" (back to the dashboard)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def submit(client, page):
    return client.post(reverse("erfa_submit_translation", args=[page.pk]))


def test_a_facilitator_submits_their_dutch_translation_for_review_and_it_is_published_as_translated(
    world, facilitator_user, communications_user, mailoutbox, django_capture_on_commit_callbacks
):
    translation, target = world["network"]
    author = client_for(facilitator_user)
    submit_url = reverse("erfa_submit_translation", args=[target.pk])
    explorer_url = reverse("wagtailadmin_explore", args=[target.get_parent().pk])

    # Nothing to review yet: the explorer offers nothing, and a submission says so and starts nothing.
    assert submit_url not in author.get(explorer_url).content.decode()
    assert submit(author, target).status_code == 302
    target.refresh_from_db()
    assert not target.workflow_in_progress

    translate_title(author, translation, "Thuiszorgnetwerk")
    assert submit_url in author.get(explorer_url).content.decode()
    assert author.get(submit_url).status_code == 200
    response = submit(author, target)
    assert response.status_code == 302 and response["Location"] == reverse("erfa_my_pages_in_review")

    target.refresh_from_db()
    state = target.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == facilitator_user
    # The review sees the translation as typed in the editor; the live page stays as it was meanwhile.
    assert state.current_task_state.revision.as_object().title == "Thuiszorgnetwerk"
    assert target.title == "Home care network" and target.live
    assert [m.to for m in mailoutbox] == [[communications_user.email]]
    assert submit_url not in author.get(explorer_url).content.decode()  # no second submission

    reviewer = client_for(communications_user)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", state.current_task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert reviewer.post(approve, {"comment": ""}).status_code == 302
    live = Page.objects.get(pk=target.pk)
    assert live.title == "Thuiszorgnetwerk" and live.live and not live.has_unpublished_changes
    assert Translation.objects.get(pk=translation.pk).enabled  # still follows its source


def test_the_translation_editor_offers_review_from_the_start(world, facilitator_user):
    """Its edits are saved as they are typed, without a reload: the way to review stands there before the first."""
    translation, target = world["network"]
    author = client_for(facilitator_user)
    submit_url = reverse("erfa_submit_translation", args=[target.pk])
    html = editor(author, target)
    assert SUBMIT_BOX in html and submit_url in html

    translate_title(author, translation, "Thuiszorgnetwerk")
    submit(author, target)
    assert SUBMIT_BOX not in editor(author, target)  # under review


def test_a_draft_translation_goes_to_review_with_the_editors_text(
    resource_user, resource_profile, communications_user, django_capture_on_commit_callbacks
):
    """A new translation, never published: its draft is the one wagtail-localize made at the start, in English."""
    author = client_for(resource_user)
    swedish = Locale.objects.get(language_code="sv")
    author.post(reverse("erfa_translate_page", args=[resource_profile.pk]), {"locales": [swedish.pk]})
    translation = Translation.objects.get(source__object_id=resource_profile.translation_key, target_locale=swedish)
    target = resource_profile.get_translation(swedish).specific
    assert not target.live
    translate_title(author, translation, "Rune Aasvik (svenska)")

    assert submit(author, target).status_code == 302
    target.refresh_from_db()
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = target.current_workflow_task_state
    assert task_state.revision.as_object().title == "Rune Aasvik (svenska)"

    approve = reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(communications_user).post(approve, {"comment": ""})
    target.refresh_from_db()
    assert target.live and target.title == "Rune Aasvik (svenska)"


@pytest.mark.parametrize("role, page", [("facilitator", "network"), ("resource", "case")])
def test_translators_may_not_stop_the_sync(world, role, page, facilitator_user, resource_user):
    user = {"facilitator": facilitator_user, "resource": resource_user}[role]
    translation, target = world[page]
    client = client_for(user)
    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert refused(client.post(stop, {"next": reverse("wagtailadmin_pages:edit", args=[target.pk])}))
    assert Translation.objects.get(pk=translation.pk).enabled

    html = editor(client, target)  # still the translation editor
    assert STOP_HIDDEN in html  # wagtail-localize's button is hidden for them
    props = editor_props(html)
    assert not props["perms"]["canPublish"] and props["links"]["convertToAliasUrl"] is None


def test_communications_publish_submit_and_stop_and_restart_the_sync(world, facilitator_user, communications_user):
    translation, target = world["network"]
    reviewer = client_for(communications_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    html = editor(reviewer, target)
    assert STOP_HIDDEN not in html and editor_props(html)["perms"]["canPublish"]

    response = reviewer.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": edit_url})
    assert response.status_code == 302 and response["Location"] == edit_url
    assert not Translation.objects.get(pk=translation.pk).enabled

    # Now an ordinary page: "Start Synced translation" ties it to its source again, for Communications only.
    author = client_for(facilitator_user)
    assert 'name="localize-restart-translation"' not in editor(author, target)
    restart = {"localize-restart-translation": "1"}
    assert refused(author.post(edit_url, restart))
    assert not Translation.objects.get(pk=translation.pk).enabled
    assert 'name="localize-restart-translation"' in editor(reviewer, target)
    assert reviewer.post(edit_url, restart).status_code == 302
    assert Translation.objects.get(pk=translation.pk).enabled
    assert SUBMIT_BOX in editor(reviewer, target)  # they may publish it, or submit it for review too
