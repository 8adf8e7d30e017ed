"""The admin speaks the editor's language: Erfa's catalogues fill in what Wagtail ships untranslated."""

import json
import re
import shutil

import polib
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.users.models import UserProfile

from portal import admin_catalogues
from portal.languages import TRANSLATION_TARGETS
from tests.utils import login_with_second_factor


@pytest.mark.parametrize("language", TRANSLATION_TARGETS)
def test_at_least_97_percent_of_the_admin_strings_are_translated(language):
    result = admin_catalogues.coverage(language)
    # Counted against Wagtail's English source catalogues, so a new Wagtail version with new strings lowers it.
    assert result.total > 1500
    assert result.percent >= 97, f"{language}: {result.percent:.1f}% ({result.translated} of {result.total})"


@pytest.mark.parametrize("language", TRANSLATION_TARGETS)
@pytest.mark.parametrize("domain", admin_catalogues.DOMAINS)
def test_erfa_catalogues_keep_placeholders_brackets_and_html(language, domain):
    path = admin_catalogues.erfa_catalogue_path(language, domain)
    entries = polib.pofile(str(path)).translated_entries()
    assert [entry.msgid for entry in entries if admin_catalogues.entry_faults(entry)] == []


@pytest.mark.parametrize("language", TRANSLATION_TARGETS)
@pytest.mark.parametrize("domain", admin_catalogues.DOMAINS)
def test_erfa_catalogues_are_compiled(language, domain):
    po_path = admin_catalogues.erfa_catalogue_path(language, domain)
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run `manage.py compile_translations` (make does)"
    assert mo_path.stat().st_mtime >= po_path.stat().st_mtime


def erfa_only_translation(language, domain, occurrence):
    """A message Wagtail leaves untranslated and Erfa translates, from a given Wagtail source file."""
    for entry in polib.pofile(str(admin_catalogues.erfa_catalogue_path(language, domain))).translated_entries():
        plain = not (entry.msgid_plural or entry.msgctxt or admin_catalogues.PLACEHOLDER.search(entry.msgid))
        if not plain or "<" in entry.msgid:
            continue
        if entry.msgstr != entry.msgid and any(occurrence in path for path, _line in entry.occurrences):
            return entry
    raise AssertionError(f"no Erfa-only {language} translation from {occurrence}")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "nb"])
def test_the_catalogues_reach_the_admin_at_run_time(language):
    """LOCALE_PATHS puts Erfa's catalogue in front of Wagtail's: gettext returns Erfa's translation."""
    entry = erfa_only_translation(language, "django", "wagtail.admin:")
    with translation.override(language):
        assert translation.gettext(entry.msgid) == entry.msgstr


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "nb"])
def test_the_admin_javascript_catalogue_carries_erfa_translations(language, admin_user, client):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    entry = erfa_only_translation(language, "djangojs", "wagtail.admin:")
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    body = response.content.decode()
    assert json.dumps(entry.msgid)[1:-1] in body
    assert json.dumps(entry.msgstr)[1:-1] in body


@pytest.mark.parametrize("language", TRANSLATION_TARGETS)
@pytest.mark.parametrize("domain", admin_catalogues.DOMAINS)
def test_erfa_catalogues_hold_exactly_what_wagtail_leaves_untranslated(language, domain):
    """`make messages` keeps them current: no new Wagtail string missing, no string Wagtail now translates."""
    needed = {
        message_key for message_key, _config, _source in admin_catalogues.untranslated_by_wagtail(language, domain)
    }
    ours = {admin_catalogues.key(entry) for entry in admin_catalogues.erfa_catalogue(language, domain)}
    assert ours == needed


@pytest.mark.parametrize("language", TRANSLATION_TARGETS)
@pytest.mark.parametrize("domain", admin_catalogues.DOMAINS)
def test_every_admin_message_keeps_its_placeholders_brackets_and_tags_as_served(language, domain):
    """What the admin shows, Erfa's catalogue in front of Wagtail's, is faithful to the source, message by message.

    Wagtail's own Swedish menu badge read "(2 nya objekt i denna meny", without its closing parenthesis.
    """
    served = DjangoTranslation(language, domain=domain)  # as the admin's gettext and its JavaScript catalogue load it
    broken = []
    for (context, msgid), (_config, source) in admin_catalogues.source_entries(domain).items():
        if source.msgid_plural:
            forms = {
                index: served.npgettext(context, msgid, source.msgid_plural, count)
                if context
                else served.ngettext(msgid, source.msgid_plural, count)
                for index, count in ((0, 1), (1, 2))
            }
            shown = polib.POEntry(msgid=msgid, msgid_plural=source.msgid_plural, msgstr_plural=forms)
        else:
            text = served.pgettext(context, msgid) if context else served.gettext(msgid)
            shown = polib.POEntry(msgid=msgid, msgstr=text)
        if faults := admin_catalogues.entry_faults(shown):
            broken.append((faults, msgid[:60], shown.msgstr or shown.msgstr_plural))
    assert broken == []


@pytest.mark.parametrize(
    ("source", "translation", "fault"),
    [
        ("(%(number)s new items in this menu)", "(%(number)s nya objekt i denna meny", "()"),
        ("Delete %(snippet_type_name)s", "Radera", "placeholders"),
        ("<p>Select a file.</p> <p>Then confirm.</p>", "Velg en fil.</p> <p>Bekreft.</p>", "tags"),
        ("%(total)s Images created in %(site_name)s", "%(total)s Afbeeldingen aangemaakt in%(site_name)s", "spacing"),
        ("Translate with ", "Vertaal met", "spacing"),
    ],
)
def test_a_broken_translation_is_told_apart_from_a_faithful_one(source, translation, fault):
    assert fault in admin_catalogues.faults(source, translation)
    assert admin_catalogues.faults(source, source) == []
    # Word order, a hyphenated compound and a space more are all faithful.
    assert admin_catalogues.faults("Revert to %s version", "Återgå till %s-versionen") == []
    assert admin_catalogues.faults("%(count)s of %(total)s", "%(total)s: %(count)s ") == []


@pytest.mark.parametrize(
    ("source", "translation", "copied"),
    [
        ("Initial Revision", "Initial Revision", True),  # Wagtail's Swedish workflow history
        ("Alt text", "Alt text", True),  # Wagtail's Danish image block
        ("Status %(status)s", "Status %(status)s", False),  # a word Swedish shares with English
        ("Wagtail admin", "Wagtail admin", False),  # a name and one word
        ("Initial Revision", "Första versionen", False),
    ],
)
def test_an_english_source_copied_unchanged_is_missing_not_translated(source, translation, copied):
    assert admin_catalogues.copied_english(polib.POEntry(msgid=source, msgstr=translation)) is copied


@pytest.mark.parametrize(
    ("language", "message", "shown"),
    [
        ("sv", "Initial Revision", "Första versionen"),
        ("da", "Live version", "Offentliggjort version"),
        # Wagtail's own translations that said the wrong thing (admin_catalogues.MISTRANSLATED).
        ("sv", "No locked pages found.", "Inga låsta sidor hittades."),
        ("sv", "Add collection", "Lägg till samling"),
        ("nl", "Copied for translation", "Gekopieerd voor vertaling"),
        ("nl", "Error 404", "Fout 404"),  # the admin's page-not-found heading
        ("sv", "Translated manually on {date}", "Manuellt översatt den {date}"),  # wagtail-localize's editor
        (
            "sv",
            "The data model for '{model_name}' has been changed since the last translation sync. If any new fields "
            "have been added recently, these may not be visible until the next translation sync.",
            "Datamodellen för '{model_name}' har ändrats sedan den senaste översättningssynkroniseringen. Om nya "
            "fält har lagts till nyligen syns de kanske inte förrän vid nästa översättningssynkronisering.",
        ),
        (
            "da",
            "Page '%(page_title)s' has been submitted for moderation.",
            "Siden '%(page_title)s' er blevet indsendt til moderation.",
        ),
    ],
)
def test_what_wagtail_left_in_english_is_in_the_editors_language(language, message, shown):
    # Wagtail's own messages, looked up as the admin does (a variable, so makemessages leaves them to Wagtail).
    with translation.override(language):
        assert translation.gettext(message) == shown


def test_the_coverage_check_names_a_language_whose_catalogue_falls_behind(tmp_path, monkeypatch, settings):
    """A Danish catalogue with untranslated entries fails `update_admin_catalogues --check`, naming Danish."""
    translated_before = admin_catalogues.coverage("da").by_erfa
    copy = tmp_path / "wagtail_locale"
    shutil.copytree(admin_catalogues.CATALOGUE_DIR, copy)
    danish = copy / "da" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(danish))
    for entry in catalogue[:200]:
        entry.msgstr = ""
        entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
    catalogue.save(str(danish))
    monkeypatch.setattr(admin_catalogues, "CATALOGUE_DIR", copy)
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS[:1], copy]

    with pytest.raises(CommandError, match=r"Under 97.0%: da\. "):
        call_command("update_admin_catalogues", "--check")
    assert admin_catalogues.coverage("da").by_erfa == translated_before - 200


@pytest.mark.django_db
def test_the_translation_editors_menu_says_atgarder_in_swedish(admin_user, client):
    """wagtail-localize's Swedish called its "Actions" menu "Handlingar" (documents): Erfa's catalogue says
    "Åtgärder", as Wagtail's own Swedish does (admin_catalogues.MISTRANSLATED)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "sv"
    profile.save()
    login_with_second_factor(client, admin_user)
    response = client.get(reverse("wagtail_localize:javascript_catalog"))
    assert response.status_code == 200
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1))
    assert catalogue["Actions"] == "Åtgärder"
    assert catalogue["Download PO file"] == "Ladda ner PO-fil"
