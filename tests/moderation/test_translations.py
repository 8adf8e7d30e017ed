import io

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from casestudies.factories import CaseStudyPageFactory
from tests.moderation.conftest import client_for


def test_a_resource_persons_translation_is_not_live_until_approved(
    case_index, resource_user, resource_profile, communications_user, mailoutbox
):
    # Their own case study: they are its contact, and so of its translation too.
    source = CaseStudyPageFactory(
        parent=case_index, title="Reflection after home visits", contact_persons=[resource_profile]
    )
    sv_index = case_index.copy_for_translation(Locale.objects.get(language_code="sv"))
    sv_index.save_revision().publish()
    call_command("setup_roles", stdout=io.StringIO())  # as after anyone adds an index page
    source_record, _ = TranslationSource.get_or_create_from_instance(source)
    translation = Translation.objects.create(source=source_record, target_locale=Locale.objects.get(language_code="sv"))
    translation.save_target(user=communications_user)  # a draft, as Communications starts it
    target = source.get_translation(Locale.objects.get(language_code="sv"))
    assert not target.live

    author = client_for(resource_user)
    # The translation editor refuses to publish for someone without publish permission.
    response = author.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code in {302, 403}
    target.refresh_from_db()
    assert not target.live

    # Submitted through the workflow instead, from the explorer's "More" menu.
    explorer = author.get(reverse("wagtailadmin_explore", args=[sv_index.pk])).content.decode()
    assert reverse("erfa_submit_translation", args=[target.pk]) in explorer
    assert author.get(reverse("erfa_submit_translation", args=[target.pk])).status_code == 200
    response = author.post(reverse("erfa_submit_translation", args=[target.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.workflow_in_progress and not target.live
    assert [m.to for m in mailoutbox] == [["kaja@example.org"]]

    reviewer = client_for(communications_user)
    task_state = target.current_workflow_task_state
    reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]), {"comment": ""}
    )
    target.refresh_from_db()
    assert target.live
    # Nothing left to submit once it is live.
    explorer = author.get(reverse("wagtailadmin_explore", args=[sv_index.pk])).content.decode()
    assert reverse("erfa_submit_translation", args=[target.pk]) not in explorer


def test_the_translation_editor_names_both_languages_in_the_editors_language(case_index, communications_user):
    """wagtail-localize writes "<source> to <target> translation" in English in its bundle; Erfa hands the
    editor's-language heading to moderation/static/moderation/translation_title.js, which swaps it in."""
    from wagtail.users.models import UserProfile

    source = CaseStudyPageFactory(parent=case_index, title="Reflection after home visits")
    danish = Locale.objects.get(language_code="da")
    case_index.copy_for_translation(danish).save_revision().publish()
    source_record, _ = TranslationSource.get_or_create_from_instance(source)
    Translation.objects.create(source=source_record, target_locale=danish).save_target(user=communications_user)
    target = source.get_translation(danish)
    profile = UserProfile.get_for_user(communications_user)
    profile.preferred_language = "da"
    profile.save()

    page = client_for(communications_user).get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    assert 'data-english="English to Danish translation"' not in page  # the names, too, are the editor's
    assert 'data-english="Engelsk to Dansk translation"' in page
    assert 'data-translated="Oversættelse fra Engelsk til Dansk"' in page
    assert "moderation/translation_title" in page
