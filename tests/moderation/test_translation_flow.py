"""Who translates and who publishes, and no incomplete translation goes live without a confirmation.

The rule (README, "Moderation"): anyone who may edit a page may translate it and submit the
translation for review; those who may publish it (Communications) may also publish it directly.
"""

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from methods.factories import MethodIndexPageFactory
from people.factories import ResourcePersonPageFactory
from tests.moderation.conftest import client_for


def swedish():
    return Locale.objects.get(language_code="sv")


def start_translation(client, page, url_name="wagtail_localize:submit_page_translation"):
    response = client.post(reverse(url_name, args=[page.pk]), {"locales": [swedish().pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(translation_key=page.translation_key, locale=swedish()).specific


def translate_segments(page, translated):
    """Translate the given source texts of `page`'s Swedish translation, as a translator would in the editor."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=swedish())
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in translated:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=swedish(),
                context=segment.context,
                data=translated[segment.string.data],
            )
    return translation


def methods_in_swedish(home, communications_user):
    methods = MethodIndexPageFactory(
        parent=home, title="Methods", summary="Ways of working we trust.", intro="<p>Pick one and try it.</p>"
    )
    target = start_translation(client_for(communications_user), methods)
    assert not target.live
    return methods, target


def publish(client, page, **extra):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish", **extra})


def test_publishing_an_incomplete_translation_asks_first_and_lists_what_is_missing(
    home, communications_user, django_capture_on_commit_callbacks
):
    methods, target = methods_in_swedish(home, communications_user)
    translate_segments(methods, {"Methods": "Metoder", "methods": "metoder"})
    reviewer = client_for(communications_user)

    response = publish(reviewer, target)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Publish an incomplete translation?" in html
    listed = html[html.index('id="untranslated-segments"') :]
    assert "Ways of working we trust." in listed and "Summary" in listed
    assert "Pick one and try it." in listed and "Introduction" in listed
    assert ">Methods<" not in listed  # translated segments are not listed
    assert 'name="erfa-publish-incomplete"' in html
    assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in html  # "Back to the translation"
    target.refresh_from_db()
    assert not target.live

    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = publish(reviewer, target, **{"erfa-publish-incomplete": "1"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.live and target.title == "Metoder"


def test_a_complete_translation_publishes_at_once(home, communications_user, django_capture_on_commit_callbacks):
    methods, target = methods_in_swedish(home, communications_user)
    translate_segments(
        methods,
        {
            "Methods": "Metoder",
            "methods": "metoder",
            "Ways of working we trust.": "Arbetssätt vi litar på.",
            "Pick one and try it.": "Välj ett och pröva det.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = publish(client_for(communications_user), target)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.live and target.summary == "Arbetssätt vi litar på."


def test_submitting_for_review_lists_the_missing_segments_too(home, communications_user, mailoutbox):
    methods, target = methods_in_swedish(home, communications_user)
    translate_segments(methods, {"Methods": "Metoder", "methods": "metoder"})
    reviewer = client_for(communications_user)
    # Communications may publish, and may also submit a translation for review.
    explorer = reviewer.get(reverse("wagtailadmin_explore", args=[target.get_parent().pk])).content.decode()
    submit_url = reverse("erfa_submit_translation", args=[target.pk])
    assert submit_url in explorer
    html = reviewer.get(submit_url).content.decode()
    assert "Ways of working we trust." in html[html.index('id="untranslated-segments"') :]
    assert reviewer.post(submit_url).status_code == 302
    target.refresh_from_db()
    assert target.workflow_in_progress and not target.live


def test_a_resource_person_translates_their_own_profile_and_submits_it(
    resource_user, people_index, communications_user, mailoutbox
):
    own = ResourcePersonPageFactory(parent=people_index, title="Rune Aasvik", user=resource_user, organisation=None)
    other = ResourcePersonPageFactory(parent=people_index, title="Signe Berg", organisation=None)
    author = client_for(resource_user)
    translate_url = reverse("erfa_translate_page", args=[own.pk])

    # The menu in their profile's header offers "Translate this page".
    own_edit = author.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).content.decode()
    assert translate_url in own_edit
    form = author.get(translate_url).content.decode()
    assert "Anyone who may edit a page may translate it." in form
    # wagtail-localize's own view, which translates any page, stays with Communications.
    # (The admin answers "permission denied" with a redirect to the dashboard and a message.)
    assert author.get(reverse("wagtail_localize:submit_page_translation", args=[own.pk])).status_code in {302, 403}
    assert author.get(reverse("erfa_translate_page", args=[other.pk])).status_code in {302, 403}

    target = start_translation(author, own, url_name="erfa_translate_page")
    assert not target.live
    edit = author.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert edit.status_code == 200
    # They cannot publish it; they submit it for review, which the translation editor offers.
    assert reverse("erfa_submit_translation", args=[target.pk]) in edit.content.decode()
    assert publish(author, target).status_code in {302, 403}
    target.refresh_from_db()
    assert not target.live
    assert author.post(reverse("erfa_submit_translation", args=[target.pk])).status_code == 302
    target.refresh_from_db()
    assert target.workflow_in_progress
    assert [m.to for m in mailoutbox] == [[communications_user.email]]


def test_communications_translate_with_wagtail_localizes_own_form(home, communications_user):
    methods = MethodIndexPageFactory(parent=home, title="Methods")
    client = client_for(communications_user)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[methods.pk])).content.decode()
    assert "Anyone who may edit a page may translate it." in form
    explorer = client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[methods.pk]) in explorer
    assert reverse("erfa_translate_page", args=[methods.pk]) not in explorer


def test_the_reviewer_decides_a_submitted_translation_from_the_translation_editor(
    resource_user, people_index, communications_user, mailoutbox, django_capture_on_commit_callbacks
):
    own = ResourcePersonPageFactory(parent=people_index, title="Rune Aasvik", user=resource_user, organisation=None)
    author = client_for(resource_user)
    target = start_translation(author, own, url_name="erfa_translate_page")
    translate_segments(own, {"Rune Aasvik": "Rune Aasvik"})
    assert author.post(reverse("erfa_submit_translation", args=[target.pk])).status_code == 302
    target.refresh_from_db()
    task_state = target.current_workflow_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])

    # The reviewer's link leads to the translation editor, which offers the review's own actions.
    reviewer = client_for(communications_user)
    html = reviewer.get(edit_url).content.decode()
    box = html[html.index('id="erfa-review-translation"') :]
    assert "submitted this translation for review" in box
    approve = reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk])
    reject = reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "reject", task_state.pk])
    assert f'data-workflow-action-url="{approve}"' in box
    assert f'data-workflow-action-url="{reject}" data-launch-modal' in box  # it asks for a comment first
    assert "wagtailadmin/js/workflow-action.js" in html
    # The translator, who may not decide, is not offered them.
    assert 'id="erfa-review-translation"' not in author.get(edit_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(approve, {"next": edit_url})
    assert response.status_code == 302
    target.refresh_from_db()
    task_state.refresh_from_db()
    assert target.live and not target.workflow_in_progress
    assert task_state.status == "approved" and task_state.finished_by == communications_user
    assert resource_user.email in {address for message in mailoutbox for address in message.to}
