"""What an editor is told after "Translate with …" in the translation editor (portal/machine_translation.py).

wagtail-localize says "Successfully translated" whenever there was something to translate, even when
the translator gave nothing back, and fails with a server error when a translation service is down.
The editor is told instead how much was translated, or why nothing was. The services are the local
stand-in of test_machine_translators.py, which speaks their HTTP API.
"""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import HomePage
from portal.roles import COMMUNICATIONS
from tests.portal.advisories import member_of
from tests.portal.test_machine_translators import base_url, stand_in  # noqa: F401 (the fixture)
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

DEEPL_DOWN = "Nothing was translated: DeepL could not be reached or answered with an error."


@pytest.fixture
def editor(site_tree, client):
    """A member of Communications, who translates and publishes, signed in to the admin."""
    import io

    call_command("setup_roles", stdout=io.StringIO())
    user = member_of(COMMUNICATIONS, "kaja")
    client.user = user
    return login_with_second_factor(client, user)


def use_deepl(settings, url):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "portal.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "test-key", "API_URL": url},
    }


def swedish_translation(client, **fields):
    from methods.factories import MethodIndexPageFactory

    page = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), **fields)
    swedish = Locale.objects.get(language_code="sv")
    # Followed to the translation editor, which shows (and so uses up) the "submitted for translation" message.
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [swedish.pk]}, follow=True
    )
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=swedish)


def machine_translate(client, translation):
    """The editor's click on "Translate with …": the messages recorded for them, and where they are sent."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": f"http://testserver{edit_url}"}
    )
    assert response.status_code == 302
    assert response.url == f"http://testserver{edit_url}"
    shown = [(message.level_tag, unescape(str(message)).strip()) for message in get_messages(response.wsgi_request)]
    # Back in the translation editor, which shows them (and so uses them up).
    page = unescape(client.get(edit_url).content.decode())
    assert all(text in page for _, text in shown)
    return shown


def test_nothing_translated_is_a_warning_that_says_why(editor):
    translation = swedish_translation(
        editor, title="Quarterly reflection rounds", slug="quarterly-rounds", summary="Ways of working we trust."
    )

    shown = machine_translate(editor, translation)

    assert shown == [
        (
            "warning",
            "Nothing was translated: the offline translator knows only the phrases of Erfa's own interface. "
            "The texts are left for you to translate.",
        )
    ]
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


def test_part_translated_is_a_warning_with_the_count(editor):
    translation = swedish_translation(editor, title="Methods", slug="methods", summary="Ways of working we trust.")
    total, done = translation.get_progress()
    assert done == 0 and total > 2

    shown = machine_translate(editor, translation)

    # The title and its slug are phrases Erfa's catalogues know; the summary (and the rest) are not.
    assert shown == [
        (
            "warning",
            f"Translated 2 of {total} texts with Offline phrase translator; the rest are left for you to translate.",
        )
    ]
    assert translation.get_progress() == (total, 2)


class SilentTranslator(BaseMachineTranslator):
    """A translator that answers, but with nothing (the offline one has its own word for it)."""

    display_name = "Silent"

    def translate(self, source_locale, target_locale, strings):
        return {}

    def can_translate(self, source_locale, target_locale):
        return True


def test_nothing_translated_by_another_translator_is_a_warning_with_its_name(editor, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": f"{__name__}.SilentTranslator"}
    translation = swedish_translation(editor, title="Methods", slug="methods")
    total, _ = translation.get_progress()

    shown = machine_translate(editor, translation)

    assert shown == [
        ("warning", f"Silent could not translate any of the {total} texts; they are left for you to translate.")
    ]


def test_everything_translated_is_a_success_with_the_count(editor, stand_in, settings):  # noqa: F811
    use_deepl(settings, base_url(stand_in) + "/v2/translate")
    translation = swedish_translation(editor, title="Methods", summary="Ways of working we trust.")
    total, _ = translation.get_progress()

    shown = machine_translate(editor, translation)

    assert shown == [("success", f"Translated all {total} texts with DeepL.")]
    assert translation.get_progress() == (total, total)
    # A second click: wagtail-localize's own word that there is nothing left, and no report of ours.
    assert machine_translate(editor, translation) == [("warning", "There isn't anything left to translate.")]


def test_deepl_out_of_reach_is_an_error_not_a_server_error(editor, settings, closed_port):
    use_deepl(settings, f"http://127.0.0.1:{closed_port}/v2/translate")
    translation = swedish_translation(editor, title="Methods")

    shown = machine_translate(editor, translation)

    assert [level for level, _ in shown] == ["error"]
    assert shown[0][1].startswith(DEEPL_DOWN)
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


@pytest.mark.parametrize(
    "failure",
    [
        (503, {"message": "Service temporarily unavailable"}),  # DeepL's own error answer
        (502, "<html><body>Bad gateway</body></html>"),  # a proxy's error page in front of it
        (456, {"message": "Quota exceeded"}),  # DeepL's "quota for this billing period exceeded"
    ],
)
def test_deepl_answering_an_error_is_an_error_not_a_server_error(editor, stand_in, settings, failure):  # noqa: F811
    use_deepl(settings, base_url(stand_in) + "/v2/translate")
    stand_in.failure = failure
    translation = swedish_translation(editor, title="Methods")

    shown = machine_translate(editor, translation)

    assert [level for level, _ in shown] == ["error"]
    assert shown[0][1].startswith(DEEPL_DOWN)
    assert stand_in.calls, "DeepL was asked"
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


def test_libretranslate_answering_an_error_is_an_error_too(editor, stand_in, settings):  # noqa: F811
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": base_url(stand_in), "API_KEY": "libre-key"},
    }
    stand_in.failure = (500, {"error": "Internal error"})
    translation = swedish_translation(editor, title="Methods")

    shown = machine_translate(editor, translation)

    assert shown == [
        (
            "error",
            "Nothing was translated: LibreTranslate could not be reached or answered with an error. "
            "Try again later, or translate the texts yourself.",
        )
    ]


def test_updating_translations_with_deepl_down_is_an_error_not_a_server_error(editor, settings, closed_port):
    use_deepl(settings, f"http://127.0.0.1:{closed_port}/v2/translate")
    translation = swedish_translation(editor, title="Methods")
    page = translation.source.get_source_instance()
    page.title = "Methods and more"
    page.save_revision().publish()
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])

    response = editor.post(url, {"use_machine_translation": "on"})

    assert response.status_code == 302 and response.url == url
    shown = [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]
    assert shown == [
        (
            "error",
            "The translations were not updated: DeepL could not be reached or answered with an error. "
            "Try again later, or without machine translation.",
        )
    ]
    # The update was undone as a whole: the source still has the old title.
    source = TranslationSource.objects.get(pk=translation.source.pk)
    assert not source.stringsegment_set.filter(string__data="Methods and more").exists()


def test_the_message_is_in_the_editors_language(editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor.user)
    profile.preferred_language = "sv"
    profile.save()
    translation = swedish_translation(editor, title="Methods", slug="methods", summary="Ways of working we trust.")

    [(level, text)] = machine_translate(editor, translation)

    assert level == "warning"
    assert "Offline frasöversättare" in text  # the translator's name as Erfa's Swedish catalogue has it


def update_translations(client, translation, **changes):
    """The source page changed and published, then "Update existing translations" with "Use machine
    translation": the messages recorded for the editor."""
    page = translation.source.get_source_instance()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    response = client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302
    return [(message.level_tag, unescape(str(message))) for message in get_messages(response.wsgi_request)]


def danish_too(client, translation):
    danish = Locale.objects.get(language_code="da")
    page = translation.source.get_source_instance()
    # Followed, as swedish_translation does, so that its message is used up.
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [danish.pk]}, follow=True
    )
    return Translation.objects.get(source=translation.source, target_locale=danish)


def test_updating_translations_says_which_languages_machine_translation_left_texts_in(editor):
    """The offline translator knows "Methods" and little else: the update succeeded, and the editor is
    told which languages still have texts for them, and how many."""
    swedish = swedish_translation(editor, title="Methods", slug="methods")
    danish = danish_too(editor, swedish)

    shown = update_translations(editor, swedish, summary="Ways of working we trust.", intro="<p>Pick one.</p>")

    # The summary and the introduction, in each language.
    assert [found.get_progress() for found in (swedish, danish)] == [(4, 2), (4, 2)]
    assert shown == [
        ("success", "Successfully updated translations for 'Methods'"),
        (
            "warning",
            "After machine translation with Offline phrase translator, texts are left for you to translate in "
            "the translation editor: Danish: 2 texts, Swedish: 2 texts.",
        ),
    ]


def test_updating_translations_that_machine_translation_finished_is_only_a_success(editor, stand_in, settings):  # noqa: F811
    use_deepl(settings, base_url(stand_in) + "/v2/translate")
    translation = swedish_translation(editor, title="Methods")
    machine_translate(editor, translation)

    shown = update_translations(editor, translation, summary="Ways of working we trust.")

    assert shown == [("success", "Successfully updated translations for 'Methods'")]
    total, done = translation.get_progress()
    assert done == total


def test_updating_translations_without_machine_translation_says_nothing_more(editor):
    translation = swedish_translation(editor, title="Methods")
    page = translation.source.get_source_instance()
    page.summary = "Ways of working we trust."
    page.save_revision().publish()

    response = editor.post(reverse("wagtail_localize:update_translations", args=[translation.source.pk]), {})

    assert response.status_code == 302
    shown = [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]
    assert shown == [("success", "Successfully updated translations for 'Methods'")]


def test_what_is_left_is_said_in_the_editors_language(editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor.user)
    profile.preferred_language = "sv"
    profile.save()
    translation = swedish_translation(editor, title="Methods", slug="methods")

    shown = update_translations(editor, translation, summary="Ways of working we trust.")

    assert translation.get_progress() == (3, 2)
    assert shown == [
        ("success", "Lyckades uppdatera översättningar för 'Methods'"),  # wagtail-localize's own
        (
            "warning",
            "Efter maskinöversättning med Offline frasöversättare finns texter kvar för dig att översätta i "
            "översättningsredigeraren: Svenska: 1 text.",
        ),
    ]
