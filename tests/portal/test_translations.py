from pathlib import Path

import polib
import pytest
from django.conf import settings

from portal.admin_catalogues import entry_faults

TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(language):
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated(language):
    po = catalogue(language)
    assert len(po) > 0
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated {untranslated}"
    assert fuzzy == [], f"{language}: fuzzy {fuzzy}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_placeholders_brackets_and_tags_survive_translation(language):
    """The same check as for the admin's catalogues; a singular form may spell out "one" instead of the count."""
    entries = catalogue(language).translated_entries()
    assert [(entry.msgid, entry_faults(entry)) for entry in entries if entry_faults(entry)] == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogues_are_compiled(language):
    po_path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run `manage.py compile_translations` (make does)"
    assert mo_path.stat().st_mtime >= po_path.stat().st_mtime
