"""Editors translate with wagtail-localize: PO files for outside translators, and syncing source edits."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ResourcePersonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(site_tree, admin_client):
    english_directory = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    swedish = Locale.objects.get(language_code="sv")
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english_directory.pk]), {"locales": [swedish.pk]}
    )
    person = ResourcePersonPageFactory(
        parent=english_directory,
        title="Maja Ek",
        job_title="Care coordinator",
        phone="+46 8 100 200",
        organisation=None,
    )
    admin_client.post(reverse("wagtail_localize:submit_page_translation", args=[person.pk]), {"locales": [swedish.pk]})
    return person


def swedish_translation(person):
    return Translation.objects.get(source__object_id=person.translation_key, target_locale__language_code="sv")


def test_po_file_round_trip_for_outside_translators(person, admin_client):
    translation = swedish_translation(person)

    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    job_title = next(entry for entry in po if entry.msgid == "Care coordinator")
    job_title.msgstr = "Vårdsamordnare"

    upload = SimpleUploadedFile("maja.po", str(po).encode(), content_type="text/x-gettext-translation")
    admin_client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    translation.save_target(publish=True)

    swedish = ResourcePersonPage.objects.get(translation_key=person.translation_key, locale__language_code="sv")
    assert swedish.job_title == "Vårdsamordnare"


def test_a_po_file_for_another_translation_is_refused(person, admin_client):
    translation = swedish_translation(person)
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    po.append(polib.POEntry(msgid="Care coordinator", msgstr="Fel"))
    upload = SimpleUploadedFile("wrong.po", str(po).encode())
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}, follow=True
    )
    assert "different translation" in response.content.decode()
    translation.save_target(publish=True)
    swedish = ResourcePersonPage.objects.get(translation_key=person.translation_key, locale__language_code="sv")
    assert swedish.job_title != "Fel"


def test_source_edits_are_synced_into_translations(person, admin_client):
    person.phone = "+46 8 999 000"
    person.job_title = "Head of home care"
    person.save_revision().publish()

    source = TranslationSource.objects.get(object_id=person.translation_key)
    response = admin_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    # The translator opens the synced translation and saves it as a draft.
    swedish_translation(person).save_target()

    swedish = ResourcePersonPage.objects.get(translation_key=person.translation_key, locale__language_code="sv")
    latest = swedish.get_latest_revision_as_object()
    # Facts are synchronised unchanged; the changed text is now a segment waiting for its translator.
    assert latest.phone == "+46 8 999 000"
    assert any(
        segment.string.data == "Head of home care" for segment in source.stringsegment_set.select_related("string")
    )
    assert swedish.live is False  # translations stay drafts until someone publishes them


def test_snippets_a_page_uses_are_translated_from_the_admin(site_tree, admin_client):
    from portal.factories import TopicFactory
    from portal.models import Topic

    topic = TopicFactory(name="People")
    others = Locale.objects.exclude(language_code="en")
    response = admin_client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["portal", "topic", topic.pk]),
        {"locales": [locale.pk for locale in others]},
    )
    assert response.status_code == 302
    for translation in Translation.objects.filter(source__object_id=topic.translation_key):
        admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
        translation.save_target(publish=True)

    names = dict(
        Topic.objects.filter(translation_key=topic.translation_key).values_list("locale__language_code", "name")
    )
    assert names == {"en": "People", "sv": "Personer", "nb": "Personer", "da": "Personer", "nl": "Personen"}
