import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

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


PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}")


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_placeholders_survive_translation(language):
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            # A singular form may spell out "one" instead of using the count.
            allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
            for text in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(text)) <= allowed, (language, entry.msgid)
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), (
                language,
                entry.msgid,
            )


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogues_are_compiled(language):
    po_path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run `manage.py compile_translations` (make does)"
    assert mo_path.stat().st_mtime >= po_path.stat().st_mtime
