"""The catalogues and the demo's section titles follow docs/glossary.md: one name per concept per language."""

import re
from pathlib import Path

import polib
import pytest
import yaml

from demo.content import CONTENT
from portal.languages import CODES, TRANSLATION_TARGETS

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"

# Synonyms the glossary replaced; a translation that brings one back names a concept twice.
RETIRED = {
    "sv": ["Upplägg", "Erfarenheter", "Exempel från det här", "processledarens"],
    "nb": ["Opplegg", "Erfaringer", "Eksempler fra dette", "prosessveilederens"],
    "da": ["Cases fra", ", cases,", "gennemsyn", "Gennemsyn"],
    "nl": ["Opzet", "Praktijkverhalen", "Praktijkvoorbeelden", "Casestudies", "casestudies"],
}


def table(heading):
    """The rows of the Markdown table under ``## heading``, as lists of cells."""
    text = GLOSSARY.read_text()
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    return header, [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def term_pairs():
    header, rows = table("Terms")
    languages = [column.split()[0] for column in header[2:]]
    assert languages == list(TRANSLATION_TARGETS)
    for row in rows:
        msgids = re.findall(r"`([^`]+)`", row[1])
        for language, cell in zip(languages, row[2:], strict=True):
            forms = [form.strip() for form in cell.split(" / ")]
            assert len(forms) == len(msgids), f"{row[0]} ({language}): {len(msgids)} msgids, {len(forms)} forms"
            yield from ((language, msgid, form) for msgid, form in zip(msgids, forms, strict=True))


@pytest.fixture(scope="module")
def catalogues():
    return {
        code: polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po")) for code in TRANSLATION_TARGETS
    }


def test_every_glossary_term_is_translated_as_the_glossary_says(catalogues):
    pairs = list(term_pairs())
    assert len(pairs) > 100
    wrong = []
    for language, msgid, form in pairs:
        entry = catalogues[language].find(msgid)
        assert entry is not None, f"{msgid!r} is not in the {language} catalogue"
        if entry.msgstr != form:
            wrong.append(f"{language}: {msgid!r} is {entry.msgstr!r}, the glossary says {form!r}")
    assert not wrong, "\n".join(wrong)


def test_no_translation_uses_a_retired_synonym(catalogues):
    found = [
        f"{language}: {entry.msgid!r} -> {entry.msgstr!r}"
        for language, words in RETIRED.items()
        for entry in catalogues[language]
        for word in words
        if word in entry.msgstr
    ]
    assert not found, "\n".join(found)


def test_the_menus_section_titles_use_the_glossarys_names():
    header, rows = table("Section titles (the menu)")
    languages = header[1:]
    assert languages == list(CODES)
    pages = yaml.safe_load((CONTENT / "taxonomy" / "index-pages.yaml").read_text())["pages"]
    for section, *titles in rows:
        assert pages[section]["title"] == dict(zip(languages, titles, strict=True)), section
